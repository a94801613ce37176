// Data coverage: for each fact a policy reads, per jurisdiction, how many
// people lack it (screen/missing_facts.h: a person fact missing, or a sentence
// fact missing on an active sentence). A fact every person of a jurisdiction
// lacks is absent from that jurisdiction's data: one entry, not N gaps.
#ifndef CLEMENCY_SCREEN_DATA_COVERAGE_H_
#define CLEMENCY_SCREEN_DATA_COVERAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clemency/policy/policy.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/review_triage.h"

namespace clemency {

struct CoverageEntry {
  std::string fact;          // as in expressions: infractions_5y, s.flags
  std::string jurisdiction;  // the people's jurisdiction code
  int64_t people = 0;        // people of the jurisdiction
  int64_t missing = 0;       // of them, how many lack the fact (> 0)
  // needs_review people of the jurisdiction whose triage names the fact
  // (alone or with others), and those it alone holds undecided.
  int64_t needs_review = 0;
  int64_t needs_review_only = 0;
  // A current-law fact unknown because no sentencing reforms are encoded for
  // the jurisdiction (rules/reforms/XX.toml): the rules lack it, not the data.
  bool no_reforms_encoded = false;
  bool absent() const { return missing == people; }
};

// Entries with missing > 0, sorted by fact then jurisdiction. The facts are
// those any rule, the eligibility or the priority of the policy reads.
std::vector<CoverageEntry> DataCoverage(const Policy& policy, const FactTable& facts, const ReviewTriage& triage);

// The fact a triage name is about: "s.flags[IA:707.3]" -> "s.flags".
std::string_view TriageFactBase(std::string_view name);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_DATA_COVERAGE_H_
