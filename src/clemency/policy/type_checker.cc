// CheckExpression: names resolved, types checked, scopes (person or
// sentence) worked out. See typed_expr.h and docs/policy-language.md.
#include <algorithm>
#include <fmt/format.h>

#include "clemency/core/edit_distance.h"
#include "clemency/policy/expr_ast.h"
#include "clemency/policy/typed_expr.h"

namespace clemency {
namespace {

using enum ValueType;

struct Failure {
  uint32_t offset;
  std::string message;
};

bool IsNumeric(ValueType t) { return t == kInt || t == kNumber; }

class Checker {
 public:
  Checker(const NameScope& names, CheckResult& out) : names_(names), out_(out) {}

  TypedExprPtr Check(const Node& n) {
    switch (n.kind) {
      case NodeKind::kBool: {
        auto e = Const(n, kBool);
        e->constant.boolean = n.boolean;
        return e;
      }
      case NodeKind::kUnknown: {
        auto e = Const(n, kBool);
        e->constant.unknown = true;
        return e;
      }
      case NodeKind::kNumber: {
        auto e = Const(n, n.is_integer ? kInt : kNumber);
        e->constant.integer = static_cast<int64_t>(n.number);
        e->constant.number = n.number;
        return e;
      }
      case NodeKind::kDuration: {
        auto e = Const(n, kDuration);
        e->constant.duration = n.duration;
        return e;
      }
      case NodeKind::kString: {
        auto e = Const(n, kString);
        e->constant.string = n.text;
        return e;
      }
      case NodeKind::kDate: {
        auto e = Const(n, kDate);
        e->constant.date = n.date;
        return e;
      }
      case NodeKind::kList: {
        auto e = Const(n, kList);
        for (const auto& c : n.children) {
          if (c->kind != NodeKind::kString)
            throw Failure{c->offset, "a list may hold only strings, such as [\"a\", \"b\"]"};
          e->constant.list.push_back(c->text);
        }
        return e;
      }
      case NodeKind::kName: return Name(n);
      case NodeKind::kCall: return Call(n);
      case NodeKind::kUnary: return Unary(n);
      case NodeKind::kBinary: return Binary(n);
    }
    throw Failure{n.offset, "unsupported expression"};
  }

 private:
  static TypedExprPtr Make(Op op, ValueType type, uint32_t offset) {
    auto e = std::make_unique<TypedExpr>();
    e->op = op;
    e->type = type;
    e->offset = offset;
    return e;
  }
  static TypedExprPtr Const(const Node& n, ValueType type) {
    auto e = Make(Op::kConst, type, n.offset);
    e->constant.type = type;
    return e;
  }
  static Scope Join(const TypedExpr& a, const TypedExpr& b) {
    return a.scope == Scope::kSentence || b.scope == Scope::kSentence ? Scope::kSentence : Scope::kPerson;
  }

  TypedExprPtr Name(const Node& n) {
    const std::string& name = n.text;
    if (name.rfind("params.", 0) == 0) {
      const std::string p = name.substr(7);
      for (size_t i = 0; i < names_.params.size(); ++i) {
        if (names_.params[i].name != p) continue;
        auto e = Make(Op::kParam, names_.params[i].type, n.offset);
        e->param = static_cast<int>(i);
        out_.params_used.push_back(static_cast<int>(i));
        return e;
      }
      std::string known;
      for (const auto& q : names_.params) known += (known.empty() ? "" : ", ") + q.name;
      throw Failure{n.offset, fmt::format("unknown parameter \"{}\"; this policy declares: {}", p,
                                          known.empty() ? "none" : known)};
    }
    if (const FactInfo* f = FindFact(name)) {
      auto e = Make(Op::kFact, f->type, n.offset);
      e->fact = f->fact;
      e->scope = f->scope;
      if (std::find(out_.facts_used.begin(), out_.facts_used.end(), f->fact) == out_.facts_used.end())
        out_.facts_used.push_back(f->fact);
      return e;
    }
    for (const auto& r : names_.rules) {
      if (r.name != name) continue;
      auto e = Make(Op::kRef, kBool, n.offset);
      e->ref = r.index;
      out_.rules_used.push_back(r.index);
      return e;
    }
    // Suggest the nearest known name.
    std::string best;
    size_t best_d = 3;
    auto consider = [&](std::string_view cand) {
      const size_t d = EditDistance(name, cand);
      if (d < best_d) {
        best_d = d;
        best = cand;
      }
    };
    for (const FactInfo& f : AllFacts()) consider(f.name);
    for (const auto& r : names_.rules) consider(r.name);
    for (const auto& p : names_.params) consider("params." + p.name);
    if (name.rfind("s.", 0) != 0 && FindFact("s." + name) != nullptr) best = "s." + name;
    throw Failure{n.offset, best.empty() ? fmt::format("unknown name \"{}\"", name)
                                         : fmt::format("unknown name \"{}\"; did you mean \"{}\"?", name, best)};
  }

  TypedExprPtr Unary(const Node& n) {
    TypedExprPtr a = Check(*n.children[0]);
    if (n.text == "not") {
      Want(*a, kBool, "not");
      auto e = Make(Op::kNot, kBool, n.offset);
      e->scope = a->scope;
      e->args.push_back(std::move(a));
      return e;
    }
    if (!IsNumeric(a->type) && a->type != kDuration)
      throw Failure{n.offset, fmt::format("cannot negate {}", ATypeName(a->type))};
    auto e = Make(Op::kNeg, a->type, n.offset);
    e->scope = a->scope;
    e->args.push_back(std::move(a));
    return e;
  }

  static void Want(const TypedExpr& e, ValueType t, std::string_view what) {
    if (e.type != t)
      throw Failure{e.offset, fmt::format("{} needs {}, but this is {}", what, ATypeName(t), ATypeName(e.type))};
  }

  TypedExprPtr Binary(const Node& n) {
    const std::string& op = n.text;
    TypedExprPtr a = Check(*n.children[0]);
    TypedExprPtr b = Check(*n.children[1]);
    const ValueType ta = a->type, tb = b->type;
    auto result = [&](Op o, ValueType t) {
      auto e = Make(o, t, n.offset);
      e->scope = Join(*a, *b);
      e->args.push_back(std::move(a));
      e->args.push_back(std::move(b));
      return e;
    };
    auto mismatch = [&]() {
      return Failure{n.offset, fmt::format("\"{}\" cannot combine {} with {}", op, ATypeName(ta), ATypeName(tb))};
    };
    if (op == "and" || op == "or") {
      Want(*a, kBool, "\"" + op + "\"");
      Want(*b, kBool, "\"" + op + "\"");
      return result(op == "and" ? Op::kAnd : Op::kOr, kBool);
    }
    if (op == "in") {
      if (tb != kList) throw Failure{n.children[1]->offset, "\"in\" needs a list on its right, such as [\"a\", \"b\"]"};
      if (ta != kString) throw mismatch();
      // The evaluator reads the list itself (a literal or a parameter's value), never a computed one.
      if (b->op != Op::kConst && b->op != Op::kParam)
        throw Failure{n.children[1]->offset, "\"in\" needs a list written out, such as [\"a\", \"b\"], or a list parameter"};
      return result(Op::kIn, kBool);
    }
    if (op == "has") {
      if (ta != kFlagSet) throw Failure{n.children[0]->offset, "\"has\" needs a set on its left, such as s.flags"};
      // The evaluator reads the set straight from the sentence, never a computed one.
      if (a->op != Op::kFact)
        throw Failure{n.children[0]->offset, "\"has\" needs s.flags or s.enhancements itself on its left"};
      if (tb != kString || b->op != Op::kConst) throw Failure{n.children[1]->offset, "\"has\" needs a string on its right"};
      return result(Op::kHas, kBool);
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=") {
      const bool ordered = op != "==" && op != "!=";
      const bool ok = (IsNumeric(ta) && IsNumeric(tb)) || (ta == kDate && tb == kDate) ||
                      (ta == kDuration && tb == kDuration) || (ta == kSpan && (tb == kDuration || tb == kSpan)) ||
                      (ta == kDuration && tb == kSpan) ||
                      (!ordered && ((ta == kString && tb == kString) || (ta == kBool && tb == kBool)));
      if (!ok) {
        if (ordered && (ta == kString || ta == kBool))
          throw Failure{n.offset, fmt::format("\"{}\" cannot order {}; use == or !=", op, ATypeName(ta))};
        throw mismatch();
      }
      const Op o = op == "<" ? Op::kLess : op == "<=" ? Op::kLessEq : op == ">" ? Op::kGreater
                 : op == ">=" ? Op::kGreaterEq : op == "==" ? Op::kEq : Op::kNotEq;
      return result(o, kBool);
    }
    // Arithmetic.
    if (op == "+" || op == "-") {
      const Op o = op == "+" ? Op::kAdd : Op::kSub;
      if (IsNumeric(ta) && IsNumeric(tb)) return result(o, ta == kInt && tb == kInt ? kInt : kNumber);
      if (ta == kDate && tb == kDuration) return result(o, kDate);
      if (ta == kDuration && tb == kDuration) return result(o, kDuration);
      if (op == "-" && ta == kDate && tb == kDate) return result(o, kSpan);
      throw mismatch();
    }
    const Op o = op == "*" ? Op::kMul : Op::kDiv;
    if (IsNumeric(ta) && IsNumeric(tb)) return result(o, op == "*" && ta == kInt && tb == kInt ? kInt : kNumber);
    if (ta == kDuration && IsNumeric(tb)) return result(o, kDuration);
    if (op == "*" && IsNumeric(ta) && tb == kDuration) {
      std::swap(a, b);
      return result(o, kDuration);
    }
    throw mismatch();
  }

  TypedExprPtr Call(const Node& n) {
    const std::string& f = n.text;
    const size_t argc = n.children.size();
    auto arity = [&](size_t want) {
      if (argc != want)
        throw Failure{n.offset, fmt::format("{}() takes {} argument{}, not {}", f, want, want == 1 ? "" : "s", argc)};
    };
    std::vector<TypedExprPtr> args;
    for (const auto& c : n.children) args.push_back(Check(*c));
    auto make = [&](Op o, ValueType t, Scope s) {
      auto e = Make(o, t, n.offset);
      e->scope = s;
      for (auto& a : args) e->args.push_back(std::move(a));
      return e;
    };
    const bool aggregate = f == "any" || f == "all" || f == "count" || f == "sum" ||
                           ((f == "max" || f == "min") && argc == 1);
    if (aggregate) {
      arity(1);
      const TypedExpr& a = *args[0];
      if (a.scope != Scope::kSentence)
        throw Failure{n.offset, fmt::format("{}() ranges over a person's sentences; its argument must name an s. fact such as s.category", f)};
      if (f == "any" || f == "all" || f == "count") {
        Want(a, kBool, f + "()");
        return make(f == "any" ? Op::kAny : f == "all" ? Op::kAll : Op::kCount, f == "count" ? kInt : kBool, Scope::kPerson);
      }
      const bool summable = IsNumeric(a.type) || a.type == kDuration;
      if (!(summable || (f != "sum" && a.type == kDate)))
        throw Failure{a.offset, fmt::format("{}() cannot take {}", f, ATypeName(a.type))};
      const ValueType t = a.type;
      return make(f == "max" ? Op::kAggMax : f == "min" ? Op::kAggMin : Op::kAggSum, t, Scope::kPerson);
    }
    if (f == "max" || f == "min") {
      arity(2);
      const ValueType ta = args[0]->type, tb = args[1]->type;
      const bool ok = (IsNumeric(ta) && IsNumeric(tb)) || (ta == tb && (ta == kDate || ta == kDuration));
      if (!ok) throw Failure{n.offset, fmt::format("{}() cannot compare {} with {}", f, ATypeName(ta), ATypeName(tb))};
      const ValueType t = IsNumeric(ta) ? (ta == kInt && tb == kInt ? kInt : kNumber) : ta;
      const Scope s = Join(*args[0], *args[1]);
      return make(f == "max" ? Op::kMax2 : Op::kMin2, t, s);
    }
    if (f == "years" || f == "days") {
      arity(1);
      if (args[0]->type != kSpan && args[0]->type != kDuration)
        throw Failure{args[0]->offset, fmt::format("{}() needs a duration or a span of time, not {}", f, ATypeName(args[0]->type))};
      const Scope s = args[0]->scope;
      return make(f == "years" ? Op::kYears : Op::kDays, f == "years" ? kNumber : kInt, s);
    }
    if (f == "if") {
      arity(3);
      Want(*args[0], kBool, "the condition of if()");
      ValueType t = args[1]->type;
      if (IsNumeric(t) && IsNumeric(args[2]->type)) {
        if (args[2]->type == kNumber) t = kNumber;
      } else if (t != args[2]->type) {
        throw Failure{n.offset, fmt::format("if() gives {} in one branch and {} in the other", ATypeName(t), ATypeName(args[2]->type))};
      }
      Scope scope = Scope::kPerson;
      for (const auto& a : args)
        if (a->scope == Scope::kSentence) scope = Scope::kSentence;
      return make(Op::kIf, t, scope);
    }
    if (f == "is_known") {
      arity(1);
      if (args[0]->type == kFlagSet || args[0]->type == kList)
        throw Failure{args[0]->offset, fmt::format("is_known() takes a value, not {}", ATypeName(args[0]->type))};
      const Scope s = args[0]->scope;
      return make(Op::kIsKnown, kBool, s);
    }
    if (f == "coalesce") {
      arity(2);
      ValueType t = args[0]->type;
      if (IsNumeric(t) && IsNumeric(args[1]->type)) {
        if (args[1]->type == kNumber) t = kNumber;
      } else if (t != args[1]->type) {
        throw Failure{n.offset, fmt::format("coalesce() needs two values of one type, not {} and {}", ATypeName(t), ATypeName(args[1]->type))};
      }
      const Scope s = Join(*args[0], *args[1]);
      return make(Op::kCoalesce, t, s);
    }
    throw Failure{n.offset, fmt::format("unknown function \"{}\"; the functions are any, all, count, min, max, sum, years, days, if, is_known, coalesce", f)};
  }

  const NameScope& names_;
  CheckResult& out_;
};

}  // namespace

CheckResult CheckExpression(const Node& root, const NameScope& names, ValueType want) {
  CheckResult r;
  try {
    Checker c(names, r);
    TypedExprPtr e = c.Check(root);
    if (e->scope == Scope::kSentence)
      throw Failure{e->offset, "this names a sentence fact (s.) outside any(), all(), count(), min(), max() or sum()"};
    const bool ok = e->type == want || (want == kNumber && e->type == kInt);
    if (!ok)
      throw Failure{e->offset, fmt::format("the expression is {}, but {} is needed here", ATypeName(e->type), ATypeName(want))};
    r.expr = std::move(e);
  } catch (const Failure& f) {
    r.expr.reset();
    r.error = CheckError{f.offset, f.message};
  }
  std::sort(r.params_used.begin(), r.params_used.end());
  r.params_used.erase(std::unique(r.params_used.begin(), r.params_used.end()), r.params_used.end());
  std::sort(r.rules_used.begin(), r.rules_used.end());
  r.rules_used.erase(std::unique(r.rules_used.begin(), r.rules_used.end()), r.rules_used.end());
  return r;
}

std::string Value::ToString() const {
  if (unknown) return "unknown";
  switch (type) {
    case kBool: return boolean ? "true" : "false";
    case kInt: return std::to_string(integer);
    case kNumber: return fmt::format("{}", number);
    case kString: return fmt::format("\"{}\"", string);
    case kDate: return date.ToString();
    case kDuration: {
      if (duration.months != 0 && duration.days == 0)
        return duration.months % 12 == 0 ? fmt::format("{} years", duration.months / 12)
                                         : fmt::format("{} months", duration.months);
      if (duration.months == 0) return fmt::format("{} days", duration.days);
      return fmt::format("{} months {} days", duration.months, duration.days);
    }
    case kSpan: return "span";
    case kFlagSet: return "set";
    case kList: {
      std::string s = "[";
      for (size_t i = 0; i < list.size(); ++i) s += (i ? ", \"" : "\"") + list[i] + "\"";
      return s + "]";
    }
  }
  return "";
}

}  // namespace clemency
