// The plan's files: plan.csv (a row per jurisdiction, in the path's order)
// and plan.json (the path, the probability, the sensitivity table and every
// assumption with its source). docs/campaign.md lists their columns and keys.
#ifndef CLEMENCY_CAMPAIGN_PLAN_OUTPUTS_H_
#define CLEMENCY_CAMPAIGN_PLAN_OUTPUTS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clemency/campaign/plan.h"

namespace clemency {

// groups: the policy's group ids, one column each.
bool WritePlanCsv(const std::string& path, const Campaign& campaign, const PlanResult& plan,
                  const std::vector<std::string>& groups, std::string* error);
nlohmann::ordered_json PlanJson(const Campaign& campaign, const PlanResult& plan);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_PLAN_OUTPUTS_H_
