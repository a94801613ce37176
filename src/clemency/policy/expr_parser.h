// Parses one policy expression into a syntax tree.
//
//   expr     := or
//   or       := and ("or" and)*
//   and      := not ("and" not)*
//   not      := "not" not | compare
//   compare  := additive [("<"|"<="|">"|">="|"=="|"!="|"in"|"has") additive]
//   additive := term (("+"|"-") term)*
//   term     := unary (("*"|"/") unary)*
//   unary    := "-" unary | primary
//   primary  := NUMBER [UNIT] | STRING | DATE | "true" | "false" | "unknown"
//             | NAME "(" [expr ("," expr)*] ")" | NAME | "(" expr ")"
//             | "[" [expr ("," expr)*] "]"
//   NAME     := IDENT ("." IDENT)*        UNIT := year(s) | month(s) | day(s)
//   DATE     := YYYY-MM-DD                 STRING := "..." with \" and \\ escapes
//
// Comparisons do not chain (a < b < c is an error). `#` starts a comment to
// the end of the line.
#ifndef CLEMENCY_POLICY_EXPR_PARSER_H_
#define CLEMENCY_POLICY_EXPR_PARSER_H_

#include <string>
#include <string_view>

#include "clemency/policy/expr_ast.h"

namespace clemency {

struct ParseError {
  uint32_t offset = 0;  // byte offset in the text
  std::string message;
};

struct ParseResult {
  NodePtr root;       // null on error
  ParseError error;
  bool ok() const { return root != nullptr; }
};

ParseResult ParseExpression(std::string_view text);

}  // namespace clemency

#endif  // CLEMENCY_POLICY_EXPR_PARSER_H_
