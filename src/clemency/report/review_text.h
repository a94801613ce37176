// Review triage and data coverage in plain words, for the screen printout and
// summary.json: "5,912 undecided only because infractions_5y is absent from
// the data"; "infractions_5y is absent from the data for IA (all 8,123
// people): 5,912 needs_review decisions hang on it, 5,000 on it alone".
#ifndef CLEMENCY_REPORT_REVIEW_TEXT_H_
#define CLEMENCY_REPORT_REVIEW_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clemency/screen/data_coverage.h"
#include "clemency/screen/review_triage.h"

namespace clemency {

// 5912 -> "5,912".
std::string Thousands(int64_t n);

std::string TriageGroupText(const TriageGroup& group, const std::vector<CoverageEntry>& coverage);
std::string CoverageText(const CoverageEntry& entry);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_REVIEW_TEXT_H_
