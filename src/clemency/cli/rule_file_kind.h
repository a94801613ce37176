// What kind of rule file a .toml file is, told from its content (its top-level
// tables and keys), so that `clemency check DIR` checks every rule file
// whatever the folder is called. A file whose content does not tell, or that
// is not valid TOML, is told by its folder's name (policies/, offenses/, ...)
// so its own loader reports what is wrong; failing that it is kUnknown, or
// kUnreadable when not valid TOML.
#ifndef CLEMENCY_CLI_RULE_FILE_KIND_H_
#define CLEMENCY_CLI_RULE_FILE_KIND_H_

#include <string>
#include <string_view>

namespace clemency {

enum class RuleFileKind {
  kWorkedCases,   // [[case]]: NAME.cases.toml
  kMapping,       // [people] or [sentences]: rules/mappings
  kCatalog,       // [catalog] with [[offense]], [[pattern]] or [[enhancement]]: rules/offenses
  kReforms,       // [[reform]] or [reforms]: rules/reforms
  kJurisdiction,  // [jurisdiction] with [clemency] or [voting]: rules/jurisdictions
  kRecidivism,    // [[table]] only: rules/recidivism
  kCalibration,   // [source] with table4...: rules/calibration
  kPrisonFlows,   // [source] with [flows]: rules/projection
  kPolicy,        // eligibility, priority or criteria: rules/policies
  kClocks,        // [clocks] or [[clock]]: rules/clocks (law/legal_clocks.h)
  kCampaign,      // [campaign]: rules/campaigns (campaign/campaign_file.h)
  kUnknown,       // valid TOML, none of the above
  kUnreadable,    // not valid TOML, in a folder whose name says nothing
};

struct RuleFileClass {
  RuleFileKind kind = RuleFileKind::kUnknown;
  std::string error;  // kUnreadable: "FILE:LINE:COLUMN: message"
};

RuleFileClass ClassifyRuleFile(const std::string& path);

// "policy", "offense catalog", ...
std::string_view RuleFileKindName(RuleFileKind kind);

}  // namespace clemency

#endif  // CLEMENCY_CLI_RULE_FILE_KIND_H_
