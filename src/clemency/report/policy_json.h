// policy.json, written beside reasons.jsonl (DESIGN.md section 5): what is the
// same for every person, once. The policy (id, title, summary, citation,
// dates), the as-of date, every parameter (value, value in the file, text,
// citation), every rule (id, kind, text with the parameter values, citation,
// expression), and every reform of the reform packs the screening used (id,
// jurisdiction, title, citation, confidence, dates, effect, remedy and its
// window). reasons.jsonl names rules and reforms by these ids.
#ifndef CLEMENCY_REPORT_POLICY_JSON_H_
#define CLEMENCY_REPORT_POLICY_JSON_H_

#include <nlohmann/json.hpp>

#include "clemency/report/person_reasons.h"

namespace clemency {

nlohmann::ordered_json PolicyJson(const ScreenContext& c);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_POLICY_JSON_H_
