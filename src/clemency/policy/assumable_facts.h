// The person-level input facts whose missing values may be assumed for one
// run, by `--assume FACT=VALUE` or a policy's suggested [[assumptions]]. This
// table is the only list of them: the command line, the policy loader and the
// screen layer all read it.
//
// An assumption fills a missing value only, never an existing one.
#ifndef CLEMENCY_POLICY_ASSUMABLE_FACTS_H_
#define CLEMENCY_POLICY_ASSUMABLE_FACTS_H_

#include <span>
#include <string>
#include <string_view>

#include "clemency/policy/facts.h"
#include "clemency/policy/typed_expr.h"

namespace clemency {

struct AssumableFact {
  Fact fact;
  std::string_view name;    // as in policy expressions: infractions_5y
  ValueType type;           // kInt, kBool or kString
  std::string_view values;  // what a value may be, in words, for messages
};

std::span<const AssumableFact> AssumableFacts();
const AssumableFact* FindAssumableFact(std::string_view name);
// "infractions_5y, medical_high_risk, admission_type": for usage errors.
std::string AssumableFactNames();

// Parses `text` as a value of the fact: a whole number >= 0, true/false (or
// 1/0), or one of the fact's words. False with *error saying what was expected.
bool ParseAssumedValue(const AssumableFact& fact, std::string_view text, Value* out, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_POLICY_ASSUMABLE_FACTS_H_
