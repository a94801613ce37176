// The campaign plan as report.html: one self-contained page (no request leaves
// it) with the headline, the path to the target, each jurisdiction's board,
// the sensitivity table and every assumption with its source.
#ifndef CLEMENCY_CAMPAIGN_PLAN_HTML_H_
#define CLEMENCY_CAMPAIGN_PLAN_HTML_H_

#include <string>

#include "clemency/campaign/plan.h"

namespace clemency {

std::string PlanHtml(const Campaign& campaign, const PlanResult& plan);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_PLAN_HTML_H_
