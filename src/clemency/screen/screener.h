// Screens every person of a FactTable against a Policy: each rule's tri-state
// result, the status, the priority, the rank and, for people not eligible
// today, eligible_on: the first later date on which they would be eligible if
// nothing but time changed. eligible_on is exact: the policy's result can only
// change on a date where one of its time-dependent comparisons changes (a
// birthday, an anniversary of admission, a fraction of the term), so the
// screener re-evaluates on those dates only, nearest first. eligible_on is
// never after the policy's `ends` date.
#ifndef CLEMENCY_SCREEN_SCREENER_H_
#define CLEMENCY_SCREEN_SCREENER_H_

#include <cstdint>
#include <vector>

#include "clemency/policy/policy.h"
#include "clemency/screen/column.h"
#include "clemency/screen/fact_table.h"

namespace clemency {

enum class Status : uint8_t { kEligible, kNeedsReview, kNotEligible };
std::string_view StatusName(Status s);

struct Screening {
  std::vector<Column> rules;          // per policy rule: a bool column over people
  std::vector<uint8_t> eligibility;   // the eligibility expression alone
  std::vector<Status> status;
  std::vector<double> priority;       // NaN when unknown
  std::vector<uint32_t> rank;         // 1.. for eligible then needs_review; 0 for not eligible
  std::vector<uint32_t> order;        // people by rank, then person_id (not eligible last)
  // Everyone by priority (unknown last), then person_id: made by the first
  // Rescreen that keeps the priority, so later ones rank without sorting.
  std::vector<uint32_t> by_priority;
  std::vector<int64_t> eligible_on;   // days, kNa when already eligible or never (or not computed)
  bool eligible_on_computed = false;
  std::vector<Value> params;          // the parameter values screened with
  // How many re-evaluations eligible_on took (for benchmarks and tests).
  int eligible_on_passes = 0;
};

struct ScreenOptions {
  bool eligible_on = true;
  int max_eligible_on_passes = 64;
};

Screening Screen(const Policy& policy, const FactTable& facts, const ScreenOptions& options = {});

// Screens again, in place, after parameter values changed (the dashboard's
// slider): `screening` holds a screening of the same policy and facts under
// earlier values. Every rule that reads no changed parameter, directly or
// through another rule, stays as it is, and so do the eligibility and the
// priority when they read none; the rest, and the status, order and rank, are
// recomputed in the same buffers. eligible_on is not computed. Afterwards
// `screening` equals Screen(policy, facts, {.eligible_on = false}); a
// screening of another policy or population is simply screened again.
void Rescreen(const Policy& policy, const FactTable& facts, Screening& screening);

// Makes screening.by_priority now (a sort of everyone), so that the first
// Rescreen after it is as quick as the later ones.
void OrderByPriority(const FactTable& facts, Screening& screening);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_SCREENER_H_
