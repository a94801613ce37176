// The offense codes (and descriptions) a population holds that its catalogs
// resolve to nothing or to a partial entry (law/offense_resolver.h): with how
// many people and sentences carry each and, after a screening, how many
// needs_review decisions hang on it: people whose review triage names the
// code (screen/review_triage.h), or without a triage every needs_review
// person carrying it. Most consequential first: decisions,
// then people, then the code. Written as a table in summary.json and as
// [[offense]] / [[pattern]] stubs ready to paste into a catalog file.
#ifndef CLEMENCY_REPORT_CATALOG_GAPS_H_
#define CLEMENCY_REPORT_CATALOG_GAPS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clemency/screen/fact_table.h"
#include "clemency/screen/review_triage.h"
#include "clemency/screen/screener.h"

namespace clemency {

struct CatalogGap {
  std::string code;         // as written, with its jurisdiction prefix
  std::string description;  // the description it was tried with, or the most common one
  bool by_description = false;  // the catalog tried the description (its code resolved to nothing)
  const ResolvedOffense* resolved = nullptr;
  std::vector<std::string> unknown;  // "category", "flag violent_felony", ...
  uint64_t people = 0;
  uint64_t sentences = 0;
  uint64_t needs_review = 0;  // needs_review decisions hanging on it (0 without a screening)
};

// screening may be null (no policy): needs_review is then 0 for every gap.
std::vector<CatalogGap> FindCatalogGaps(const FactTable& facts, const Screening* screening,
                                        const ReviewTriage* triage = nullptr);

// {"codes": N, "people": P, "needs_review": R, "top": [first `limit` gaps]}.
nlohmann::ordered_json CatalogGapsJson(const std::vector<CatalogGap>& gaps, size_t limit);

// Stubs to complete and paste into rules/offenses/XX.toml, each with a
// comment saying who it affects and how it resolved today.
std::string CatalogGapsToml(const std::vector<CatalogGap>& gaps);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_CATALOG_GAPS_H_
