#include "clemency/campaign/plan_counts.h"

namespace clemency {

std::map<std::string, PlanJurisdiction> CountByJurisdiction(const Policy& policy, const FactTable& facts,
                                                            const Screening& screening) {
  std::map<int64_t, PlanJurisdiction> by_id;
  for (uint32_t p = 0; p < facts.people(); ++p) {
    PlanJurisdiction& j = by_id[facts.jurisdiction[p]];
    ++j.people;
    if (screening.status[p] == Status::kNeedsReview) ++j.needs_review;
    if (screening.status[p] != Status::kEligible) continue;
    ++j.eligible;
    for (size_t r = 0; r < policy.rules.size(); ++r)
      if (policy.rules[r].kind == RuleKind::kGroup && screening.rules[r].ob[p] == kTrue)
        ++j.eligible_by_group[policy.rules[r].id];
  }
  std::map<std::string, PlanJurisdiction> out;
  for (auto& [id, j] : by_id) {
    j.code = id == kNa ? "" : std::string(facts.strings.View(static_cast<StrId>(id)));
    out[j.code] = std::move(j);
  }
  return out;
}

}  // namespace clemency
