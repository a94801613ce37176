#include "clemency/law/current_law_term.h"

#include <algorithm>
#include <cmath>

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

int RemedyRank(std::string_view r) { return r == "court" ? 2 : r == "board" ? 1 : 0; }

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

  for (int ri : in_force_) {
    const Reform& r = reforms_.reforms()[static_cast<size_t>(ri)];
    const ReformMatch& m = r.match;
    const ReformEffect& e = *r.effect;
    // Sentences imposed on or after the reform already reflect it; an
    // unrecorded sentencing date leaves that open (below).
    const bool date_known = !s.sentence_date.missing();
    if (date_known && !(s.sentence_date < m.sentenced_before)) continue;
    if (date_known && !m.sentenced_on_or_after.missing() && s.sentence_date < m.sentenced_on_or_after) continue;
    if (!m.offense_codes.empty() && !CodeMatches(s.offense_code, m.offense_codes)) continue;
    if (!m.enhancements.empty() && EnhancementTotal(s.enhancements, m.enhancements) == 0) {
      bool present = false;  // a scheme marker carries 0 days
      for (const EnhancementDays& x : s.enhancements) present = present || Listed(x.code, m.enhancements);
      if (!present) continue;
    }
    if (!m.sentence_types.empty() && !Listed(kSentenceTypeNames[static_cast<size_t>(s.type)], m.sentence_types))
      continue;
    if (!m.drug_types.empty() && !Listed(s.drug_type, m.drug_types)) continue;

    AppliedReform a;
    a.reform = ri;
    bool uncertain = false;
    if (!date_known) {
      a.notes.push_back("depends on: the sentencing date, which is not recorded (the reform reaches sentences imposed before " +
                        m.sentenced_before.ToString() + ")");
      uncertain = true;
    }
    for (const std::string& d : r.depends_on) {
      a.notes.push_back("depends on: " + d);
      uncertain = true;
    }
    for (const std::string& d : r.assumes) a.notes.push_back("assumes: " + d);
    const bool grams_known = s.drug_grams >= 0;  // false for NaN too
    if (m.drug_grams_at_least >= 0 || m.drug_grams_below >= 0) {
      if (!grams_known) {
        a.notes.push_back("depends on: the drug quantity, which is not recorded");
        uncertain = true;
      } else if ((m.drug_grams_at_least >= 0 && s.drug_grams < m.drug_grams_at_least) ||
                 (m.drug_grams_below >= 0 && !(s.drug_grams < m.drug_grams_below))) {
        continue;
      }
    }
    if (!m.offense_flags_none.empty()) {
      if (offense == nullptr) {
        a.notes.push_back("depends on: whether " + std::string(s.offense_code) +
                          " is one of the excluded offenses (it is not in the offense catalog)");
        uncertain = true;
      } else {
        bool excluded = false;
        for (const std::string& f : m.offense_flags_none) excluded = excluded || offense->HasFlag(f);
        if (excluded) continue;
      }
    }
    if (!m.person_flags_none.empty()) {
      bool excluded = false, unknown = false;
      for (const Offense* o : person_offenses) {
        if (o == nullptr) {
          unknown = true;
          continue;
        }
        for (const std::string& f : m.person_flags_none) excluded = excluded || o->HasFlag(f);
      }
      if (excluded) continue;
      if (unknown) {
        a.notes.push_back("depends on: whether another of the person's offenses, not in the catalog, disqualifies");
        uncertain = true;
      }
    }

    // The effect, on both ends of the range; a discretionary or uncertain
    // reduction lowers only the low end.
    const bool range = e.discretionary || uncertain;
    int64_t low = out.low, high = out.high;
    switch (e.kind) {
      case EffectKind::kRemoveEnhancement: {
        const int64_t d = EnhancementTotal(s.enhancements, e.enhancements);
        low = Minus(low, d);
        high = Minus(high, d);
        break;
      }
      case EffectKind::kShortenEnhancement: {
        int64_t d = 0;
        for (const EnhancementDays& x : s.enhancements)
          if (Listed(x.code, e.enhancements)) d += std::max<int64_t>(0, x.days - e.to_days);
        low = Minus(low, d);
        high = Minus(high, d);
        break;
      }
      case EffectKind::kReclassify:
      case EffectKind::kCapTerm:
        low = AtMost(low, e.max_days);
        high = AtMost(high, e.max_days);
        if (e.kind == EffectKind::kReclassify && !range) out.reclassified = true;
        break;
      case EffectKind::kLowerMinimum:
        if (Known(low) && low != kLifeTerm) low = std::max<int64_t>(std::min<int64_t>(low, e.to_days), low - (e.from_days - e.to_days));
        break;
      case EffectKind::kLifeToYears: {
        if (out.imposed != kLifeTerm) continue;  // only a life or N-to-life term
        int64_t enh = 0;
        for (const EnhancementDays& x : s.enhancements) enh += x.days;
        if (e.doubled_triad) {
          if (offense == nullptr || !offense->has_triad()) {
            a.notes.push_back("the current-law term cannot be computed: " + std::string(s.offense_code) +
                              " has no sentencing triad in the offense catalog");
            low = kUnknownTerm;
          } else {
            low = 2 * MonthsToDays(offense->triad_lower_months) + enh;
            high = 2 * MonthsToDays(offense->triad_upper_months) + enh;
          }
        } else {
          low = e.min_days + enh;
          high = e.max_life ? kLifeTerm : e.min_days + enh;
        }
        break;
      }
    }
    out.low = low;
    out.high = range ? out.high : high;

    // Where the difference can be claimed.
    a.remedy = "clemency";
    if (r.retroactive) a.remedy = r.remedy;
    for (size_t qi = 0; qi < reforms_.reforms().size(); ++qi) {
      const Reform& q = reforms_.reforms()[qi];
      if (q.makes_retroactive.empty() || as_of_ < q.effective || !Listed(r.id, q.makes_retroactive)) continue;
      if (!date_known) continue;  // cannot tell whether the later law reaches it
      if (!(s.sentence_date < q.match.sentenced_before)) continue;
      if (!q.match.sentenced_on_or_after.missing() && s.sentence_date < q.match.sentenced_on_or_after) continue;
      if (RemedyRank(q.remedy) > RemedyRank(a.remedy)) {
        a.remedy = q.remedy;
        a.opened_by = static_cast<int>(qi);
      }
    }
    if (RemedyRank(a.remedy) >= RemedyRank(out.remedy) || out.remedy.empty()) out.remedy = a.remedy;
    a.low = out.low;
    a.high = out.high;
    out.applied.push_back(std::move(a));
  }

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
