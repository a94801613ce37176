// A screening's figures per jurisdiction, as the campaign plan reads them:
// people, eligible, needs_review and the eligible in each group.
#ifndef CLEMENCY_CAMPAIGN_PLAN_COUNTS_H_
#define CLEMENCY_CAMPAIGN_PLAN_COUNTS_H_

#include <map>
#include <string>

#include "clemency/campaign/plan.h"
#include "clemency/policy/policy.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/screener.h"

namespace clemency {

// Keyed by jurisdiction code; only the screening's fields are filled.
std::map<std::string, PlanJurisdiction> CountByJurisdiction(const Policy& policy, const FactTable& facts,
                                                            const Screening& screening);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_PLAN_COUNTS_H_
