// The syntax tree of a policy expression, as parsed (before type checking).
// Every node records the byte offset in the expression text where it starts,
// so errors can point at it.
#ifndef CLEMENCY_POLICY_EXPR_AST_H_
#define CLEMENCY_POLICY_EXPR_AST_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/duration.h"

namespace clemency {

enum class NodeKind {
  kBool,      // true / false
  kUnknown,   // the literal `unknown`
  kNumber,    // 55, 0.5 (is_integer tells which)
  kDuration,  // 55 years, 6 months, 90 days
  kString,    // "drug_possession"
  kDate,      // 2014-11-05
  kList,      // ["a", "b"]
  kName,      // age, params.min_age, s.category (dotted names are one node)
  kCall,      // any(...), years(...), if(c, a, b)
  kUnary,     // not x, -x
  kBinary,    // and or + - * / < <= > >= == != in has
};

struct Node {
  NodeKind kind;
  uint32_t offset = 0;  // byte offset in the expression text
  std::string text;     // name, operator, function name or string value
  bool is_integer = false;
  double number = 0;
  bool boolean = false;
  Date date;
  CalendarDuration duration;
  std::vector<std::unique_ptr<Node>> children;
};

using NodePtr = std::unique_ptr<Node>;

}  // namespace clemency

#endif  // CLEMENCY_POLICY_EXPR_AST_H_
