#include "clemency/screen/evaluator.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

#include "clemency/screen/fact_columns.h"

namespace clemency {
namespace {

using enum ValueType;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool IsOrdering(Op op) { return op == Op::kLess || op == Op::kLessEq || op == Op::kGreater || op == Op::kGreaterEq; }

template <typename T>
uint8_t Cmp(Op op, T a, T b) {
  bool r = false;
  switch (op) {
    case Op::kLess: r = a < b; break;
    case Op::kLessEq: r = a <= b; break;
    case Op::kGreater: r = a > b; break;
    case Op::kGreaterEq: r = a >= b; break;
    case Op::kEq: r = a == b; break;
    case Op::kNotEq: r = a != b; break;
    default: break;
  }
  return r ? kTrue : kFalse;
}

bool ConstMonths(const Column& c) { return c.is_const && c.type == kDuration && c.constant.duration.months != 0; }

// A duration in days (NaN when unknown); calendar months at their average length.
double DurDays(const Column& c, size_t k) {
  if (c.is_const && c.type == kDuration) {
    if (c.constant.unknown) return kNaN;
    return static_cast<double>(c.constant.duration.months) * kDaysPerMonth + static_cast<double>(c.constant.duration.days);
  }
  const int64_t v = c.i[k];
  return v == kNa ? kNaN : static_cast<double>(v);
}

int64_t DurDaysRounded(const Column& c, size_t k) {
  const double v = DurDays(c, k);
  return std::isnan(v) ? kNa : static_cast<int64_t>(std::llround(v));
}

// day + duration, on the calendar when the duration has months.
int64_t AddDur(int64_t day, const Column& dur, size_t k, int sign = 1) {
  if (day == kNa) return kNa;
  if (dur.is_const && dur.type == kDuration) {
    if (dur.constant.unknown) return kNa;
    const CalendarDuration& cd = dur.constant.duration;
    return Date::FromDays(static_cast<int32_t>(day)).PlusMonths(sign * cd.months).PlusDays(sign * cd.days).days();
  }
  const int64_t v = dur.i[k];
  return v == kNa ? kNa : day + sign * v;
}

// The smallest day x with x + dur >= target.
int64_t FirstDayReaching(int64_t target, const Column& dur, size_t k) {
  if (!ConstMonths(dur)) {
    const int64_t v = DurDaysRounded(dur, k);
    return v == kNa ? kNa : target - v;
  }
  int64_t x = AddDur(target, dur, k, -1) - 4;
  while (AddDur(x, dur, k) < target) ++x;
  while (AddDur(x - 1, dur, k) >= target) --x;
  return x;
}

double AsDouble(const Column& c, size_t k) {
  if (c.type == kNumber) return c.d[k];
  const int64_t v = c.i[k];
  return v == kNa ? kNaN : static_cast<double>(v);
}


}  // namespace

int64_t Evaluator::AsOf(size_t person) const {
  return as_of_ != nullptr ? (*as_of_)[person] : f_.as_of.days();
}

void Evaluator::NoteChange(size_t person, int64_t when) {
  if (when == kNa || when <= AsOf(person)) return;
  int64_t& n = (*next_change_)[person];
  if (n == kNa || when < n) n = when;
}

Column Evaluator::Const(const Value& v) {
  Column c;
  c.type = v.type;
  c.is_const = true;
  c.constant = v;
  switch (v.type) {
    case kBool: c.b.c = v.unknown ? kUnknownBool : v.boolean ? kTrue : kFalse; break;
    case kInt: c.i.c = v.unknown ? kNa : v.integer; break;
    case kNumber: c.d.c = v.unknown ? kNaN : v.number; break;
    case kDate: c.i.c = v.unknown || v.date.missing() ? kNa : v.date.days(); break;
    case kDuration: c.i.c = v.unknown ? kNa : v.duration.months * 31 + v.duration.days; break;  // unused when months != 0
    case kString: {
      // A string no fact has is a known value that matches nothing (-1), not unknown.
      const int64_t id = f_.StringId(v.string);
      c.i.c = v.unknown ? kNa : id == kNa ? -1 : id;
      break;
    }
    default: break;
  }
  return c;
}

View<int64_t> Evaluator::AsOfView() const {
  View<int64_t> v;
  if (as_of_ != nullptr) v.p = as_of_->data();
  else v.c = f_.as_of.days();
  return v;
}

// One end of a span fact: the as-of date, a column, or a person column read
// at each sentence's person (into `own`).
View<int64_t> Evaluator::EndView(const SpanEnd& end, Scope scope, Buffer<int64_t>& own) const {
  if (end.is_as_of()) return AsOfView();
  const Cells<int64_t>& column = f_.*end.column;
  View<int64_t> v;
  if (!end.of_person || scope == Scope::kPerson) {
    v.p = column.data();
    return v;
  }
  const size_t ns = f_.sentences();
  own.AllocateUninitialized(ns);
  for (size_t s = 0; s < ns; ++s) own[s] = column[f_.sentence_person[s]];
  v.p = own.data();
  return v;
}

// A fact's column, as its entry in screen/fact_columns.h stores it.
Column Evaluator::Fact(const TypedExpr& e) {
  const FactColumn& fc = ColumnOf(e.fact);
  Column c;
  c.type = e.type;
  c.scope = e.scope;
  switch (fc.storage) {
    case Storage::kAsOf: c.i = AsOfView(); c.is_as_of = true; break;
    case Storage::kInt: c.i.p = (f_.*fc.ints).data(); break;
    case Storage::kBool: c.b.p = (f_.*fc.bools).data(); break;
    case Storage::kNumber: c.d.p = (f_.*fc.numbers).data(); break;
    case Storage::kSpan:
      c.i = EndView(fc.start, e.scope, c.oi);
      c.j = EndView(fc.end, e.scope, c.oj);
      c.as_of_end = fc.end.is_as_of();
      c.as_of_start = fc.start.is_as_of();
      break;
    case Storage::kComputed: {
      const size_t n = Rows(e.scope);
      c.OwnNumber(n);
      const bool per_person = e.scope == Scope::kPerson;
      for (size_t k = 0; k < n; ++k)
        c.od[k] = fc.compute(f_, static_cast<uint32_t>(k), AsOf(per_person ? k : f_.sentence_person[k]));
      c.reached_on = fc.reached_on;
      break;
    }
    case Storage::kFlagMask:
    case Storage::kEnhancements: break;  // read by `has` directly
  }
  return c;
}

Column Evaluator::ToSentences(Column c) {
  if (c.scope == Scope::kSentence || c.is_const) {
    c.scope = Scope::kSentence;
    return c;
  }
  const size_t ns = f_.sentences();
  const std::vector<uint32_t>& person = f_.sentence_person;
  Column out;
  out.type = c.type;
  out.scope = Scope::kSentence;
  out.constant = std::move(c.constant);
  switch (c.type) {
    case kBool:
      out.OwnBool(ns);
      for (size_t s = 0; s < ns; ++s) out.ob[s] = c.b[person[s]];
      break;
    case kNumber:
      out.OwnNumber(ns);
      for (size_t s = 0; s < ns; ++s) out.od[s] = c.d[person[s]];
      break;
    case kSpan:
      out.OwnSpanEnd(ns);
      for (size_t s = 0; s < ns; ++s) out.oj[s] = c.j[person[s]];
      [[fallthrough]];
    default:
      out.OwnInt(ns);
      for (size_t s = 0; s < ns; ++s) out.oi[s] = c.i[person[s]];
      break;
  }
  return out;
}

Column Evaluator::Eval(const TypedExpr& e) {
  switch (e.op) {
    case Op::kConst: return Const(e.constant);
    case Op::kParam: return Const((*params_)[static_cast<size_t>(e.param)]);
    case Op::kFact: return Fact(e);
    case Op::kRef: {
      const Column& r = (*rules_)[static_cast<size_t>(e.ref)];
      Column c;
      c.type = kBool;
      c.b.p = r.ob.data();
      return c;
    }
    default: break;
  }

  if (e.op == Op::kAny || e.op == Op::kAll || e.op == Op::kCount || e.op == Op::kAggMax ||
      e.op == Op::kAggMin || e.op == Op::kAggSum)
    return Aggregate(e, ToSentences(Eval(*e.args[0])));

  if (e.op == Op::kHas) {
    const TypedExpr& set = *e.args[0];
    const std::string& what = e.args[1]->constant.string;
    const size_t ns = f_.sentences();
    Column c;
    c.scope = Scope::kSentence;
    c.OwnBool(ns);
    if (set.fact == Fact::kSFlags) {
      const int bit = f_.FlagBit(what);
      for (size_t s = 0; s < ns; ++s)
        c.ob[s] = bit < 0                               ? kFalse
                  : !(f_.flags_known[s] >> bit & 1)     ? kUnknownBool
                  : (f_.flags[s] >> bit & 1)            ? kTrue
                                                        : kFalse;
    } else {
      std::fill(c.ob.data(), c.ob.data() + ns, kFalse);
      const Population& pop = *f_.population;
      const int64_t code = f_.StringId(what);  // enhancement codes as resolved by the catalog
      if (code != kNa) {
        for (uint32_t s = 0; s < ns; ++s) {
          const IndexRange r = pop.EnhancementsOf(s);
          for (uint32_t k = r.begin; k < r.end; ++k)
            if (f_.enhancement_code[k] == code) c.ob[s] = kTrue;
        }
      }
    }
    return c;
  }

  // `and` / `or` with a constant side (a switched-off exclusion, say) need
  // not evaluate the other side: false and x = false, true or x = true.
  if (e.op == Op::kAnd || e.op == Op::kOr) {
    const uint8_t decisive = e.op == Op::kAnd ? kFalse : kTrue;
    Column left = Eval(*e.args[0]);
    if (left.is_const && left.b.c == decisive) return left;
    Column right = Eval(*e.args[1]);
    if (right.is_const && right.b.c == decisive) return right;
    if (left.is_const && left.b.c != kUnknownBool) return right.scope == e.scope ? std::move(right) : ToSentences(std::move(right));
    if (right.is_const && right.b.c != kUnknownBool) return left.scope == e.scope ? std::move(left) : ToSentences(std::move(left));
    std::vector<Column> pair;
    pair.push_back(std::move(left));
    pair.push_back(std::move(right));
    if (e.scope == Scope::kSentence)
      for (Column& a : pair) a = ToSentences(std::move(a));
    return AndOr(e, pair[0], pair[1]);
  }

  std::vector<Column> args;
  for (const auto& a : e.args) args.push_back(Eval(*a));
  if (e.scope == Scope::kSentence)
    for (Column& a : args) a = ToSentences(std::move(a));
  const size_t n = Rows(e.scope);

  switch (e.op) {
    case Op::kNot: {
      Column c;
      c.scope = e.scope;
      c.OwnBool(n);
      const Column& a = args[0];
      for (size_t k = 0; k < n; ++k) {
        const uint8_t v = a.b[k];
        c.ob[k] = static_cast<uint8_t>(kTrue - v);
      }
      return c;
    }
    case Op::kNeg: {
      Column c;
      c.type = e.type;
      c.scope = e.scope;
      const Column& a = args[0];
      if (e.type == kNumber) {
        c.OwnNumber(n);
        for (size_t k = 0; k < n; ++k) c.od[k] = -a.d[k];
      } else {
        c.OwnInt(n);
        for (size_t k = 0; k < n; ++k) {
          const int64_t v = e.type == kDuration ? DurDaysRounded(a, k) : a.i[k];
          c.oi[k] = v == kNa ? kNa : -v;
        }
      }
      return c;
    }
    case Op::kLess: case Op::kLessEq: case Op::kGreater: case Op::kGreaterEq: case Op::kEq: case Op::kNotEq:
      return Compare(e, std::move(args[0]), std::move(args[1]));
    case Op::kIn: {
      // String ids are small integers: membership is one array lookup.
      std::vector<uint8_t> member(f_.strings.size() + 1, kFalse);
      for (const std::string& s : args[1].constant.list) {
        const int64_t id = f_.StringId(s);
        if (id != kNa) member[static_cast<size_t>(id)] = kTrue;
      }
      Column c;
      c.scope = e.scope;
      c.OwnBool(n);
      const Column& a = args[0];
      for (size_t k = 0; k < n; ++k) {
        const int64_t v = a.i[k];
        c.ob[k] = v == kNa ? kUnknownBool : v < 0 ? kFalse : member[static_cast<size_t>(v)];
      }
      return c;
    }
    case Op::kAdd: case Op::kSub: case Op::kMul: case Op::kDiv:
      return Arithmetic(e, std::move(args[0]), std::move(args[1]));
    default:
      return Call(e, std::move(args));
  }
}

Column Evaluator::AndOr(const TypedExpr& e, const Column& a, const Column& b) {
  const size_t n = Rows(e.scope);
  Column c;
  c.scope = e.scope;
  c.OwnBool(n);
  // Kleene logic: false < unknown < true, and = min, or = max.
  uint8_t* out = c.ob.data();
  const bool is_and = e.op == Op::kAnd;
  if (a.b.p != nullptr && b.b.p != nullptr) {  // the common case, in a loop the compiler vectorizes
    const uint8_t* x = a.b.p;
    const uint8_t* y = b.b.p;
    if (is_and) for (size_t k = 0; k < n; ++k) out[k] = std::min(x[k], y[k]);
    else for (size_t k = 0; k < n; ++k) out[k] = std::max(x[k], y[k]);
    return c;
  }
  for (size_t k = 0; k < n; ++k) out[k] = is_and ? std::min(a.b[k], b.b[k]) : std::max(a.b[k], b.b[k]);
  return c;
}

Column Evaluator::Compare(const TypedExpr& e, Column a, Column b) {
  Op op = e.op;
  // Put spans and durations in a fixed order: span on the left.
  if ((a.type == kDuration && b.type == kSpan) || (b.is_as_of && !a.is_as_of) ||
      (b.reached_on != nullptr && a.reached_on == nullptr)) {
    std::swap(a, b);
    op = Mirror(op);
  }
  const size_t n = Rows(e.scope);
  const bool track = next_change_ != nullptr && e.scope == Scope::kPerson;
  Column c;
  c.scope = e.scope;
  c.OwnBool(n);
  const ValueType ta = a.type, tb = b.type;

  if (ta == kSpan && tb == kDuration && !track && b.is_const && !b.constant.unknown && IsOrdering(op)) {
    // Fast paths for a fixed duration when one end of the span is the same
    // for everyone (age and time served end on a single as-of date).
    if (a.i.p == nullptr && a.i.c != kNa) {  // start fixed: end OP t
      const int64_t t = AddDur(a.i.c, b, 0);
      for (size_t k = 0; k < n; ++k) c.ob[k] = a.j[k] == kNa ? kUnknownBool : Cmp(op, a.j[k], t);
      return c;
    }
    if (a.j.p == nullptr && a.j.c != kNa) {  // end E fixed: E OP start + D, monotone in start
      const int64_t e_day = a.j.c;
      const int64_t last_ge = FirstDayReaching(e_day + 1, b, 0) - 1;  // latest start with start + D <= E
      const int64_t last_gt = FirstDayReaching(e_day, b, 0) - 1;      // latest start with start + D <= E - 1
      for (size_t k = 0; k < n; ++k) {
        const int64_t start = a.i[k];
        bool r;
        switch (op) {
          case Op::kGreaterEq: r = start <= last_ge; break;
          case Op::kGreater: r = start <= last_gt; break;
          case Op::kLess: r = start > last_ge; break;
          default: r = start > last_gt; break;  // kLessEq
        }
        c.ob[k] = start == kNa ? kUnknownBool : r ? kTrue : kFalse;
      }
      return c;
    }
  }
  if (ta == kSpan && tb == kDuration) {
    for (size_t k = 0; k < n; ++k) {
      const int64_t start = a.i[k], end = a.j[k];
      const int64_t t = AddDur(start, b, k);
      if (end == kNa || t == kNa) {
        c.ob[k] = kUnknownBool;
        continue;
      }
      c.ob[k] = Cmp(op, end, t);
      if (!track) continue;
      if (a.as_of_end) {  // end is the as-of date x: x OP t
        if (op == Op::kGreaterEq || op == Op::kLess || op == Op::kEq || op == Op::kNotEq) NoteChange(k, t);
        if (op == Op::kGreater || op == Op::kLessEq || op == Op::kEq || op == Op::kNotEq) NoteChange(k, t + 1);
      } else if (a.as_of_start) {  // start is the as-of date x: end OP x + dur
        if (op == Op::kGreater || op == Op::kLessEq || op == Op::kEq || op == Op::kNotEq)
          NoteChange(k, FirstDayReaching(end, b, k));
        if (op == Op::kGreaterEq || op == Op::kLess || op == Op::kEq || op == Op::kNotEq)
          NoteChange(k, FirstDayReaching(end + 1, b, k));
      }
    }
    return c;
  }
  if (ta == kSpan && tb == kSpan) {
    for (size_t k = 0; k < n; ++k) {
      const int64_t a0 = a.i[k], a1 = a.j[k], b0 = b.i[k], b1 = b.j[k];
      c.ob[k] = a0 == kNa || a1 == kNa || b0 == kNa || b1 == kNa ? kUnknownBool : Cmp(op, a1 - a0, b1 - b0);
    }
    return c;
  }
  if (ta == kDuration && tb == kDuration && (ConstMonths(a) || ConstMonths(b))) {
    for (size_t k = 0; k < n; ++k) {
      const double x = DurDays(a, k), y = DurDays(b, k);
      c.ob[k] = std::isnan(x) || std::isnan(y) ? kUnknownBool : Cmp(op, x, y);
    }
    return c;
  }
  if (ta == kNumber || tb == kNumber) {
    for (size_t k = 0; k < n; ++k) {
      const double x = AsDouble(a, k), y = AsDouble(b, k);
      c.ob[k] = std::isnan(x) || std::isnan(y) ? kUnknownBool : Cmp(op, x, y);
      if (track && a.reached_on != nullptr && !std::isnan(y) && c.ob[k] != kUnknownBool) {
        // a grows with the as-of date: OP flips on the day it reaches y.
        const double at = a.reached_on(f_, static_cast<uint32_t>(k), y);
        if (op == Op::kGreaterEq || op == Op::kLess) NoteChange(k, static_cast<int64_t>(std::ceil(at - 1e-9)));
        if (op == Op::kGreater || op == Op::kLessEq) NoteChange(k, static_cast<int64_t>(std::floor(at + 1e-9)) + 1);
      }
    }
    return c;
  }
  if (ta == kBool) {
    for (size_t k = 0; k < n; ++k) {
      const uint8_t x = a.b[k], y = b.b[k];
      c.ob[k] = x == kUnknownBool || y == kUnknownBool ? kUnknownBool : Cmp(op, x, y);
    }
    return c;
  }
  // int, date, duration in days, string ids
  if (track && a.is_as_of && !b.is_as_of && IsOrdering(op)) {
    for (size_t k = 0; k < n; ++k) {
      const int64_t x = a.i[k], y = b.i[k];
      if (x == kNa || y == kNa) {
        c.ob[k] = kUnknownBool;
        continue;
      }
      c.ob[k] = Cmp(op, x, y);
      NoteChange(k, op == Op::kGreaterEq || op == Op::kLess ? y : y + 1);
    }
    return c;
  }
  // The operator is chosen once, outside the loop.
  auto loop = [&](auto cmp) {
    uint8_t* out = c.ob.data();
    if (a.i.p != nullptr && b.i.p == nullptr) {  // a column against a constant
      const int64_t* x = a.i.p;
      const int64_t y = b.i.c;
      for (size_t k = 0; k < n; ++k) out[k] = x[k] == kNa || y == kNa ? kUnknownBool : cmp(x[k], y) ? kTrue : kFalse;
      return;
    }
    for (size_t k = 0; k < n; ++k) {
      const int64_t x = a.i[k], y = b.i[k];
      out[k] = x == kNa || y == kNa ? kUnknownBool : cmp(x, y) ? kTrue : kFalse;
    }
  };
  switch (op) {
    case Op::kLess: loop(std::less<int64_t>()); break;
    case Op::kLessEq: loop(std::less_equal<int64_t>()); break;
    case Op::kGreater: loop(std::greater<int64_t>()); break;
    case Op::kGreaterEq: loop(std::greater_equal<int64_t>()); break;
    case Op::kEq: loop(std::equal_to<int64_t>()); break;
    default: loop(std::not_equal_to<int64_t>()); break;
  }
  return c;
}

Column Evaluator::Arithmetic(const TypedExpr& e, Column a, Column b) {
  const size_t n = Rows(e.scope);
  Column c;
  c.type = e.type;
  c.scope = e.scope;
  const ValueType ta = a.type, tb = b.type;
  if (e.type == kNumber) {
    c.OwnNumber(n);
    if (ta == kNumber && tb == kNumber && (e.op == Op::kAdd || e.op == Op::kMul)) {  // priority sums
      const bool add = e.op == Op::kAdd;
      const double* xs = a.d.p;
      const double* ys = b.d.p;
      const double xc = a.d.c, yc = b.d.c;
      for (size_t k = 0; k < n; ++k) {
        const double x = xs ? xs[k] : xc, y = ys ? ys[k] : yc;
        c.od[k] = add ? x + y : x * y;
      }
      return c;
    }
    for (size_t k = 0; k < n; ++k) {
      const double x = AsDouble(a, k), y = AsDouble(b, k);
      switch (e.op) {
        case Op::kAdd: c.od[k] = x + y; break;
        case Op::kSub: c.od[k] = x - y; break;
        case Op::kMul: c.od[k] = x * y; break;
        default: c.od[k] = y == 0 ? kNaN : x / y; break;
      }
    }
    return c;
  }
  if (e.type == kSpan) {  // date - date
    c.OwnInt(n);
    c.OwnSpanEnd(n);
    for (size_t k = 0; k < n; ++k) {
      c.oi[k] = b.i[k];
      c.oj[k] = a.i[k];
    }
    c.as_of_end = a.is_as_of;
    c.as_of_start = b.is_as_of;
    return c;
  }
  c.OwnInt(n);
  if (e.type == kInt) {
    for (size_t k = 0; k < n; ++k) {
      const int64_t x = a.i[k], y = b.i[k];
      if (x == kNa || y == kNa) continue;
      int64_t r;
      const bool overflow = e.op == Op::kAdd   ? __builtin_add_overflow(x, y, &r)
                            : e.op == Op::kSub ? __builtin_sub_overflow(x, y, &r)
                                               : __builtin_mul_overflow(x, y, &r);
      if (!overflow && r != kNa) c.oi[k] = r;  // an overflow is unknown, not a wrong number
    }
    return c;
  }
  if (e.type == kDate) {  // date +- duration
    const int sign = e.op == Op::kAdd ? 1 : -1;
    for (size_t k = 0; k < n; ++k) c.oi[k] = AddDur(a.i[k], b, k, sign);
    return c;
  }
  // duration
  if (ta == kDuration && tb == kDuration) {
    for (size_t k = 0; k < n; ++k) {
      const int64_t x = DurDaysRounded(a, k), y = DurDaysRounded(b, k);
      if (x != kNa && y != kNa) c.oi[k] = e.op == Op::kAdd ? x + y : x - y;
    }
    return c;
  }
  for (size_t k = 0; k < n; ++k) {  // duration * or / number
    const double x = DurDays(a, k), y = AsDouble(b, k);
    const double v = e.op == Op::kMul ? x * y : (y == 0 ? kNaN : x / y);
    if (!std::isnan(v)) c.oi[k] = std::llround(v);
  }
  return c;
}

Column Evaluator::Aggregate(const TypedExpr& e, Column a) {
  const size_t np = f_.people();
  Column c;
  c.type = e.type;
  const std::vector<uint32_t>& begin = f_.sentence_begin;
  switch (e.op) {
    case Op::kAny:
    case Op::kAll: {
      c.OwnBool(np);
      const uint8_t stop = e.op == Op::kAny ? kTrue : kFalse;
      for (size_t p = 0; p < np; ++p) {
        uint8_t r = e.op == Op::kAny ? kFalse : kTrue;
        for (uint32_t s = begin[p]; s < begin[p + 1]; ++s) {
          const uint8_t v = a.b[s];
          if (v == stop) {
            r = stop;
            break;
          }
          if (v == kUnknownBool) r = kUnknownBool;
        }
        c.ob[p] = r;
      }
      return c;
    }
    case Op::kCount: {
      c.OwnInt(np);
      for (size_t p = 0; p < np; ++p) {
        int64_t count = 0;
        bool unknown = false;
        for (uint32_t s = begin[p]; s < begin[p + 1]; ++s) {
          count += a.b[s] == kTrue;
          unknown |= a.b[s] == kUnknownBool;
        }
        c.oi[p] = unknown ? kNa : count;
      }
      return c;
    }
    default: break;
  }
  // max, min, sum: unknown if any value is unknown; max/min of nothing is unknown.
  if (e.type == kNumber) {
    c.OwnNumber(np);
    for (size_t p = 0; p < np; ++p) {
      double r = e.op == Op::kAggSum ? 0 : kNaN;
      bool unknown = false;
      for (uint32_t s = begin[p]; s < begin[p + 1]; ++s) {
        const double v = AsDouble(a, s);
        if (std::isnan(v)) unknown = true;
        else if (e.op == Op::kAggSum) r += v;
        else if (std::isnan(r) || (e.op == Op::kAggMax ? v > r : v < r)) r = v;
      }
      c.od[p] = unknown ? kNaN : r;
    }
    return c;
  }
  for (size_t p = 0; p < np; ++p) {
    int64_t r = e.op == Op::kAggSum ? 0 : kNa;
    bool unknown = false;
    for (uint32_t s = begin[p]; s < begin[p + 1]; ++s) {
      const int64_t v = e.type == kDuration ? DurDaysRounded(a, s) : a.i[s];
      if (v == kNa) unknown = true;
      else if (e.op == Op::kAggSum) r += v;
      else if (r == kNa || (e.op == Op::kAggMax ? v > r : v < r)) r = v;
    }
    if (c.oi.empty()) c.OwnInt(np);
    c.oi[p] = unknown ? kNa : r;
  }
  if (np == 0) c.OwnInt(0);
  return c;
}

Column Evaluator::Call(const TypedExpr& e, std::vector<Column> args) {
  const size_t n = Rows(e.scope);
  Column c;
  c.type = e.type;
  c.scope = e.scope;
  switch (e.op) {
    case Op::kYears:
    case Op::kDays: {
      const Column& a = args[0];
      const bool years = e.op == Op::kYears;
      if (years) c.OwnNumber(n);
      else c.OwnInt(n);
      if (years && a.type == kDuration && !a.is_const) {  // a column of days
        const int64_t* in = a.i.p;
        for (size_t k = 0; k < n; ++k) c.od[k] = in[k] == kNa ? kNaN : static_cast<double>(in[k]) / (kDaysPerMonth * 12);
        return c;
      }
      if (years && a.type == kSpan && a.i.p != nullptr && a.j.p == nullptr && a.j.c != kNa) {  // span to one date
        const int64_t* start = a.i.p;
        const int64_t end = a.j.c;
        for (size_t k = 0; k < n; ++k)
          c.od[k] = start[k] == kNa ? kNaN : static_cast<double>(end - start[k]) / (kDaysPerMonth * 12);
        return c;
      }
      for (size_t k = 0; k < n; ++k) {
        double days;
        if (a.type == kSpan) {
          days = a.i[k] == kNa || a.j[k] == kNa ? kNaN : static_cast<double>(a.j[k] - a.i[k]);
        } else {
          days = DurDays(a, k);
        }
        if (years) c.od[k] = days / (kDaysPerMonth * 12);
        else c.oi[k] = std::isnan(days) ? kNa : std::llround(days);
      }
      return c;
    }
    case Op::kIsKnown: {
      const Column& a = args[0];
      c.OwnBool(n);
      for (size_t k = 0; k < n; ++k) {
        bool known;
        switch (a.type) {
          case kBool: known = a.b[k] != kUnknownBool; break;
          case kNumber: known = !std::isnan(a.d[k]); break;
          case kSpan: known = a.i[k] != kNa && a.j[k] != kNa; break;
          case kDuration: known = !std::isnan(DurDays(a, k)); break;
          default: known = a.i[k] != kNa; break;
        }
        c.ob[k] = known ? kTrue : kFalse;
      }
      return c;
    }
    case Op::kIf:
    case Op::kCoalesce:
    case Op::kMax2:
    case Op::kMin2: {
      if (e.op == Op::kCoalesce && e.type != kNumber && e.type != kBool && e.type != kSpan && !args[0].is_const &&
          args[1].is_const && !ConstMonths(args[1])) {  // a column with a fixed default
        c.OwnInt(n);
        const int64_t* x = args[0].i.p;
        const int64_t y = args[1].i.c;
        for (size_t k = 0; k < n; ++k) c.oi[k] = x[k] == kNa ? y : x[k];
        return c;
      }
      // Element-wise choice between two values of type e.type.
      const bool is_if = e.op == Op::kIf;
      const Column& x = args[is_if ? 1 : 0];
      const Column& y = args[is_if ? 2 : 1];
      auto choose = [&](size_t k) -> int {  // 0: x, 1: y, -1: unknown
        if (is_if) {
          const uint8_t cond = args[0].b[k];
          return cond == kUnknownBool ? -1 : cond == kTrue ? 0 : 1;
        }
        const bool xu = e.type == kNumber ? std::isnan(AsDouble(x, k))
                        : e.type == kBool ? x.b[k] == kUnknownBool
                        : e.type == kDuration ? std::isnan(DurDays(x, k)) : x.i[k] == kNa;
        if (e.op == Op::kCoalesce) return xu ? 1 : 0;
        const bool yu = e.type == kNumber ? std::isnan(AsDouble(y, k))
                        : e.type == kDuration ? std::isnan(DurDays(y, k)) : y.i[k] == kNa;
        if (xu || yu) return -1;
        const double xv = e.type == kDuration ? DurDays(x, k) : AsDouble(x, k);
        const double yv = e.type == kDuration ? DurDays(y, k) : AsDouble(y, k);
        return (e.op == Op::kMax2 ? xv >= yv : xv <= yv) ? 0 : 1;
      };
      switch (e.type) {
        case kBool:
          c.OwnBool(n);
          for (size_t k = 0; k < n; ++k) {
            const int w = choose(k);
            c.ob[k] = w < 0 ? kUnknownBool : (w == 0 ? x : y).b[k];
          }
          break;
        case kNumber:
          c.OwnNumber(n);
          for (size_t k = 0; k < n; ++k) {
            const int w = choose(k);
            c.od[k] = w < 0 ? kNaN : AsDouble(w == 0 ? x : y, k);
          }
          break;
        case kSpan:
          c.OwnInt(n);
          c.OwnSpanEnd(n);
          for (size_t k = 0; k < n; ++k) {
            const int w = choose(k);
            if (w < 0) continue;
            c.oi[k] = (w == 0 ? x : y).i[k];
            c.oj[k] = (w == 0 ? x : y).j[k];
          }
          break;
        default:
          c.OwnInt(n);
          for (size_t k = 0; k < n; ++k) {
            const int w = choose(k);
            if (w < 0) continue;
            const Column& src = w == 0 ? x : y;
            c.oi[k] = e.type == kDuration ? DurDaysRounded(src, k) : src.i[k];
          }
          break;
      }
      return c;
    }
    default:
      throw std::logic_error("evaluator: unexpected operation");
  }
}

}  // namespace clemency
