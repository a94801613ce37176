// The facts of policy expressions (policy/facts.h) as columns, computed once
// from a Population, its offense catalogs and the as-of date. Strings are
// re-interned into the table's own pool, so that a fact's value and a string
// in a policy compare as small integers.
//
// Unknown has one representation per type (core/unknown.h): kNa for every
// int64 column (ints, dates, days, string ids; the law's kUnknownTerm is the
// same value), kUnknownBool for tri-state columns, NaN for numbers; the
// population's kMissingInt, kUnknownFlag, kNoStr and missing Dates are
// translated on the way in, and the law's kLifeTerm becomes kNa. Where each
// fact lives: screen/fact_columns.h.
#ifndef CLEMENCY_SCREEN_FACT_TABLE_H_
#define CLEMENCY_SCREEN_FACT_TABLE_H_

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "clemency/core/column_allocator.h"
#include "clemency/core/population.h"
#include "clemency/core/string_pool.h"
#include "clemency/core/unknown.h"
#include "clemency/law/current_law_term.h"
#include "clemency/law/law_refs.h"
#include "clemency/screen/offense_resolution.h"

namespace clemency {

inline constexpr int64_t kNa = kUnknown64;  // core/unknown.h; the law's kUnknownTerm too

// Tri-state booleans, ordered false < unknown < true, so that Kleene logic is
// arithmetic: and = min, or = max, not = kTrue - x.
inline constexpr uint8_t kFalse = 0;
inline constexpr uint8_t kUnknownBool = 1;
inline constexpr uint8_t kTrue = 2;

// The law it is built with: LawRefs, in law/law_refs.h.

// Columns are Cells (core/column_allocator.h): BuildFactTable writes every
// cell of every column it sizes, so they are neither zero-filled first nor
// faulted in page by page.

struct FactTable {
  const Population* population = nullptr;
  Date as_of;
  StringPool strings;  // every string value of a fact
  std::vector<std::string> flag_names;  // bit i of a flag mask is flag_names[i]

  // person columns
  Cells<int64_t> birth, admission;             // days
  Cells<int64_t> release;                      // latest projected release of active sentences
  // Current law (law/current_law_term.h), days: term = the highest current-law
  // term, term_low the lowest; excess the guaranteed excess (kNa when only
  // possible), excess_max the most a court could take off; remedy a string id.
  Cells<int64_t> imposed_term, current_law_term, current_law_term_low, current_law_excess,
      current_law_excess_max, current_law_remedy;
  Cells<int64_t> most_serious_category;        // string id
  Cells<int64_t> active_sentences;
  Cells<int64_t> admission_type, sex, race, jurisdiction, facility_id;  // string ids
  Cells<int64_t> clemency_authority, vote_restoration;  // string ids; kNa without a jurisdiction file
  Cells<int64_t> infractions_5y;
  std::vector<uint8_t> medical_high_risk;            // kFalse, kTrue, kUnknownBool
  std::vector<uint32_t> sentence_begin;              // people + 1 offsets
  std::vector<uint32_t> by_person_id;                // people sorted by person_id
  std::vector<uint32_t> person_id_rank;              // position of each person in by_person_id

  // sentence columns
  std::vector<uint32_t> sentence_person;
  Cells<int64_t> offense_code, category, type, status, drug_type;  // string ids
  Cells<uint64_t> flags;                       // bit mask over flag_names: certainly true
  Cells<uint64_t> flags_known;                 // bit mask over flag_names: known
  std::vector<uint8_t> in_catalog;                   // 0: the category is unknown
  OffenseResolutions offenses;                       // how each sentence's code resolved
  Cells<int64_t> enhancement_code;             // per enhancement: the resolved code (string id)
  std::vector<uint8_t> active;                       // kFalse or kTrue
  Cells<int64_t> term, min_term, enhancement_days;
  Cells<int64_t> s_current_law_term, s_current_law_term_low, s_current_law_excess, s_current_law_excess_max,
      s_current_law_remedy;
  std::vector<uint8_t> s_reclassified;               // kFalse or kTrue
  // The reforms applied to a sentence: law[law_index[s]], kNoIndex when none.
  struct SentenceLaw {
    const ReformSet* reforms;
    CurrentLawTerm term;
  };
  std::vector<uint32_t> law_index;
  std::vector<SentenceLaw> law;
  // Jurisdictions whose reform pack says through when their law was reviewed
  // (rules/reforms/XX.toml reviewed_through), for explanations.
  std::map<std::string, Date, std::less<>> law_reviewed_through;
  Cells<int64_t> sentence_date, offense_date, projected_release, parole_eligibility;
  std::vector<double> drug_grams;

  size_t people() const { return birth.size(); }
  size_t sentences() const { return sentence_person.size(); }
  // Id of a string in this table's pool, or kNa when no value has it.
  int64_t StringId(std::string_view s) const;
  // Bit of a catalog flag, or -1.
  int FlagBit(std::string_view flag) const;
};

// Offense categories from most to least serious, for most_serious_category:
// violent, sex, property, drug_distribution, drug_possession, public_order, other.
int CategorySeverity(std::string_view category);

FactTable BuildFactTable(const Population& pop, const LawRefs& law, Date as_of);
// Offense catalogs only: no reforms, no jurisdiction facts.
inline FactTable BuildFactTable(const Population& pop, const CatalogSet& catalogs, Date as_of) {
  return BuildFactTable(pop, LawRefs{catalogs, {}, {}}, as_of);
}

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_FACT_TABLE_H_
