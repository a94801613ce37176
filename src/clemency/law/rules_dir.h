// Where the rule packs live. In order: the CLEMENCY_RULES_DIR environment
// variable; rules/ in the source tree the binary was built from; rules/ beside
// the binary's parent directory. Returns "" when none exists.
#ifndef CLEMENCY_LAW_RULES_DIR_H_
#define CLEMENCY_LAW_RULES_DIR_H_

#include <string>
#include <string_view>

namespace clemency {

std::string RulesDir();

// RULES_DIR/FOLDER/FILE, with rules_dir "" meaning RulesDir():
// RuleFilePath("reforms", "CA.toml", "") is ".../rules/reforms/CA.toml".
std::string RuleFilePath(std::string_view folder, std::string_view file, const std::string& rules_dir);

}  // namespace clemency

#endif  // CLEMENCY_LAW_RULES_DIR_H_
