// Where the rule packs live. In order: the CLEMENCY_RULES_DIR environment
// variable; rules/ in the source tree the binary was built from; rules/ beside
// the binary's parent directory. Returns "" when none exists.
#ifndef CLEMENCY_LAW_RULES_DIR_H_
#define CLEMENCY_LAW_RULES_DIR_H_

#include <string>

namespace clemency {

std::string RulesDir();

}  // namespace clemency

#endif  // CLEMENCY_LAW_RULES_DIR_H_
