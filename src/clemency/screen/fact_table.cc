#include "clemency/screen/fact_table.h"

#include <algorithm>
#include <cmath>

#include "clemency/law/remedy.h"

namespace clemency {
namespace {

constexpr std::string_view kSeverityOrder[] = {"violent", "sex", "property", "drug_distribution",
                                               "drug_possession", "public_order", "other"};

int64_t DaysOrNa(Date d) { return d.missing() ? kNa : d.days(); }
int64_t IntOrNa(int32_t v) { return v == kMissingInt ? kNa : v; }

}  // namespace

int CategorySeverity(std::string_view category) {
  for (size_t i = 0; i < std::size(kSeverityOrder); ++i)
    if (kSeverityOrder[i] == category) return static_cast<int>(i);
  return static_cast<int>(std::size(kSeverityOrder));
}

int64_t FactTable::StringId(std::string_view s) const {
  const auto id = strings.Find(s);
  return id && *id != kNoStr ? static_cast<int64_t>(*id) : kNa;
}

int FactTable::FlagBit(std::string_view flag) const {
  for (size_t i = 0; i < flag_names.size(); ++i)
    if (flag_names[i] == flag) return static_cast<int>(i);
  return -1;
}

namespace {

// Current-law terms as fact values: life is kNa, as unknown is (kNa is the
// law's kUnknownTerm: core/unknown.h).
int64_t TermFact(int64_t t) { return t == kLifeTerm ? kNa : t; }

// The guaranteed excess: known when positive, or when nothing could be taken off.
int64_t ExcessFact(int64_t min, int64_t max) {
  if (min == kNa) return kNa;
  if (min > 0) return min;
  return max == 0 ? 0 : kNa;
}

// A sentence's term and current-law terms summed along its consecutive_to
// chain; a sum is unknown when any term on the chain is.
struct ChainSum {
  int64_t term = 0, high = 0, low = 0;
  bool term_known = true, high_known = true, low_known = true;
  uint8_t state = 0;  // 0 not summed, 1 being summed, 2 summed
};

ChainSum Plus(const ChainSum& rest, const FactTable& t, uint32_t s) {
  ChainSum c = rest;
  auto add = [](int64_t v, int64_t& sum, bool& known) {
    if (v == kNa) known = false;
    else sum += v;
  };
  add(t.term[s], c.term, c.term_known);
  add(t.s_current_law_term[s], c.high, c.high_known);
  add(t.s_current_law_term_low[s], c.low, c.low_known);
  c.state = 2;
  return c;
}

// The chain sums of the sentences r (one person's, whose consecutive_to stays
// within r), into sums[s - r.begin]. Each sentence is summed once, so a chain
// costs its length, not its square. A circle (the loader rejects them) sums
// as unknown.
void SumChains(const FactTable& t, std::span<const uint32_t> consecutive_to, IndexRange r,
               std::vector<ChainSum>& sums, std::vector<uint32_t>& stack) {
  sums.assign(r.end - r.begin, ChainSum{});
  for (uint32_t s = r.begin; s < r.end; ++s) {
    stack.clear();
    uint32_t c = s;
    for (; c != kNoIndex && sums[c - r.begin].state == 0; c = consecutive_to[c]) {
      sums[c - r.begin].state = 1;
      stack.push_back(c);
    }
    ChainSum rest;
    if (c != kNoIndex) rest = sums[c - r.begin];
    if (c != kNoIndex && rest.state == 1) rest = {0, 0, 0, false, false, false, 2};
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) rest = sums[*it - r.begin] = Plus(rest, t, *it);
  }
}

}  // namespace

// Applies the reforms of each sentence's jurisdiction (the prefix of its
// offense code) and fills the sentence current-law columns.
void ApplyReforms(FactTable& t, const Population& pop, const CatalogSet& catalogs, const ReformSets& reforms) {
  const size_t ns = pop.sentence_count();
  t.s_current_law_term = t.term;
  t.s_current_law_term_low = t.term;
  t.s_current_law_excess.assign(ns, 0);
  t.s_current_law_excess_max.assign(ns, 0);
  t.s_current_law_remedy.assign(ns, t.strings.Intern("none"));
  t.s_reclassified.assign(ns, kFalse);
  t.law_index.assign(ns, kNoIndex);
  std::map<std::string, CurrentLawCalculator, std::less<>> calculators;
  for (const auto& [code, set] : reforms) {
    auto cat = catalogs.find(code);
    calculators.emplace(code, CurrentLawCalculator(cat == catalogs.end() ? nullptr : cat->second, *set, t.as_of));
  }
  if (calculators.empty()) return;
  // Per distinct code: its calculator (null: none) and whether it may be touched.
  // An enhancement code can sit on sentences of several jurisdictions, so its
  // answer is kept per calculator.
  std::vector<const CurrentLawCalculator*> calc_of(pop.strings.size(), nullptr);
  std::vector<int8_t> offense_touch(t.strings.size(), -1);
  std::map<const CurrentLawCalculator*, std::vector<int8_t>> enh_touch_of;
  for (const auto& [code, calc] : calculators) enh_touch_of[&calc].assign(t.strings.size(), -1);
  std::vector<uint8_t> looked_up(pop.strings.size(), 0);
  auto lookup = [&](StrId code) {
    if (looked_up[code]) return;
    looked_up[code] = 1;
    const std::string_view jur = CodeJurisdiction(pop.strings.View(code));
    if (auto c = calculators.find(jur); c != calculators.end()) calc_of[code] = &c->second;
  };
  // The code a reform sees: the catalog code it resolved to, else as written.
  auto code_text = [&](uint32_t s) { return t.strings.View(static_cast<StrId>(t.offense_code[s])); };
  std::vector<const Offense*> person_offenses;
  std::vector<EnhancementDays> enh;
  for (uint32_t p = 0; p < pop.people_count(); ++p) {
    const IndexRange r = pop.SentencesOf(p);
    bool any = false;
    for (uint32_t s = r.begin; s < r.end && !any; ++s) {
      const StrId code = pop.sentences.offense_code[s];
      lookup(code);
      const CurrentLawCalculator* calc = calc_of[code];
      if (calc == nullptr) continue;
      int8_t& touch = offense_touch[static_cast<size_t>(t.offense_code[s])];
      if (touch < 0) touch = calc->OffenseMayBeTouched(code_text(s));
      any = touch > 0;
      const IndexRange er = pop.EnhancementsOf(s);
      if (any || er.begin == er.end) continue;
      std::vector<int8_t>& enh_touch = enh_touch_of[calc];
      for (uint32_t e = er.begin; e < er.end && !any; ++e) {
        const int64_t ec = t.enhancement_code[e];
        if (enh_touch[ec] < 0) enh_touch[ec] = calc->EnhancementMayBeTouched(t.strings.View(static_cast<StrId>(ec)));
        any = enh_touch[ec] > 0;
      }
    }
    if (!any) continue;
    person_offenses.clear();
    for (uint32_t s = r.begin; s < r.end; ++s) person_offenses.push_back(t.offenses.of(s).offense);
    for (uint32_t s = r.begin; s < r.end; ++s) {
      const StrId code = pop.sentences.offense_code[s];
      lookup(code);
      const CurrentLawCalculator* calc = calc_of[code];
      if (calc == nullptr) continue;
      enh.clear();
      const IndexRange er = pop.EnhancementsOf(s);
      for (uint32_t e = er.begin; e < er.end; ++e)
        enh.push_back({t.strings.View(static_cast<StrId>(t.enhancement_code[e])), pop.enhancements[e].days});
      ImposedSentence in;
      in.offense_code = code_text(s);
      in.type = pop.sentences.type[s];
      in.term_days = t.term[s];
      in.min_term_days = t.min_term[s];
      in.enhancements = enh;
      if (pop.sentences.drug_type[s] != kNoStr) in.drug_type = pop.strings.View(pop.sentences.drug_type[s]);
      in.drug_grams = pop.sentences.drug_grams[s];
      in.sentence_date = pop.sentences.sentence_date[s];
      in.offense_date = pop.sentences.offense_date[s];
      CurrentLawTerm law = calc->Compute(in, person_offenses);
      if (!law.changed()) continue;
      t.s_current_law_term[s] = TermFact(law.high);
      t.s_current_law_term_low[s] = TermFact(law.low);
      t.s_current_law_excess[s] = ExcessFact(law.excess_min, law.excess_max);
      t.s_current_law_excess_max[s] = TermFact(law.excess_max);
      t.s_current_law_remedy[s] = t.strings.Intern(RemedyName(*law.remedy));  // set: law.changed()
      t.s_reclassified[s] = law.reclassified ? kTrue : kFalse;
      t.law_index[s] = static_cast<uint32_t>(t.law.size());
      t.law.push_back({&calc->reforms(), std::move(law)});
    }
  }
}

namespace {

// Population strings as table strings, interned on first use.
class TableStrings {
 public:
  TableStrings(const Population& pop, FactTable& t) : pop_(pop), t_(t), remap_(pop.strings.size(), -1) {}
  int64_t FromPopulation(StrId id) {
    if (id == kNoStr) return kNa;
    int64_t& r = remap_[id];
    if (r < 0) r = t_.strings.Intern(pop_.strings.View(id));
    return r;
  }
  int64_t Name(std::string_view s) { return t_.strings.Intern(s); }
  // The ids of a vocabulary's names, in its order.
  template <typename List>
  std::vector<int64_t> Names(const List& names) {
    std::vector<int64_t> ids;
    for (std::string_view n : names) ids.push_back(Name(n));
    return ids;
  }

 private:
  const Population& pop_;
  FactTable& t_;
  std::vector<int64_t> remap_;
};

// The sentence columns, offense codes resolved against their catalogs.
// (kOffenseFlags is flag_names: ResolvedOffense's bits are FactTable's.)
void FillSentences(FactTable& t, const Population& pop, const CatalogSet& catalogs, TableStrings& names) {
  const size_t ns = pop.sentence_count();
  t.sentence_person = pop.sentences.person.to_vector();
  for (Cells<int64_t>* c : {&t.offense_code, &t.category, &t.type, &t.status, &t.drug_type, &t.term, &t.min_term,
                                  &t.enhancement_days, &t.sentence_date, &t.offense_date, &t.projected_release,
                                  &t.parole_eligibility})
    c->resize(ns);
  t.flags.resize(ns);
  t.flags_known.resize(ns);
  t.in_catalog.resize(ns);
  t.active.resize(ns);
  t.drug_grams = pop.sentences.drug_grams.to_vector();
  const std::vector<int64_t> type_ids = names.Names(kSentenceTypeNames), status_ids = names.Names(kSentenceStatusNames);
  // Every code resolved against its catalog, once per distinct code.
  t.offenses = ResolveOffenses(pop, catalogs);
  std::vector<int64_t> resolved_code(t.offenses.entries.size()), resolved_category(t.offenses.entries.size());
  for (size_t i = 0; i < t.offenses.entries.size(); ++i) {
    const OffenseResolutions::Entry& en = t.offenses.entries[i];
    resolved_code[i] = en.resolved.offense != nullptr ? names.Name(en.resolved.offense->code) : names.FromPopulation(en.code);
    resolved_category[i] = en.resolved.category_known() ? names.Name(en.resolved.category) : kNa;
  }
  for (uint32_t s = 0; s < ns; ++s) {
    const uint32_t i = t.offenses.of_sentence[s];
    const ResolvedOffense& ro = t.offenses.entries[i].resolved;
    t.offense_code[s] = resolved_code[i];
    t.in_catalog[s] = ro.category_known();
    t.category[s] = resolved_category[i];
    t.flags[s] = ro.flags;
    t.flags_known[s] = ro.flags_known;
    const SentenceType type = pop.sentences.type[s];
    t.type[s] = type_ids[static_cast<size_t>(type)];
    t.status[s] = status_ids[static_cast<size_t>(pop.sentences.status[s])];
    t.active[s] = pop.sentences.status[s] == SentenceStatus::kActive ? kTrue : kFalse;
    t.drug_type[s] = names.FromPopulation(pop.sentences.drug_type[s]);
    t.term[s] = type == SentenceType::kDeterminate     ? IntOrNa(pop.sentences.term_days[s])
                : type == SentenceType::kIndeterminate ? IntOrNa(pop.sentences.max_term_days[s])
                                                       : kNa;
    t.min_term[s] = type == SentenceType::kIndeterminate ? IntOrNa(pop.sentences.min_term_days[s]) : kNa;
    int64_t enh = 0;
    const IndexRange er = pop.EnhancementsOf(s);
    for (uint32_t e = er.begin; e < er.end; ++e) enh += pop.enhancements[e].days;
    t.enhancement_days[s] = enh;
    t.sentence_date[s] = DaysOrNa(pop.sentences.sentence_date[s]);
    t.offense_date[s] = DaysOrNa(pop.sentences.offense_date[s]);
    t.projected_release[s] = DaysOrNa(pop.sentences.projected_release_date[s]);
    t.parole_eligibility[s] = DaysOrNa(pop.sentences.parole_eligibility_date[s]);
  }
  t.enhancement_code.resize(pop.enhancements.size());
  for (size_t e = 0; e < pop.enhancements.size(); ++e) t.enhancement_code[e] = names.Name(t.offenses.enhancement_code[e]);
}

// The law of each jurisdiction code, looked up once per code, not per person.
class JurisdictionLaws {
 public:
  struct Entry {
    bool looked_up = false;
    int64_t authority = kNa, vote = kNa;
    bool no_reform_pack = false;  // whether the excess is unknown for want of reforms
  };
  JurisdictionLaws(const Population& pop, const LawRefs& law, Date as_of, TableStrings& names)
      : pop_(pop), law_(law), as_of_(as_of), names_(names), by_code_(pop.strings.size()) {}

  const Entry& Of(StrId code) {
    Entry& e = by_code_[code];
    if (e.looked_up) return e;
    e.looked_up = true;
    const std::string_view text = pop_.str(code);
    if (auto j = law_.jurisdictions.find(text); j != law_.jurisdictions.end()) {
      e.authority = names_.Name(j->second->clemency.authority);
      e.vote = names_.Name(j->second->voting.restoration);
    }
    // No pack, or a pack whose review of the law ends before the as-of date.
    const auto pack = law_.reforms.find(text);
    e.no_reform_pack = law_.unknown_without_reforms &&
                       (pack == law_.reforms.end() ||
                        (!pack->second->reviewed_through().missing() && pack->second->reviewed_through() < as_of_));
    return e;
  }

 private:
  const Population& pop_;
  const LawRefs& law_;
  Date as_of_;
  TableStrings& names_;
  std::vector<Entry> by_code_;
};

// The person columns read straight from the population.
void FillPersonColumns(FactTable& t, const Population& pop, TableStrings& names, JurisdictionLaws& laws) {
  const size_t np = pop.people_count();
  for (Cells<int64_t>* c : {&t.birth, &t.admission, &t.admission_type, &t.sex, &t.race, &t.jurisdiction,
                                  &t.facility_id, &t.infractions_5y, &t.clemency_authority, &t.vote_restoration})
    c->resize(np);
  t.medical_high_risk.resize(np);
  const std::vector<int64_t> adm_ids = names.Names(kAdmissionTypeNames), sex_ids = names.Names(kSexNames),
                             race_ids = names.Names(kRaceNames);
  const int64_t unknown_adm = adm_ids[static_cast<size_t>(AdmissionType::kUnknown)];
  for (uint32_t p = 0; p < np; ++p) {
    t.birth[p] = pop.people.birth_date[p].days();
    t.admission[p] = pop.people.admission_date[p].days();
    const int64_t adm = adm_ids[static_cast<size_t>(pop.people.admission_type[p])];
    t.admission_type[p] = adm == unknown_adm ? kNa : adm;
    t.sex[p] = sex_ids[static_cast<size_t>(pop.people.sex[p])];
    t.race[p] = race_ids[static_cast<size_t>(pop.people.race[p])];
    t.jurisdiction[p] = names.FromPopulation(pop.people.jurisdiction[p]);
    t.facility_id[p] = names.FromPopulation(pop.people.facility_id[p]);
    const JurisdictionLaws::Entry& jl = laws.Of(pop.people.jurisdiction[p]);
    t.clemency_authority[p] = jl.authority;
    t.vote_restoration[p] = jl.vote;
    t.infractions_5y[p] = IntOrNa(pop.people.infractions_5y[p]);
    const int8_t med = pop.people.medical_high_risk[p];
    t.medical_high_risk[p] = med == kUnknownFlag ? kUnknownBool : med == 1 ? kTrue : kFalse;
  }
}

// What a person's active sentences add up to: imposed term, current-law
// terms, release, excess of single sentences, remedy, most serious category.
struct ActiveSentences {
  int64_t count = 0, imposed = 0, law_high = 0, law_low = 0, release = kNa;
  bool term_known = true, high_known = true, low_known = true, release_known = true, touched = false;
  int64_t s_excess_min = 0, s_excess_max = 0;  // over touched active sentences; kNa when unknown
  Remedy remedy = Remedy::kNone;
  int best = static_cast<int>(std::size(kSeverityOrder));  // most serious known category
  bool category_unknown = false;
};

// Imposed term: a consecutive sentence adds to the one it follows; the
// person's term is the longest chain through an active sentence. The
// current-law terms chain the same way.
ActiveSentences SumActiveSentences(const FactTable& t, IndexRange r, std::span<const ChainSum> chains) {
  ActiveSentences a;
  for (uint32_t s = r.begin; s < r.end; ++s) {
    const ChainSum& chain = chains[s - r.begin];
    if (t.active[s] != kTrue) continue;
    ++a.count;
    if (!chain.term_known) a.term_known = false;
    else a.imposed = std::max(a.imposed, chain.term);
    if (!chain.high_known) a.high_known = false;
    else a.law_high = std::max(a.law_high, chain.high);
    if (!chain.low_known) a.low_known = false;
    else a.law_low = std::max(a.law_low, chain.low);
    if (t.law_index[s] != kNoIndex) {
      const CurrentLawTerm& sl = t.law[t.law_index[s]].term;
      a.touched = true;
      const int64_t mn = sl.excess_min, mx = sl.excess_max;
      a.s_excess_min = (a.s_excess_min == kNa || mn == kNa) ? kNa : std::max(a.s_excess_min, mn);
      a.s_excess_max = (a.s_excess_max == kNa || mx == kNa) ? kNa : std::max(a.s_excess_max, mx);
      if (sl.excess_max != 0 && Stronger(*sl.remedy, a.remedy)) a.remedy = *sl.remedy;
    }
    if (t.projected_release[s] == kNa) a.release_known = false;
    else a.release = std::max(a.release, t.projected_release[s]);
    if (!t.in_catalog[s]) a.category_unknown = true;
    else a.best = std::min(a.best, CategorySeverity(t.strings.View(static_cast<StrId>(t.category[s]))));
  }
  return a;
}

// The person's current-law excess from their active sentences.
void SetExcess(FactTable& t, uint32_t p, const ActiveSentences& a, bool no_reform_pack) {
  if (a.count == 0 || no_reform_pack) {
    // No reforms encoded for the jurisdiction: whether today's law is shorter
    // is not known, which is not the same as "no".
    t.current_law_excess[p] = t.current_law_excess_max[p] = kNa;
  } else if (!a.touched) {
    t.current_law_excess[p] = t.current_law_excess_max[p] = 0;
  } else if (t.imposed_term[p] != kNa && t.current_law_term[p] != kNa) {
    // Whole terms in days: the excess follows from the chains.
    const int64_t mn = std::max<int64_t>(0, t.imposed_term[p] - t.current_law_term[p]);
    const int64_t mx = t.current_law_term_low[p] == kNa ? kNa : std::max<int64_t>(0, t.imposed_term[p] - t.current_law_term_low[p]);
    t.current_law_excess[p] = ExcessFact(mn, mx);
    t.current_law_excess_max[p] = mx;
  } else {
    // A life or open-ended term: the largest excess of a single sentence.
    t.current_law_excess[p] = ExcessFact(a.s_excess_min, a.s_excess_max);
    t.current_law_excess_max[p] = a.s_excess_max;
  }
}

// The person columns that sum their sentences.
void FillPersonSums(FactTable& t, const Population& pop, TableStrings& names, JurisdictionLaws& laws) {
  const size_t np = pop.people_count();
  for (Cells<int64_t>* c : {&t.release, &t.imposed_term, &t.current_law_term, &t.current_law_term_low,
                                  &t.current_law_excess, &t.current_law_excess_max, &t.current_law_remedy,
                                  &t.most_serious_category, &t.active_sentences})
    c->resize(np);
  t.sentence_begin.resize(np + 1);
  std::vector<int64_t> remedy_ids;
  for (const RemedyKind& k : kRemedyKinds) remedy_ids.push_back(names.Name(k.name));
  const std::vector<int64_t> cat_ids = names.Names(kSeverityOrder);
  std::vector<ChainSum> chains;
  std::vector<uint32_t> chain_stack;
  for (uint32_t p = 0; p < np; ++p) {
    const IndexRange r = pop.SentencesOf(p);
    t.sentence_begin[p] = r.begin;
    SumChains(t, pop.sentences.consecutive_to, r, chains, chain_stack);
    const ActiveSentences a = SumActiveSentences(t, r, chains);
    const bool no_reform_pack = laws.Of(pop.people.jurisdiction[p]).no_reform_pack;
    t.active_sentences[p] = a.count;
    t.imposed_term[p] = a.count > 0 && a.term_known ? a.imposed : kNa;
    t.current_law_term[p] = a.count > 0 && a.high_known ? a.law_high : kNa;
    t.current_law_term_low[p] = a.count > 0 && a.low_known ? a.law_low : kNa;
    const Remedy remedy = a.count > 0 && no_reform_pack ? Remedy::kUnknown : a.remedy;
    t.current_law_remedy[p] = remedy_ids[static_cast<size_t>(remedy)];
    SetExcess(t, p, a, no_reform_pack);
    t.release[p] = a.count > 0 && a.release_known ? a.release : kNa;
    // An unknown category could be more serious than the best known one,
    // unless the best known one is already the most serious.
    const bool category_known = a.best < static_cast<int>(std::size(kSeverityOrder)) && (!a.category_unknown || a.best == 0);
    t.most_serious_category[p] = category_known ? cat_ids[static_cast<size_t>(a.best)] : kNa;
  }
  t.sentence_begin[np] = static_cast<uint32_t>(pop.sentence_count());
}

// Ties in ranking are broken by person_id: sorted once here, not per screening.
void SortByPersonId(FactTable& t, const Population& pop) {
  const size_t np = pop.people_count();
  t.by_person_id.resize(np);
  for (uint32_t p = 0; p < np; ++p) t.by_person_id[p] = p;
  const auto by_id = [&](uint32_t a, uint32_t b) { return pop.str(pop.people.id[a]) < pop.str(pop.people.id[b]); };
  // Agencies and the synthesizer often write people in person_id order:
  // checking that is one pass, sorting n log n string compares.
  if (!std::is_sorted(t.by_person_id.begin(), t.by_person_id.end(), by_id))
    std::sort(t.by_person_id.begin(), t.by_person_id.end(), by_id);
  t.person_id_rank.resize(np);
  for (uint32_t i = 0; i < np; ++i) t.person_id_rank[t.by_person_id[i]] = i;
}

}  // namespace

FactTable BuildFactTable(const Population& pop, const LawRefs& law, Date as_of) {
  FactTable t;
  t.population = &pop;
  t.as_of = as_of;
  for (std::string_view f : kOffenseFlags) t.flag_names.emplace_back(f);
  TableStrings names(pop, t);
  FillSentences(t, pop, law.catalogs, names);
  ApplyReforms(t, pop, law.catalogs, law.reforms);
  for (const auto& [code, set] : law.reforms)
    if (!set->reviewed_through().missing()) t.law_reviewed_through[code] = set->reviewed_through();
  JurisdictionLaws laws(pop, law, as_of, names);
  FillPersonColumns(t, pop, names, laws);
  FillPersonSums(t, pop, names, laws);
  SortByPersonId(t, pop);
  return t;
}

}  // namespace clemency
