// A policy: a campaign's or a program's criteria as data (DESIGN.md section
// 6), loaded from rules/policies/ID.toml and type-checked.
//
//   id, title, summary, citation      about the policy as a whole
//   jurisdictions = ["US"]            where it applies (default everywhere);
//                                     others are excluded by "outside_scope"
//   in_force = DATE, in_force_citation   when the program starts (optional); before
//                                     it everyone is excluded by "program_not_in_force"
//   ends = DATE, ends_citation, ended_text   when it ended (optional; ends_citation
//                                     required with it); after it everyone is
//                                     excluded by "program_ended", and eligible_on
//                                     is never later than ends
//   [params.NAME]  value, text, citation          tunable values (--set NAME=VALUE)
//   [[criteria]]   id, text, citation, expr       named conditions
//   [[exclusions]] id, text, citation, expr       a true exclusion makes a person ineligible
//   [[groups]]     id, text, expr                 the categories a person can qualify under
//   eligibility = "expr"                          over the names above
//   priority = "expr"                             a number; higher ranks first
//   [[assumptions]] fact, value, reason           suggested --assume values, never applied unasked
//
// A person is eligible when `eligibility` is true and no exclusion is true;
// unknown (Kleene) anywhere that decides it makes them needs_review. A rule
// may use the rules defined before it, by id. The language is described in
// docs/policy-language.md.
#ifndef CLEMENCY_POLICY_POLICY_H_
#define CLEMENCY_POLICY_POLICY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/policy/typed_expr.h"

namespace clemency {

struct SourcePos {
  int line = 0;
  int column = 0;
};

struct PolicyParam {
  std::string name;
  Value value;          // current value (after --set)
  Value declared;       // value in the file
  std::string text;
  std::string citation;
  SourcePos pos;
};

// A suggested assumption: a value a policy's authors think reasonable for a
// person-level fact the data often lacks (policy/assumable_facts.h). Shown in
// the screen printout and summary.json; applied only with --assume.
struct PolicyAssumption {
  std::string fact;
  std::string value;  // as --assume FACT=VALUE would take it
  std::string reason;
  SourcePos pos;
};

enum class RuleKind { kCriterion, kExclusion, kGroup, kEligibility, kPriority };
std::string_view RuleKindName(RuleKind k);

struct PolicyRule {
  RuleKind kind = RuleKind::kCriterion;
  std::string id;
  std::string text;
  std::string citation;
  std::string expr_text;
  SourcePos pos;
  TypedExprPtr expr;
  std::vector<int> params_used;
  std::vector<int> rules_used;
  std::vector<Fact> facts_used;
};

struct Policy {
  std::string id;
  std::string title;
  std::string summary;
  std::string citation;
  std::string path;
  // Where the policy applies (empty: everywhere), from `jurisdictions`, or
  // the name of the list parameter that holds them.
  std::vector<std::string> jurisdictions;
  std::string jurisdictions_param;
  // When the program runs (both inclusive), from `in_force` and `ends`.
  std::optional<Date> in_force;
  std::string in_force_citation;
  std::optional<Date> ends;
  std::string ends_citation;
  std::string ended_text;  // where to go instead, shown after the program ended
  std::vector<PolicyParam> params;
  std::vector<PolicyRule> rules;  // criteria, exclusions, groups, in file order
  PolicyRule eligibility;
  PolicyRule priority;
  std::vector<PolicyAssumption> assumptions;

  int FindParam(std::string_view name) const;
  int FindRule(std::string_view id) const;
};

struct PolicyProblem {
  std::string file;
  SourcePos pos;
  std::string message;
  bool lint = false;  // a style problem: `check` reports it, `screen` still runs
  std::string Format() const;  // "FILE:LINE:COLUMN: message"
};

// Loads and checks a policy file. Returns nullopt when there are errors
// (lints alone do not prevent loading); every problem goes to *problems.
std::optional<Policy> LoadPolicy(const std::string& path, std::vector<PolicyProblem>* problems);

// Parses text as a value for the parameter (its declared type) and sets it.
bool SetParam(Policy& policy, std::string_view name, std::string_view text, std::string* error);

// Parses a parameter value written as text: a duration ("55 years"), a date,
// a number, true/false, or else a string.
Value ParseValueText(std::string_view text, ValueType want, bool* ok);

}  // namespace clemency

#endif  // CLEMENCY_POLICY_POLICY_H_
