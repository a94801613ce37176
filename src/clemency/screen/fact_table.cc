#include "clemency/screen/fact_table.h"

#include <algorithm>
#include <cmath>

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

FactTable BuildFactTable(const Population& pop, const CatalogSet& catalogs, Date as_of) {
  FactTable t;
  t.population = &pop;
  t.as_of = as_of;
  for (std::string_view f : kOffenseFlags) t.flag_names.emplace_back(f);
  const size_t np = pop.people_count(), ns = pop.sentence_count();

  // Population strings -> table strings, on first use.
  std::vector<int64_t> remap(pop.strings.size(), -1);
  auto from_pop = [&](StrId id) -> int64_t {
    if (id == kNoStr) return kNa;
    int64_t& r = remap[id];
    if (r < 0) r = t.strings.Intern(pop.strings.View(id));
    return r;
  };
  auto name = [&](std::string_view s) -> int64_t { return t.strings.Intern(s); };

  // Sentences.
  t.sentence_person = pop.sentences.person;
  t.offense_code.resize(ns);
  t.category.resize(ns);
  t.type.resize(ns);
  t.status.resize(ns);
  t.drug_type.resize(ns);
  t.flags.resize(ns);
  t.in_catalog.resize(ns);
  t.active.resize(ns);
  t.term.resize(ns);
  t.min_term.resize(ns);
  t.enhancement_days.resize(ns);
  t.s_current_law_term.resize(ns);
  t.s_current_law_excess.resize(ns);
  t.sentence_date.resize(ns);
  t.offense_date.resize(ns);
  t.projected_release.resize(ns);
  t.parole_eligibility.resize(ns);
  t.drug_grams = pop.sentences.drug_grams;
  std::vector<int64_t> type_ids, status_ids;
  for (std::string_view n : kSentenceTypeNames) type_ids.push_back(name(n));
  for (std::string_view n : kSentenceStatusNames) status_ids.push_back(name(n));
  // Catalog lookups, once per distinct code.
  std::vector<int32_t> catalog_category(pop.strings.size(), -2);  // -2 not looked up, -1 not found
  std::vector<uint64_t> catalog_flags(pop.strings.size(), 0);
  for (uint32_t s = 0; s < ns; ++s) {
    const StrId code = pop.sentences.offense_code[s];
    t.offense_code[s] = from_pop(code);
    if (catalog_category[code] == -2) {
      catalog_category[code] = -1;
      const std::string_view text = pop.strings.View(code);
      const size_t colon = text.find(':');
      auto cat = catalogs.find(text.substr(0, colon));
      if (cat != catalogs.end()) {
        if (const Offense* o = cat->second->Find(text)) {
          catalog_category[code] = static_cast<int32_t>(name(o->category));
          uint64_t mask = 0;
          for (const std::string& f : o->flags) {
            const int bit = t.FlagBit(f);
            if (bit >= 0) mask |= uint64_t{1} << bit;
          }
          catalog_flags[code] = mask;
        }
      }
    }
    t.in_catalog[s] = catalog_category[code] >= 0;
    t.category[s] = catalog_category[code] >= 0 ? catalog_category[code] : kNa;
    t.flags[s] = catalog_flags[code];
    const SentenceType type = pop.sentences.type[s];
    t.type[s] = type_ids[static_cast<size_t>(type)];
    t.status[s] = status_ids[static_cast<size_t>(pop.sentences.status[s])];
    t.active[s] = pop.sentences.status[s] == SentenceStatus::kActive ? kTrue : kFalse;
    t.drug_type[s] = from_pop(pop.sentences.drug_type[s]);
    t.term[s] = type == SentenceType::kDeterminate     ? IntOrNa(pop.sentences.term_days[s])
                : type == SentenceType::kIndeterminate ? IntOrNa(pop.sentences.max_term_days[s])
                                                       : kNa;
    t.min_term[s] = type == SentenceType::kIndeterminate ? IntOrNa(pop.sentences.min_term_days[s]) : kNa;
    int64_t enh = 0;
    const IndexRange er = pop.EnhancementsOf(s);
    for (uint32_t e = er.begin; e < er.end; ++e) enh += pop.enhancements[e].days;
    t.enhancement_days[s] = enh;
    // No reforms are loaded yet: the current-law term is the imposed term, so
    // the excess is zero even where the term itself is not a number of days
    // (a life term under current law is still a life term).
    t.s_current_law_term[s] = t.term[s];
    t.s_current_law_excess[s] = 0;
    t.sentence_date[s] = DaysOrNa(pop.sentences.sentence_date[s]);
    t.offense_date[s] = DaysOrNa(pop.sentences.offense_date[s]);
    t.projected_release[s] = DaysOrNa(pop.sentences.projected_release_date[s]);
    t.parole_eligibility[s] = DaysOrNa(pop.sentences.parole_eligibility_date[s]);
  }

  // People.
  t.birth.resize(np);
  t.admission.resize(np);
  t.release.resize(np);
  t.imposed_term.resize(np);
  t.current_law_term.resize(np);
  t.current_law_excess.resize(np);
  t.most_serious_category.resize(np);
  t.active_sentences.resize(np);
  t.admission_type.resize(np);
  t.sex.resize(np);
  t.race.resize(np);
  t.jurisdiction.resize(np);
  t.facility_id.resize(np);
  t.infractions_5y.resize(np);
  t.medical_high_risk.resize(np);
  t.sentence_begin.resize(np + 1);
  std::vector<int64_t> adm_ids, sex_ids, race_ids, cat_ids;
  for (std::string_view n : kAdmissionTypeNames) adm_ids.push_back(name(n));
  for (std::string_view n : kSexNames) sex_ids.push_back(name(n));
  for (std::string_view n : kRaceNames) race_ids.push_back(name(n));
  for (std::string_view n : kSeverityOrder) cat_ids.push_back(name(n));
  const int64_t unknown_adm = adm_ids[static_cast<size_t>(AdmissionType::kUnknown)];
  for (uint32_t p = 0; p < np; ++p) {
    const IndexRange r = pop.SentencesOf(p);
    t.sentence_begin[p] = r.begin;
    t.birth[p] = pop.people.birth_date[p].days();
    t.admission[p] = pop.people.admission_date[p].days();
    const int64_t adm = adm_ids[static_cast<size_t>(pop.people.admission_type[p])];
    t.admission_type[p] = adm == unknown_adm ? kNa : adm;
    t.sex[p] = sex_ids[static_cast<size_t>(pop.people.sex[p])];
    t.race[p] = race_ids[static_cast<size_t>(pop.people.race[p])];
    t.jurisdiction[p] = from_pop(pop.people.jurisdiction[p]);
    t.facility_id[p] = from_pop(pop.people.facility_id[p]);
    t.infractions_5y[p] = IntOrNa(pop.people.infractions_5y[p]);
    const int8_t med = pop.people.medical_high_risk[p];
    t.medical_high_risk[p] = med == kUnknownFlag ? kUnknownBool : med == 1 ? kTrue : kFalse;

    // Imposed term: a consecutive sentence adds to the one it follows; the
    // person's term is the longest chain through an active sentence.
    int64_t active = 0, imposed = 0, release = kNa;
    bool term_known = true, release_known = true;
    int best = static_cast<int>(std::size(kSeverityOrder));
    bool category_unknown = false;
    for (uint32_t s = r.begin; s < r.end; ++s) {
      // Sum along consecutive_to (acyclic: the loader rejects circles).
      int64_t total = 0;
      bool known = true;
      for (uint32_t c = s; c != kNoIndex; c = pop.sentences.consecutive_to[c]) {
        if (t.term[c] == kNa) known = false;
        else total += t.term[c];
      }
      if (t.active[s] != kTrue) continue;
      ++active;
      if (!known) term_known = false;
      else imposed = std::max(imposed, total);
      if (t.projected_release[s] == kNa) release_known = false;
      else release = std::max(release, t.projected_release[s]);
      if (!t.in_catalog[s]) category_unknown = true;
      else best = std::min(best, CategorySeverity(t.strings.View(static_cast<StrId>(t.category[s]))));
    }
    t.active_sentences[p] = active;
    t.imposed_term[p] = active > 0 && term_known ? imposed : kNa;
    t.current_law_term[p] = t.imposed_term[p];
    t.current_law_excess[p] = active > 0 ? 0 : kNa;
    t.release[p] = active > 0 && release_known ? release : kNa;
    // An unknown category could be more serious than the best known one,
    // unless the best known one is already the most serious.
    const bool category_known = best < static_cast<int>(std::size(kSeverityOrder)) && (!category_unknown || best == 0);
    t.most_serious_category[p] = category_known ? cat_ids[static_cast<size_t>(best)] : kNa;
  }
  t.sentence_begin[np] = static_cast<uint32_t>(ns);

  // Ties in ranking are broken by person_id: sort once here, not per screening.
  t.by_person_id.resize(np);
  for (uint32_t p = 0; p < np; ++p) t.by_person_id[p] = p;
  std::sort(t.by_person_id.begin(), t.by_person_id.end(), [&](uint32_t a, uint32_t b) {
    return pop.str(pop.people.id[a]) < pop.str(pop.people.id[b]);
  });
  t.person_id_rank.resize(np);
  for (uint32_t i = 0; i < np; ++i) t.person_id_rank[t.by_person_id[i]] = i;
  return t;
}

}  // namespace clemency
