// Where the rule packs live (DESIGN.md section 4). Two folders, laid one over
// the other file by file:
//   - the user's folder: --rules DIR, else the CLEMENCY_RULES_DIR environment
//     variable ("" when neither is given);
//   - the shipped rules: share/clemency/rules beside the installed binary
//     (PREFIX/bin/clemency -> PREFIX/share/clemency/rules), else rules/ in the
//     source tree the binary was built from, else rules/ beside the binary's
//     parent directory ("" when none exists).
// A file present in the user's folder shadows the shipped file of the same
// relative path; every other file comes from the shipped rules.
#ifndef CLEMENCY_LAW_RULES_DIR_H_
#define CLEMENCY_LAW_RULES_DIR_H_

#include <string>
#include <string_view>

namespace clemency {

// The shipped rules folder, or "".
std::string RulesDir();

// The user's folder; SetUserRulesDir("") falls back to CLEMENCY_RULES_DIR.
void SetUserRulesDir(std::string dir);
std::string UserRulesDir();

// FOLDER/FILE under rules_dir when it is given; else from the user's folder
// when the file exists there, else from the shipped rules:
// RuleFilePath("reforms", "CA.toml", "") is ".../rules/reforms/CA.toml".
std::string RuleFilePath(std::string_view folder, std::string_view file, const std::string& rules_dir);

// True when path lies inside the user's rules folder.
bool IsUserRuleFile(const std::string& path);

}  // namespace clemency

#endif  // CLEMENCY_LAW_RULES_DIR_H_
