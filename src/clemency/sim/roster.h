// The projection's roster from a screened population: each person's baseline
// release (the agency's projected release date; else a month drawn from the
// sentence; else the jurisdiction's exit rate), age, race, offense group,
// facility and voting rule, and each jurisdiction's flows (BJS), cost and
// admissions scaled to the roster's size. RosterNotes counts what was assumed,
// for projection_summary.json.
#ifndef CLEMENCY_SIM_ROSTER_H_
#define CLEMENCY_SIM_ROSTER_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "clemency/law/law_refs.h"
#include "clemency/law/prison_flows.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/screener.h"
#include "clemency/sim/projection.h"

namespace clemency::sim {

// A determinate term without a projected release date: release drawn uniformly
// between this share of the term and the whole term (an assumption, stated in
// docs/projection.md).
inline constexpr double kMinShareServed = 0.5;

// The admissions pool takes the race and age-band mix of the roster's people
// admitted within this many days before the as-of date (the whole roster's
// when nobody was), held fixed over the projection.
inline constexpr int64_t kRecentAdmissionDays = 730;

struct RosterNotes {
  int64_t known = 0, from_sentence = 0, from_exit_rate = 0, not_released = 0;  // baseline release kinds
  int64_t overdue = 0;  // a projected release date before the as-of date: released in month 1
  std::vector<std::string> without_flows;  // jurisdictions with no BJS flows: national exit rate, no admissions
  std::vector<std::string> without_cost;   // jurisdictions with no sourced cost
  std::map<std::string, std::string> vote_rules;  // jurisdiction -> restoration
  double national_exit_rate = 0;
  int64_t pool_mix_people = 0;  // the people the pool's mix was taken from
  bool pool_mix_recent = true;  // false: nobody was admitted recently, so the whole roster
};

// The people and jurisdictions of `facts` (no plan yet).
SimInput BuildRoster(const FactTable& facts, const LawRefs& law, const PrisonFlows& flows, RosterNotes* notes);

// The board's queue: eligible people in rank order, then, when review_share >
// 0, needs_review people in rank order.
std::vector<ScenarioPlan::Queued> QueueFromScreening(const Screening& screening, double review_share);

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_ROSTER_H_
