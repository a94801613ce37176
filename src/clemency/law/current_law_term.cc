#include "clemency/law/current_law_term.h"

#include <algorithm>
#include <cmath>

#include "clemency/law/remedy.h"

namespace clemency {
namespace {

bool Known(int64_t t) { return t != kUnknownTerm; }

// Catalog triad months to days at 365.25 / 12 days a month.
int64_t MonthsToDays(int months) { return std::llround(months * 365.25 / 12.0); }

bool CodeMatches(std::string_view code, const std::vector<std::string>& patterns) {
  for (const std::string& p : patterns) {
    if (!p.empty() && p.back() == '*') {
      if (code.substr(0, p.size() - 1) == std::string_view(p).substr(0, p.size() - 1)) return true;
    } else if (code == p) {
      return true;
    }
  }
  return false;
}

bool Listed(std::string_view s, const std::vector<std::string>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

int64_t EnhancementTotal(std::span<const EnhancementDays> enh, const std::vector<std::string>& codes) {
  int64_t total = 0;
  for (const EnhancementDays& e : enh)
    if (Listed(e.code, codes)) total += e.days;
  return total;
}

int64_t Minus(int64_t term, int64_t days) {
  if (!Known(term) || term == kLifeTerm) return term;
  return std::max<int64_t>(0, term - days);
}

int64_t AtMost(int64_t term, int64_t cap) { return Known(term) ? std::min(term, cap) : cap; }

bool Present(std::span<const EnhancementDays> enh, const std::vector<std::string>& codes) {
  for (const EnhancementDays& x : enh)
    if (Listed(x.code, codes)) return true;  // a stayed or scheme marker carries 0 days
  return false;
}

enum class Tri { kNo, kYes, kUnknown };

// Whether the sentence falls within a reform's dates. An unrecorded date
// leaves it open (kUnknown, with *what naming it); an offense date that is
// not recorded is settled by a sentencing date before the bound.
Tri DatesMatch(const ReformMatch& m, const ImposedSentence& s, std::string* what) {
  const bool sentenced = !s.sentence_date.missing();
  if (sentenced && !m.sentenced_before.missing() && !(s.sentence_date < m.sentenced_before)) return Tri::kNo;
  if (sentenced && !m.sentenced_on_or_after.missing() && s.sentence_date < m.sentenced_on_or_after) return Tri::kNo;
  Tri result = Tri::kYes;
  if (!sentenced && !m.sentenced_before.missing()) {
    *what = "the sentencing date, which is not recorded (the reform reaches sentences imposed before " +
            m.sentenced_before.ToString() + ")";
    result = Tri::kUnknown;
  }
  if (m.offense_before.missing()) return result;
  if (!s.offense_date.missing()) return s.offense_date < m.offense_before ? result : Tri::kNo;
  if (sentenced && s.sentence_date < m.offense_before) return result;
  *what = "the offense date, which is not recorded (the reform reaches offenses committed before " +
          m.offense_before.ToString() + ")";
  return Tri::kUnknown;
}

// The match keys other than dates. Conditions the data cannot settle are
// added to a->notes and set *uncertain.
bool Touches(const ReformMatch& m, const ImposedSentence& s, std::string_view code, const Offense* offense,
             std::span<const Offense* const> person_offenses, AppliedReform* a, bool* uncertain) {
  if (!m.offense_codes.empty() && !CodeMatches(code, m.offense_codes)) return false;
  if (!m.enhancements.empty() && !Present(s.enhancements, m.enhancements)) return false;
  if (!m.enhancements_none.empty() && Present(s.enhancements, m.enhancements_none)) return false;
  if (!m.sentence_types.empty() && !Listed(kSentenceTypeNames[static_cast<size_t>(s.type)], m.sentence_types))
    return false;
  if (!m.drug_types.empty() && !Listed(s.drug_type, m.drug_types)) return false;
  if (m.drug_grams_at_least >= 0 || m.drug_grams_below >= 0) {
    if (!(s.drug_grams >= 0)) {  // NaN too
      a->NoteData("depends on: the drug quantity, which is not recorded");
      *uncertain = true;
    } else if ((m.drug_grams_at_least >= 0 && s.drug_grams < m.drug_grams_at_least) ||
               (m.drug_grams_below >= 0 && !(s.drug_grams < m.drug_grams_below))) {
      return false;
    }
  }
  if (!m.offense_flags_none.empty()) {
    if (offense == nullptr) {
      a->NoteData("depends on: whether " + std::string(s.offense_code) +
                         " is one of the excluded offenses (it is not in the offense catalog)");
      *uncertain = true;
    } else {
      for (const std::string& f : m.offense_flags_none)
        if (offense->HasFlag(f)) return false;
    }
  }
  if (!m.person_flags_none.empty()) {
    bool unknown = false;
    for (const Offense* o : person_offenses) {
      if (o == nullptr) {
        unknown = true;
        continue;
      }
      for (const std::string& f : m.person_flags_none)
        if (o->HasFlag(f)) return false;
    }
    if (unknown) {
      a->NoteData("depends on: whether another of the person's offenses, not in the catalog, disqualifies");
      *uncertain = true;
    }
  }
  return true;
}

// The effect on the range [*low, *high]. False when it does not apply (a
// life_to_years reform on a term of years).
bool ApplyEffect(const ReformEffect& e, const ImposedSentence& s, const Offense* offense, int64_t imposed,
                 int64_t* low, int64_t* high, AppliedReform* a) {
  switch (e.kind) {
    case EffectKind::kRemoveEnhancement: {
      const int64_t d = EnhancementTotal(s.enhancements, e.enhancements);
      *low = Minus(*low, d);
      *high = Minus(*high, d);
      return true;
    }
    case EffectKind::kShortenEnhancement: {
      int64_t d = 0;
      for (const EnhancementDays& x : s.enhancements)
        if (Listed(x.code, e.enhancements)) d += std::max<int64_t>(0, x.days - e.to_days);
      *low = Minus(*low, d);
      *high = Minus(*high, d);
      return true;
    }
    case EffectKind::kReclassify:
    case EffectKind::kCapTerm:
      *low = AtMost(*low, e.max_days);
      *high = AtMost(*high, e.max_days);
      return true;
    case EffectKind::kLowerMinimum:
      if (Known(*low) && *low != kLifeTerm)
        *low = std::max<int64_t>(std::min<int64_t>(*low, e.to_days), *low - (e.from_days - e.to_days));
      return true;
    case EffectKind::kLifeToYears: {
      if (imposed != kLifeTerm) return false;  // only a life or N-to-life term
      int64_t enh = 0;
      for (const EnhancementDays& x : s.enhancements) enh += x.days;
      if (!e.doubled_triad) {
        *low = e.min_days + enh;
        *high = e.max_life ? kLifeTerm : (e.max_days > 0 ? e.max_days : e.min_days) + enh;
      } else if (offense == nullptr || !offense->has_triad()) {
        a->NoteData("the current-law term cannot be computed: " + std::string(s.offense_code) +
                           " has no sentencing triad in the offense catalog");
        *low = kUnknownTerm;
      } else {
        *low = 2 * MonthsToDays(offense->triad_lower_months) + enh;
        *high = 2 * MonthsToDays(offense->triad_upper_months) + enh;
      }
      return true;
    }
    case EffectKind::kRestoreFelony:
      // The felony term returns as the highest term, never above the term imposed.
      if (Known(*high) && *high != kLifeTerm) *high = std::max(*high, imposed == kLifeTerm ? *high : std::min(imposed, static_cast<int64_t>(e.max_days)));
      return true;
    case EffectKind::kGuidelineRange:
      // Not counted: the data holds no offense level or criminal history.
      a->NoteReform("the amended guideline range may be lower by an amount the data cannot tell (no offense level "
                         "or criminal history points are recorded); the current-law term and excess here leave it out");
      return true;
  }
  return false;
}

}  // namespace

std::string TermText(int64_t days) {
  if (days == kLifeTerm) return "life";
  if (!Known(days)) return "unknown";
  std::string digits = std::to_string(days), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out + (days == 1 ? " day" : " days");
}

CurrentLawCalculator::CurrentLawCalculator(const OffenseCatalog* catalog, const ReformSet& reforms, Date as_of)
    : catalog_(catalog), reforms_(reforms), as_of_(as_of) {
  for (size_t i = 0; i < reforms_.reforms().size(); ++i) {
    const Reform& r = reforms_.reforms()[i];
    if (r.effect && r.effective <= as_of_) in_force_.push_back(static_cast<int>(i));
  }
}

bool CurrentLawCalculator::OffenseMayBeTouched(std::string_view offense_code) const {
  for (int i : in_force_) {
    const ReformMatch& m = reforms_.reforms()[static_cast<size_t>(i)].match;
    if (!m.offense_codes.empty() && CodeMatches(offense_code, m.offense_codes)) return true;
  }
  return false;
}

bool CurrentLawCalculator::EnhancementMayBeTouched(std::string_view enhancement_code) const {
  for (int i : in_force_) {
    const ReformMatch& m = reforms_.reforms()[static_cast<size_t>(i)].match;
    if (m.offense_codes.empty() && Listed(enhancement_code, m.enhancements)) return true;
  }
  return false;
}

CurrentLawCalculator::WindowRemedy CurrentLawCalculator::WindowedRemedy(const Reform& r) const {
  if (!r.window) return {*r.remedy, ""};
  const RemedyWindow& w = *r.window;
  if (!w.opens.missing() && as_of_ < w.opens)
    return {Remedy::kClemency, "remedy: no order may take effect before " + w.opens.ToString() + " (" + w.citation + ")"};
  if (!w.closes.missing() && w.closes < as_of_)
    return {w.after, "remedy: the window closed on " + w.closes.ToString() + ": " + w.after_text + " (" + w.citation + ")"};
  return {*r.remedy, ""};
}

void CurrentLawCalculator::ChooseRemedy(int ri, const ImposedSentence& s, AppliedReform* a, bool* range) const {
  const Reform& r = reforms_.reforms()[static_cast<size_t>(ri)];
  if (r.effect->kind == EffectKind::kRestoreFelony) {
    a->remedy = Remedy::kNone;  // it lengthens nothing already imposed
    return;
  }
  WindowRemedy chosen = r.retroactive ? WindowedRemedy(r) : WindowRemedy{Remedy::kClemency, ""};
  for (size_t qi = 0; qi < reforms_.reforms().size(); ++qi) {
    const Reform& q = reforms_.reforms()[qi];
    if (q.makes_retroactive.empty() || as_of_ < q.effective || !Listed(r.id, q.makes_retroactive)) continue;
    std::string unused;
    if (DatesMatch(q.match, s, &unused) != Tri::kYes) continue;  // cannot tell whether the later law reaches it
    WindowRemedy opened = WindowedRemedy(q);
    if (!Stronger(opened.remedy, chosen.remedy)) continue;
    chosen = std::move(opened);
    a->opened_by = static_cast<int>(qi);
  }
  a->remedy = chosen.remedy;
  if (!chosen.note.empty()) a->NoteReform(std::move(chosen.note));
  if (a->opened_by < 0) return;
  for (const std::string& d : reforms_.reforms()[static_cast<size_t>(a->opened_by)].depends_on) {
    a->NoteReform("depends on: " + d);
    *range = true;
  }
}

void CurrentLawCalculator::OpenFullResentencing(CurrentLawTerm* out) const {
  for (const AppliedReform& trigger : out->applied) {
    if (trigger.opened_by < 0) continue;
    const Reform& q = reforms_.reforms()[static_cast<size_t>(trigger.opened_by)];
    if (!q.full_resentencing) continue;
    for (AppliedReform& a : out->applied) {
      const Reform& r = reforms_.reforms()[static_cast<size_t>(a.reform)];
      if (a.remedy == Remedy::kNone || Listed(r.id, q.full_resentencing_except) || !Stronger(trigger.remedy, a.remedy))
        continue;
      a.remedy = trigger.remedy;
      a.opened_by = trigger.opened_by;
      a.NoteReform("remedy: reached by the full resentencing under " + q.id);
    }
    return;
  }
}

CurrentLawTerm CurrentLawCalculator::Compute(const ImposedSentence& s,
                                             std::span<const Offense* const> person_offenses) const {
  CurrentLawTerm out;
  int64_t floor = kUnknownTerm;  // the minimum of an indeterminate term without maximum
  switch (s.type) {
    case SentenceType::kDeterminate: out.imposed = s.term_days; break;
    case SentenceType::kIndeterminate:
      out.imposed = Known(s.term_days) ? s.term_days : kLifeTerm;
      if (!Known(s.term_days)) floor = s.min_term_days;
      break;
    default: out.imposed = kLifeTerm; break;
  }
  out.low = out.high = out.imposed;
  const Offense* offense = catalog_ != nullptr ? catalog_->Find(s.offense_code) : nullptr;
  std::string code(s.offense_code);  // the subsection the count now falls under

  for (int ri : in_force_) {
    const Reform& r = reforms_.reforms()[static_cast<size_t>(ri)];
    const ReformEffect& e = *r.effect;
    AppliedReform a;
    a.reform = ri;
    std::string undated;
    const Tri dates = DatesMatch(r.match, s, &undated);
    if (dates == Tri::kNo) continue;
    bool uncertain = dates == Tri::kUnknown;
    if (uncertain) a.NoteData("depends on: " + undated);
    if (!Touches(r.match, s, code, offense, person_offenses, &a, &uncertain)) continue;
    if (e.kind == EffectKind::kRestoreFelony && !std::any_of(out.applied.begin(), out.applied.end(), [&](const AppliedReform& x) {
          return Listed(reforms_.reforms()[static_cast<size_t>(x.reform)].id, e.restores);
        }))
      continue;
    for (const std::string& d : r.depends_on) {
      a.NoteReform("depends on: " + d);
      uncertain = true;
    }
    for (const std::string& d : r.assumes) a.NoteReform("assumes: " + d);
    bool range = e.discretionary || uncertain;
    ChooseRemedy(ri, s, &a, &range);
    // The effect, on both ends of the range; a discretionary or uncertain
    // reduction lowers only the low end.
    int64_t low = out.low, high = out.high;
    if (!ApplyEffect(e, s, offense, out.imposed, &low, &high, &a)) continue;
    if (e.kind == EffectKind::kReclassify && !range) out.reclassified = true;
    if (e.kind == EffectKind::kRestoreFelony) out.reclassified = false;
    out.low = low;
    out.high = range && e.kind != EffectKind::kRestoreFelony ? out.high : high;
    if (!e.now_code.empty()) code = e.now_code;
    a.low = out.low;
    a.high = out.high;
    out.applied.push_back(std::move(a));
  }
  OpenFullResentencing(&out);
  // The remedy of what is counted: a guideline amendment's route is listed, not counted.
  for (const AppliedReform& a : out.applied) {
    const bool counted = reforms_.reforms()[static_cast<size_t>(a.reform)].effect->kind != EffectKind::kGuidelineRange;
    if (counted && a.remedy != Remedy::kNone && (!out.remedy || Stronger(a.remedy, *out.remedy))) out.remedy = a.remedy;
  }
  if (!out.remedy && out.changed()) out.remedy = Remedy::kNone;

  // Excess: imposed minus current law, never negative.
  if (!out.changed()) return out;
  const bool imposed_days = Known(out.imposed) && out.imposed != kLifeTerm;
  if (imposed_days) {
    out.excess_min = Known(out.high) && out.high != kLifeTerm ? std::max<int64_t>(0, out.imposed - out.high) : 0;
    out.excess_max = Known(out.low) ? std::max<int64_t>(0, out.imposed - out.low) : kUnknownTerm;
  } else if (out.imposed == kLifeTerm) {
    if (out.high == kLifeTerm) out.excess_min = 0;
    else if (Known(floor) && Known(out.high)) out.excess_min = std::max<int64_t>(0, floor - out.high);
    else out.excess_min = kUnknownTerm;
    out.excess_max = out.low == kLifeTerm ? 0 : kUnknownTerm;
  } else {
    out.excess_min = out.excess_max = kUnknownTerm;
  }
  return out;
}

}  // namespace clemency
