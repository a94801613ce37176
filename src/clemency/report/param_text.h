// Rule texts and expressions as shown to people: every `params.NAME` is
// replaced by the parameter's current value (after --set), so that a reason
// never shows a raw parameter name: "infractions_5y > params.max_infractions_5y"
// reads "infractions_5y > 3"; a yes/no parameter reads "the setting
// exclude_lwop_death, now on" in a text, "true" in an expression. ParamMeanings lists, for the parameters a rule
// reads, the value and what it means, from the parameter's text.
#ifndef CLEMENCY_REPORT_PARAM_TEXT_H_
#define CLEMENCY_REPORT_PARAM_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "clemency/policy/policy.h"

namespace clemency {

std::string WithParamValues(const Policy& policy, std::string_view text);
// The same for an expression: every parameter as a literal ("true", "3", "55 years").
std::string ExpressionWithParamValues(const Policy& policy, std::string_view expr);

// "3: Exclude people with more than this many disciplinary convictions in the
// last five years. (max_infractions_5y, --set to change)", one per parameter.
std::vector<std::string> ParamMeanings(const Policy& policy, const PolicyRule& rule);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_PARAM_TEXT_H_
