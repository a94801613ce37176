#include "clemency/sqlgen/sql_expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "clemency/core/duration.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/screen/evaluator.h"

namespace clemency {

using enum ValueType;

struct SqlExprCompiler::V {
  ValueType type = kBool;
  std::string sql;                           // every type but a span
  std::string start, end;                    // a span
  std::optional<int64_t> start_at, end_at;   // a span end known now (the as-of date)
  bool is_const = false;
  Value constant;
};

namespace {

using V = SqlExprCompiler::V;

constexpr double kDaysPerYear = kDaysPerMonth * 12;

std::string SqlOp(Op op) {
  switch (op) {
    case Op::kLess: return "<";
    case Op::kLessEq: return "<=";
    case Op::kGreater: return ">";
    case Op::kGreaterEq: return ">=";
    case Op::kEq: return "=";
    default: return "<>";
  }
}

bool Holds(Op op, int64_t a, int64_t b) {
  switch (op) {
    case Op::kLess: return a < b;
    case Op::kLessEq: return a <= b;
    case Op::kGreater: return a > b;
    case Op::kGreaterEq: return a >= b;
    case Op::kEq: return a == b;
    default: return a != b;
  }
}

int64_t Plus(int64_t day, CalendarDuration d, int sign = 1) {
  return (Date::FromDays(static_cast<int32_t>(day)) + CalendarDuration{sign * d.months, sign * d.days}).days();
}

// The latest start with start + d <= end (start + d never falls as start grows).
int64_t LatestStart(int64_t end, CalendarDuration d) {
  int64_t x = Plus(end, d, -1);
  while (Plus(x + 1, d) <= end) ++x;
  while (Plus(x, d) > end) --x;
  return x;
}

bool ConstMonths(const V& v) { return v.is_const && v.type == kDuration && !v.constant.unknown && v.constant.duration.months != 0; }

double ConstDays(const Value& v) {
  return static_cast<double>(v.duration.months) * kDaysPerMonth + static_cast<double>(v.duration.days);
}

std::string Paren(const std::string& s) { return "(" + s + ")"; }

}  // namespace

std::string SqlColumn(Fact fact) {
  std::string name(FactName(fact));
  std::replace(name.begin(), name.end(), '.', '_');
  return name;
}

std::string SqlExprCompiler::Compile(const TypedExpr& e) {
  V v = Eval(e, false);
  if (v.type == kSpan) throw SqlUnsupported("a span of time as a rule's value");
  return v.sql;
}

V SqlExprCompiler::Const(const Value& value) {
  V v;
  v.type = value.type;
  v.is_const = true;
  v.constant = value;
  auto null_of = [&](const std::string& type) { return sql_.Cast("NULL", type); };
  switch (value.type) {
    case kBool: v.sql = value.unknown ? null_of(sql_.Bool()) : value.boolean ? "TRUE" : "FALSE"; break;
    case kInt: v.sql = value.unknown ? null_of(sql_.Int()) : fmt::format("{}", value.integer); break;
    case kNumber: v.sql = value.unknown ? null_of(sql_.Double()) : sql_.Num(value.number); break;
    case kDate:
      v.sql = value.unknown || value.date.missing() ? null_of(sql_.Int()) : fmt::format("{}", value.date.days());
      break;
    case kDuration:
      v.sql = value.unknown ? null_of(sql_.Int())
              : value.duration.months == 0 ? fmt::format("{}", value.duration.days)
                                           : sql_.Num(ConstDays(value));
      break;
    case kString: v.sql = value.unknown ? null_of(sql_.Text()) : sql_.Str(value.string); break;
    default: break;
  }
  return v;
}

V SqlExprCompiler::FactValue(const TypedExpr& e) {
  V v;
  v.type = e.type;
  const int64_t as_of = as_of_.days();
  switch (e.fact) {
    case Fact::kAsOf: {
      Value d;
      d.type = kDate;
      d.date = as_of_;
      return Const(d);
    }
    case Fact::kAge: v.start = "pf.birth_date", v.end_at = as_of; break;
    case Fact::kTimeServed: v.start = "pf.admission_date", v.end_at = as_of; break;
    case Fact::kRemaining: v.start_at = as_of, v.end = "pf.release"; break;
    case Fact::kSAgeAtOffense: v.start = "pf.birth_date", v.end = "sf.s_offense_date"; break;
    default:
      v.sql = (e.scope == Scope::kPerson ? "pf." : "sf.") + SqlColumn(e.fact);
      return v;
  }
  if (v.start_at) v.start = fmt::format("{}", *v.start_at);
  if (v.end_at) v.end = fmt::format("{}", *v.end_at);
  return v;
}

V SqlExprCompiler::Eval(const TypedExpr& e, bool in_aggregate) {
  switch (e.op) {
    case Op::kConst: return Const(e.constant);
    case Op::kParam: return Const((*params_)[static_cast<size_t>(e.param)]);
    case Op::kFact: return FactValue(e);
    case Op::kRef: {
      if (in_aggregate) throw SqlUnsupported("a rule read inside any/all/count/min/max/sum");
      V v;
      v.sql = fmt::format("rule_{}", e.ref);
      return v;
    }
    case Op::kAny: case Op::kAll: case Op::kCount: case Op::kAggMax: case Op::kAggMin: case Op::kAggSum:
      return AggregateOf(e, Eval(*e.args[0], true));
    case Op::kHas: return Has(e);
    default: break;
  }
  std::vector<V> args;
  for (const auto& a : e.args) args.push_back(Eval(*a, in_aggregate));
  V v;
  v.type = e.type;
  switch (e.op) {
    case Op::kAnd: v.sql = Paren(args[0].sql + " AND " + args[1].sql); return v;
    case Op::kOr: v.sql = Paren(args[0].sql + " OR " + args[1].sql); return v;
    case Op::kNot: v.sql = Paren("NOT " + args[0].sql); return v;
    case Op::kNeg: {
      const V& a = args[0];
      v.sql = a.is_const && a.type == kDuration ? fmt::format("{}", -std::llround(ConstDays(a.constant))) : Paren("-" + a.sql);
      return v;
    }
    case Op::kLess: case Op::kLessEq: case Op::kGreater: case Op::kGreaterEq: case Op::kEq: case Op::kNotEq:
      return Compare(e.op, std::move(args[0]), std::move(args[1]));
    case Op::kIn: {
      std::string list;
      for (const std::string& s : args[1].constant.list) list += (list.empty() ? "" : ", ") + sql_.Str(s);
      v.sql = list.empty() ? fmt::format("CASE WHEN {} IS NULL THEN NULL ELSE FALSE END", args[0].sql)
                           : Paren(args[0].sql + " IN (" + list + ")");
      return v;
    }
    case Op::kAdd: case Op::kSub: case Op::kMul: case Op::kDiv: return Arithmetic(e, std::move(args[0]), std::move(args[1]));
    default: return Call(e, std::move(args));
  }
}

namespace {

// A duration as days, a double (calendar months at their average length).
std::string DurDays(const Sql& sql, const V& v) {
  if (v.is_const && !v.constant.unknown) return sql.Num(ConstDays(v.constant));
  return sql.Cast(v.sql, sql.Double());
}

// A duration as whole days (a constant with months rounded as the engine does).
std::string DurDaysRounded(const V& v) {
  if (v.is_const && !v.constant.unknown) return fmt::format("{}", std::llround(ConstDays(v.constant)));
  return v.sql;
}

std::string AsDouble(const Sql& sql, const V& v) { return v.type == kNumber ? v.sql : sql.Cast(v.sql, sql.Double()); }

// llround: half away from zero.
std::string RoundToInt(const Sql& sql, const std::string& x) {
  return sql.Cast(fmt::format("CASE WHEN {0} >= 0 THEN FLOOR({0} + 0.5) ELSE -FLOOR(0.5 - {0}) END", x), sql.Int());
}

}  // namespace

V SqlExprCompiler::Compare(Op op, V a, V b) {
  if (a.type == kDuration && b.type == kSpan) {
    std::swap(a, b);
    op = Mirror(op);
  }
  V v;
  v.type = kBool;
  if (a.type == kSpan && b.type == kDuration) return CompareSpanDuration(op, a, b);
  if (a.type == kSpan && b.type == kSpan) {
    v.sql = fmt::format("(({} - {}) {} ({} - {}))", a.end, a.start, SqlOp(op), b.end, b.start);
  } else if (a.type == kDuration && b.type == kDuration && (ConstMonths(a) || ConstMonths(b))) {
    v.sql = fmt::format("({} {} {})", DurDays(sql_, a), SqlOp(op), DurDays(sql_, b));
  } else if (a.type == kNumber || b.type == kNumber) {
    v.sql = fmt::format("({} {} {})", AsDouble(sql_, a), SqlOp(op), AsDouble(sql_, b));
  } else {
    v.sql = fmt::format("({} {} {})", a.sql, SqlOp(op), b.sql);
  }
  return v;
}

// span OP duration: end OP start + duration, on the calendar.
V SqlExprCompiler::CompareSpanDuration(Op op, const V& span, const V& dur) {
  V v;
  v.type = kBool;
  if (dur.is_const && dur.constant.unknown) {
    v.sql = sql_.Cast("NULL", sql_.Bool());
    return v;
  }
  if (!dur.is_const) {
    v.sql = fmt::format("({} {} {} + {})", span.end, SqlOp(op), span.start, dur.sql);
    return v;
  }
  const CalendarDuration d = dur.constant.duration;
  if (span.end_at && span.start_at) {
    v.sql = Holds(op, *span.end_at, Plus(*span.start_at, d)) ? "TRUE" : "FALSE";
  } else if (span.start_at) {  // the start is the as-of date: end OP a fixed day
    v.sql = fmt::format("({} {} {})", span.end, SqlOp(op), Plus(*span.start_at, d));
  } else if (span.end_at) {  // the end is fixed: a threshold on the start
    const int64_t ge = LatestStart(*span.end_at, d), gt = LatestStart(*span.end_at - 1, d);
    const std::string& s = span.start;
    switch (op) {
      case Op::kGreaterEq: v.sql = fmt::format("({} <= {})", s, ge); break;
      case Op::kGreater: v.sql = fmt::format("({} <= {})", s, gt); break;
      case Op::kLess: v.sql = fmt::format("({} > {})", s, ge); break;
      case Op::kLessEq: v.sql = fmt::format("({} > {})", s, gt); break;
      case Op::kEq: v.sql = fmt::format("({0} <= {1} AND {0} > {2})", s, ge, gt); break;
      default: v.sql = fmt::format("(NOT ({0} <= {1} AND {0} > {2}))", s, ge, gt); break;
    }
  } else if (d.months == 0) {
    v.sql = fmt::format("({} {} {} + {})", span.end, SqlOp(op), span.start, d.days);
  } else {
    if (d.months < 0) throw SqlUnsupported("a negative calendar duration compared with a span");
    // on >= start + d exactly when the whole months from start to on - days reach d.months.
    auto elapsed = [&](const std::string& on) {
      return fmt::format("({} >= {})", sql_.WholeMonths(span.start, fmt::format("({} - {})", on, d.days)), d.months);
    };
    const std::string at = elapsed(span.end), before = elapsed(Paren(span.end + " - 1"));
    switch (op) {
      case Op::kGreaterEq: v.sql = at; break;
      case Op::kGreater: v.sql = before; break;
      case Op::kLess: v.sql = Paren("NOT " + at); break;
      case Op::kLessEq: v.sql = Paren("NOT " + before); break;
      case Op::kEq: v.sql = fmt::format("({} AND NOT {})", at, before); break;
      default: v.sql = fmt::format("(NOT ({} AND NOT {}))", at, before); break;
    }
  }
  return v;
}

std::string SqlExprCompiler::PlusMonths(const std::string& day, int64_t months) const {
  const std::string date = sql_.DateOfDay(day);
  const std::string total = fmt::format("({} * 12 + {} - 1 + {})", sql_.Year(date), sql_.Month(date), months);
  auto first_of = [&](const std::string& t) {
    return sql_.DayOfDate(sql_.MakeDate(sql_.IntDiv(t, "12"), sql_.Mod(t, "12") + " + 1", "1"));
  };
  const std::string first = first_of(total), next = first_of(Paren(total + " + 1"));
  // A day missing from the target month rolls to the first of the next (core/date.h).
  return fmt::format("CASE WHEN {0} IS NULL THEN NULL WHEN {1} <= {3} - {2} THEN {2} + {1} - 1 ELSE {3} END", day,
                     sql_.Day(date), first, next);
}

std::string SqlExprCompiler::AddDuration(const std::string& day, const V& dur, int sign) const {
  if (!dur.is_const) return fmt::format("({} {} {})", day, sign > 0 ? "+" : "-", dur.sql);
  if (dur.constant.unknown) return sql_.Cast("NULL", sql_.Int());
  const CalendarDuration d = dur.constant.duration;
  const std::string months = d.months == 0 ? day : PlusMonths(day, sign * d.months);
  return fmt::format("({} + {})", months, sign * d.days);
}

V SqlExprCompiler::Arithmetic(const TypedExpr& e, V a, V b) {
  V v;
  v.type = e.type;
  const char* op = e.op == Op::kAdd ? "+" : e.op == Op::kSub ? "-" : e.op == Op::kMul ? "*" : "/";
  if (e.type == kNumber) {
    const std::string x = AsDouble(sql_, a), y = AsDouble(sql_, b);
    v.sql = e.op == Op::kDiv ? fmt::format("CASE WHEN {1} = 0 THEN NULL ELSE {0} / {1} END", x, y)
                             : fmt::format("({} {} {})", x, op, y);
  } else if (e.type == kSpan) {  // date - date
    v.start = b.sql, v.end = a.sql;
    if (b.is_const && !b.constant.unknown) v.start_at = b.constant.date.days();
    if (a.is_const && !a.constant.unknown) v.end_at = a.constant.date.days();
  } else if (e.type == kInt) {
    v.sql = fmt::format("({} {} {})", a.sql, op, b.sql);
  } else if (e.type == kDate) {
    if (a.type != kDate) std::swap(a, b);
    v.sql = AddDuration(a.sql, b, e.op == Op::kAdd ? 1 : -1);
  } else if (a.type == kDuration && b.type == kDuration) {
    v.sql = fmt::format("({} {} {})", DurDaysRounded(a), op, DurDaysRounded(b));
  } else {  // duration * or / number
    const std::string x = DurDays(sql_, a), y = AsDouble(sql_, b);
    v.sql = e.op == Op::kMul ? RoundToInt(sql_, fmt::format("({} * {})", x, y))
                             : fmt::format("CASE WHEN {1} = 0 THEN NULL ELSE {2} END", x, y,
                                           RoundToInt(sql_, fmt::format("({} / {})", x, y)));
  }
  return v;
}

// An aggregate over the person's sentences: computed into ag.agg_N, read
// here with what a person without sentences gets (pf.sentences IS NULL).
V SqlExprCompiler::AggregateOf(const TypedExpr& e, V a) {
  const std::string col = fmt::format("pf.agg_{}", aggregates_.size());
  V v;
  v.type = e.type;
  std::string agg, empty;
  // Kleene any/all: 2 true, 1 unknown, 0 false; any is the largest, all the smallest.
  const std::string tri = fmt::format("CASE WHEN {0} THEN 2 WHEN {0} IS NULL THEN 1 ELSE 0 END", a.sql);
  const std::string value = a.type == kDuration ? DurDaysRounded(a) : a.sql;
  switch (e.op) {
    case Op::kAny:
    case Op::kAll:
      agg = fmt::format("{}({})", e.op == Op::kAny ? "MAX" : "MIN", tri);
      v.sql = fmt::format("CASE WHEN pf.sentences IS NULL THEN {1} WHEN {0} = 2 THEN TRUE WHEN {0} = 1 THEN NULL ELSE FALSE END",
                          col, e.op == Op::kAny ? "FALSE" : "TRUE");
      break;
    case Op::kCount:
      agg = fmt::format("CASE WHEN MAX({0}) = 1 THEN NULL ELSE SUM(CASE WHEN {1} THEN 1 ELSE 0 END) END",
                        fmt::format("CASE WHEN {} IS NULL THEN 1 ELSE 0 END", a.sql), a.sql);
      empty = "0";
      break;
    default: {
      const char* fn = e.op == Op::kAggMax ? "MAX" : e.op == Op::kAggMin ? "MIN" : "SUM";
      agg = fmt::format("CASE WHEN COUNT({0}) < COUNT(*) THEN NULL ELSE {1}({0}) END", value, fn);
      empty = e.op == Op::kAggSum ? (e.type == kNumber ? sql_.Num(0) : "0") : "NULL";
      break;
    }
  }
  if (v.sql.empty()) v.sql = fmt::format("CASE WHEN pf.sentences IS NULL THEN {} ELSE {} END", empty, col);
  aggregates_.push_back(std::move(agg));
  return v;
}

V SqlExprCompiler::Has(const TypedExpr& e) {
  const TypedExpr& set = *e.args[0];
  const std::string& what = e.args[1]->constant.string;
  V v;
  v.type = kBool;
  if (set.fact == Fact::kSFlags) {
    const bool known_flag = std::find(std::begin(kOffenseFlags), std::end(kOffenseFlags), what) != std::end(kOffenseFlags);
    const std::string item = sql_.Str(";" + what + ";");
    v.sql = !known_flag ? "FALSE"
                        : fmt::format("CASE WHEN {} THEN {} ELSE NULL END", sql_.Contains("sf.s_flags_known", item),
                                      sql_.Contains("sf.s_flags", item));
    return v;
  }
  auto it = std::find(enhancement_codes_.begin(), enhancement_codes_.end(), what);
  if (it == enhancement_codes_.end()) it = enhancement_codes_.insert(it, what);
  v.sql = fmt::format("sf.enh_has_{}", it - enhancement_codes_.begin());
  return v;
}

V SqlExprCompiler::Call(const TypedExpr& e, std::vector<V> args) {
  V v;
  v.type = e.type;
  const V& a = args[0];
  auto unknown = [&](const V& x) {
    if (x.type == kSpan) return fmt::format("({} IS NULL OR {} IS NULL)", x.start, x.end);
    if (x.is_const) return std::string(x.constant.unknown ? "TRUE" : "FALSE");
    return fmt::format("({} IS NULL)", x.sql);
  };
  switch (e.op) {
    case Op::kYears:
    case Op::kDays: {
      const bool years = e.op == Op::kYears;
      if (a.type == kSpan) {
        const std::string days = fmt::format("({} - {})", a.end, a.start);
        v.sql = years ? fmt::format("({} / {})", sql_.Cast(days, sql_.Double()), sql_.Num(kDaysPerYear)) : days;
      } else if (years) {
        v.sql = a.is_const && !a.constant.unknown ? sql_.Num(ConstDays(a.constant) / kDaysPerYear)
                                                  : fmt::format("({} / {})", DurDays(sql_, a), sql_.Num(kDaysPerYear));
      } else {
        v.sql = DurDaysRounded(a);
      }
      return v;
    }
    case Op::kIsKnown: v.sql = Paren("NOT " + unknown(a)); return v;
    case Op::kIf:
    case Op::kCoalesce:
    case Op::kMax2:
    case Op::kMin2: break;
    default: throw SqlUnsupported("an operation the SQL compiler does not know");
  }
  const bool is_if = e.op == Op::kIf;
  const V& x = args[is_if ? 1 : 0];
  const V& y = args[is_if ? 2 : 1];
  if (e.type == kSpan) throw SqlUnsupported("if/coalesce/max/min of spans of time");
  auto value = [&](const V& z) { return e.type == kDuration ? DurDaysRounded(z) : e.type == kNumber ? AsDouble(sql_, z) : z.sql; };
  if (is_if) {
    v.sql = fmt::format("CASE WHEN {0} THEN {1} WHEN NOT {0} THEN {2} ELSE NULL END", args[0].sql, value(x), value(y));
  } else if (e.op == Op::kCoalesce) {
    v.sql = fmt::format("CASE WHEN {} THEN {} ELSE {} END", unknown(x), value(y), value(x));
  } else {
    auto cmp = [&](const V& z) { return e.type == kDuration ? DurDays(sql_, z) : AsDouble(sql_, z); };
    v.sql = fmt::format("CASE WHEN {} OR {} THEN NULL WHEN {} {} {} THEN {} ELSE {} END", unknown(x), unknown(y), cmp(x),
                        e.op == Op::kMax2 ? ">=" : "<=", cmp(y), value(x), value(y));
  }
  return v;
}

}  // namespace clemency
