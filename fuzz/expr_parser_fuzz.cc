// Fuzzes the policy expression parser and type checker. Beyond not crashing:
//   - a parse error's offset lies within the input (<= its size);
//   - a parsed tree, printed back fully parenthesised, parses to the same tree
//     (and prints to the same text again);
//   - the checker, run against a NameScope with params of every type and a few
//     rules, for each wanted type (bool, number), returns either a typed
//     expression or an error, never both and never neither; a typed expression
//     has the wanted type and person scope, every node has the argument count
//     and shape the evaluator relies on, and every index it records is in range.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clemency/policy/expr_ast.h"
#include "clemency/policy/expr_parser.h"
#include "clemency/policy/typed_expr.h"

namespace {

using clemency::Node;
using clemency::NodeKind;
using clemency::Op;
using clemency::Scope;
using clemency::TypedExpr;
using clemency::ValueType;

[[noreturn]] void Fail(const char* what, std::string_view input) {
  std::fprintf(stderr, "expr_parser_fuzz: %s\ninput: %.*s\n", what, static_cast<int>(input.size()), input.data());
  std::abort();
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// The tree as text the parser accepts: every unary and binary operation in
// parentheses, literals as the parser keeps them.
void Print(const Node& n, std::string& out) {
  switch (n.kind) {
    case NodeKind::kBool: out += n.boolean ? "true" : "false"; return;
    case NodeKind::kUnknown: out += "unknown"; return;
    case NodeKind::kNumber: out += n.text; return;
    case NodeKind::kDuration: out += n.text; return;  // "55 years"
    case NodeKind::kString: out += Quote(n.text); return;
    case NodeKind::kDate: out += n.date.ToString(); return;
    case NodeKind::kName: out += n.text; return;
    case NodeKind::kList:
    case NodeKind::kCall: {
      out += n.kind == NodeKind::kList ? "[" : n.text + "(";
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i > 0) out += ", ";
        Print(*n.children[i], out);
      }
      out += n.kind == NodeKind::kList ? "]" : ")";
      return;
    }
    case NodeKind::kUnary:
      out += "(" + n.text + " ";
      Print(*n.children[0], out);
      out += ")";
      return;
    case NodeKind::kBinary:
      out += "(";
      Print(*n.children[0], out);
      out += " " + n.text + " ";
      Print(*n.children[1], out);
      out += ")";
      return;
  }
}

// Same tree, offsets aside.
bool Same(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.text != b.text || a.is_integer != b.is_integer || a.boolean != b.boolean ||
      a.date != b.date || !(a.duration == b.duration) || a.children.size() != b.children.size())
    return false;
  if (!(a.number == b.number || (std::isnan(a.number) && std::isnan(b.number)))) return false;
  for (size_t i = 0; i < a.children.size(); ++i)
    if (!Same(*a.children[i], *b.children[i])) return false;
  return true;
}

size_t Height(const Node& n) {
  size_t h = 0;
  for (const auto& c : n.children) {
    const size_t ch = Height(*c);
    if (ch > h) h = ch;
  }
  return h + 1;
}

clemency::NameScope Names() {
  clemency::NameScope n;
  n.params = {{"flag", ValueType::kBool},         {"count", ValueType::kInt},
              {"share", ValueType::kNumber},      {"label", ValueType::kString},
              {"cutoff", ValueType::kDate},       {"min_age", ValueType::kDuration},
              {"categories", ValueType::kList}};
  n.rules = {{"older", 0}, {"criteria.older", 0}, {"drug", 1}, {"groups.drug", 1}, {"excluded", 2},
             {"exclusions.excluded", 2}};
  return n;
}

bool IsNumeric(ValueType t) { return t == ValueType::kInt || t == ValueType::kNumber; }

// The shape the evaluator relies on.
bool WellFormed(const TypedExpr& e, size_t params, int max_rule, size_t size, const char** why) {
  if (e.offset > size) return *why = "a typed node's offset is past the end of the input", false;
  auto args = [&](size_t n) { return e.args.size() == n; };
  bool ok = true;
  switch (e.op) {
    case Op::kConst: ok = args(0) && e.constant.type == e.type; break;
    case Op::kParam: ok = args(0) && e.param >= 0 && static_cast<size_t>(e.param) < params; break;
    case Op::kFact: ok = args(0); break;
    case Op::kRef: ok = args(0) && e.ref >= 0 && e.ref <= max_rule && e.type == ValueType::kBool; break;
    case Op::kNot: ok = args(1) && e.args[0]->type == ValueType::kBool; break;
    case Op::kNeg: ok = args(1) && e.args[0]->type == e.type; break;
    case Op::kAnd:
    case Op::kOr: ok = args(2) && e.args[0]->type == ValueType::kBool && e.args[1]->type == ValueType::kBool; break;
    case Op::kIn:
      // The evaluator reads the list from the right operand's constant.
      ok = args(2) && e.args[0]->type == ValueType::kString && e.args[1]->type == ValueType::kList &&
           (e.args[1]->op == Op::kConst || e.args[1]->op == Op::kParam);
      break;
    case Op::kHas:
      // The evaluator reads the set straight from the fact.
      ok = args(2) && e.args[0]->op == Op::kFact &&
           (e.args[0]->fact == clemency::Fact::kSFlags || e.args[0]->fact == clemency::Fact::kSEnhancements) &&
           e.args[1]->op == Op::kConst && e.args[1]->type == ValueType::kString;
      break;
    case Op::kLess: case Op::kLessEq: case Op::kGreater: case Op::kGreaterEq: case Op::kEq: case Op::kNotEq:
    case Op::kAdd: case Op::kSub: case Op::kMul: case Op::kDiv: case Op::kMax2: case Op::kMin2:
    case Op::kCoalesce:
      ok = args(2);
      break;
    case Op::kAny: case Op::kAll: case Op::kCount: case Op::kAggMax: case Op::kAggMin: case Op::kAggSum:
      ok = args(1) && e.args[0]->scope == Scope::kSentence && e.scope == Scope::kPerson;
      break;
    case Op::kYears:
    case Op::kDays:
      ok = args(1) && (e.args[0]->type == ValueType::kSpan || e.args[0]->type == ValueType::kDuration);
      break;
    case Op::kIf: ok = args(3) && e.args[0]->type == ValueType::kBool; break;
    case Op::kIsKnown: ok = args(1); break;
  }
  if (!ok) return *why = "a typed node does not have the shape the evaluator expects", false;
  // A node's scope is the sentence when any argument's is, except aggregates.
  const bool aggregate = e.op == Op::kAny || e.op == Op::kAll || e.op == Op::kCount || e.op == Op::kAggMax ||
                         e.op == Op::kAggMin || e.op == Op::kAggSum;
  for (const auto& a : e.args) {
    if (!aggregate && a->scope == Scope::kSentence && e.scope != Scope::kSentence)
      return *why = "a node over sentences is in a person-scoped node outside an aggregate", false;
    if (!WellFormed(*a, params, max_rule, size, why)) return false;
  }
  // Arithmetic on numbers gives a number.
  if ((e.op == Op::kAdd || e.op == Op::kSub || e.op == Op::kMul || e.op == Op::kDiv) &&
      IsNumeric(e.args[0]->type) && IsNumeric(e.args[1]->type) && !IsNumeric(e.type))
    return *why = "arithmetic on numbers does not give a number", false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const clemency::ParseResult r = clemency::ParseExpression(input);
  if (!r.ok()) {
    if (r.error.offset > size) Fail("a parse error's offset is past the end of the input", input);
    if (r.error.message.empty()) Fail("a parse error without a message", input);
    return 0;
  }

  // Round trip. Printing adds parentheses, so a tall tree (a long chain of
  // a + b + c ...) may print deeper than the parser's nesting limit: then the
  // only acceptable failure is that limit.
  std::string printed;
  Print(*r.root, printed);
  const clemency::ParseResult again = clemency::ParseExpression(printed);
  if (!again.ok()) {
    if (Height(*r.root) <= 45 || again.error.message.find("nested too deeply") == std::string::npos) {
      std::fprintf(stderr, "printed: %s\nerror at %u: %s\n", printed.c_str(), again.error.offset,
                   again.error.message.c_str());
      Fail("the printed tree does not parse", input);
    }
  } else {
    if (!Same(*r.root, *again.root)) {
      std::fprintf(stderr, "printed: %s\n", printed.c_str());
      Fail("the printed tree parses to a different tree", input);
    }
    std::string printed2;
    Print(*again.root, printed2);
    if (printed2 != printed) Fail("printing is not stable", input);
  }

  static const clemency::NameScope names = Names();
  for (ValueType want : {ValueType::kBool, ValueType::kNumber}) {
    const clemency::CheckResult c = clemency::CheckExpression(*r.root, names, want);
    const bool has_error = !c.error.message.empty();
    if (c.expr && has_error) Fail("the checker returned both an expression and an error", input);
    if (!c.expr && !has_error) Fail("the checker returned neither an expression nor an error", input);
    if (!c.expr) {
      if (c.error.offset > size) Fail("a check error's offset is past the end of the input", input);
      continue;
    }
    if (!(c.expr->type == want || (want == ValueType::kNumber && c.expr->type == ValueType::kInt)))
      Fail("the checked expression does not have the wanted type", input);
    if (c.expr->scope != Scope::kPerson) Fail("the checked expression is not person-scoped", input);
    const char* why = nullptr;
    if (!WellFormed(*c.expr, names.params.size(), 2, size, &why)) Fail(why, input);
    for (int p : c.params_used)
      if (p < 0 || static_cast<size_t>(p) >= names.params.size()) Fail("params_used out of range", input);
    for (int q : c.rules_used)
      if (q < 0 || q > 2) Fail("rules_used out of range", input);
  }
  return 0;
}
