// A type-checked policy expression: every node knows its type and scope and
// what it reads. Built by CheckExpression from a parsed Node; evaluated by the
// screen layer over whole columns at once.
#ifndef CLEMENCY_POLICY_TYPED_EXPR_H_
#define CLEMENCY_POLICY_TYPED_EXPR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/duration.h"
#include "clemency/policy/facts.h"

namespace clemency {

// A constant (a literal or a parameter's value).
struct Value {
  ValueType type = ValueType::kBool;
  bool unknown = false;
  bool boolean = false;
  int64_t integer = 0;   // int
  double number = 0;     // number
  std::string string;
  Date date;
  CalendarDuration duration;
  std::vector<std::string> list;  // kList

  std::string ToString() const;  // as a policy author would write it
};

enum class Op {
  kConst, kParam, kFact, kRef,
  kAnd, kOr, kNot, kNeg,
  kLess, kLessEq, kGreater, kGreaterEq, kEq, kNotEq, kIn, kHas,
  kAdd, kSub, kMul, kDiv,
  kAny, kAll, kCount, kAggMax, kAggMin, kAggSum,
  kYears, kDays, kIf, kIsKnown, kCoalesce, kMax2, kMin2,
};

// The comparison with its sides swapped: a OP b == b Mirror(OP) a.
inline Op Mirror(Op op) {
  switch (op) {
    case Op::kLess: return Op::kGreater;
    case Op::kLessEq: return Op::kGreaterEq;
    case Op::kGreater: return Op::kLess;
    case Op::kGreaterEq: return Op::kLessEq;
    default: return op;
  }
}

struct TypedExpr {
  Op op = Op::kConst;
  ValueType type = ValueType::kBool;
  Scope scope = Scope::kPerson;
  uint32_t offset = 0;   // in the expression text
  Value constant;        // kConst
  int param = -1;        // kParam: index into the policy's params
  Fact fact{};           // kFact
  int ref = -1;          // kRef: index of an earlier rule (criterion, exclusion, group)
  std::vector<std::unique_ptr<TypedExpr>> args;
};

using TypedExprPtr = std::unique_ptr<TypedExpr>;

// What names mean while checking: the policy's params (by index) and the
// rules defined so far (by index; all bool).
struct NameScope {
  struct Param {
    std::string name;
    ValueType type;
  };
  struct Rule {
    std::string name;  // e.g. "older" or "criteria.older"
    int index;
  };
  std::vector<Param> params;
  std::vector<Rule> rules;
};

struct CheckError {
  uint32_t offset = 0;
  std::string message;
};

struct CheckResult {
  TypedExprPtr expr;  // null on error
  CheckError error;
  std::vector<int> params_used;  // indexes, sorted, unique
  std::vector<int> rules_used;
  std::vector<Fact> facts_used;  // in order of first use
};

struct Node;
// Checks a parsed expression; `want` is the type the context requires
// (e.g. bool for a criterion, number for a priority).
CheckResult CheckExpression(const Node& root, const NameScope& names, ValueType want);

}  // namespace clemency

#endif  // CLEMENCY_POLICY_TYPED_EXPR_H_
