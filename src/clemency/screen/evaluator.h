// Evaluates a type-checked expression over every person at once, column by
// column (Kleene logic for unknowns, calendar arithmetic for spans). The
// inputs are a FactTable, the policy's parameter values, the results of the
// rules evaluated before, and the as-of date (one for all, or one per person
// when eligible_on looks ahead).
//
// When a next_change vector is given, every comparison whose result changes
// with the as-of date lowers next_change[p] to the first later date on which
// it changes for person p; eligible_on is found by re-evaluating on those
// dates only.
#ifndef CLEMENCY_SCREEN_EVALUATOR_H_
#define CLEMENCY_SCREEN_EVALUATOR_H_

#include <vector>

#include "clemency/policy/typed_expr.h"
#include "clemency/screen/column.h"
#include "clemency/screen/fact_columns.h"
#include "clemency/screen/fact_table.h"

namespace clemency {

class Evaluator {
 public:
  explicit Evaluator(const FactTable& facts) : f_(facts) {}

  void set_params(const std::vector<Value>* params) { params_ = params; }
  void set_rules(const std::vector<Column>* rules) { rules_ = rules; }
  // Per-person as-of days (size people()); null = facts.as_of for everyone.
  void set_as_of(const std::vector<int64_t>* as_of) { as_of_ = as_of; }
  void set_next_change(std::vector<int64_t>* next_change) { next_change_ = next_change; }

  Column Eval(const TypedExpr& e);

 private:
  size_t Rows(Scope s) const { return s == Scope::kPerson ? f_.people() : f_.sentences(); }
  Column Fact(const TypedExpr& e);
  View<int64_t> AsOfView() const;
  View<int64_t> EndView(const SpanEnd& end, Scope scope, Buffer<int64_t>& own) const;
  Column Const(const Value& v);
  Column ToSentences(Column c);
  Column Compare(const TypedExpr& e, Column a, Column b);
  Column AndOr(const TypedExpr& e, const Column& a, const Column& b);
  Column Arithmetic(const TypedExpr& e, Column a, Column b);
  Column Aggregate(const TypedExpr& e, Column a);
  Column Call(const TypedExpr& e, std::vector<Column> args);
  void NoteChange(size_t person, int64_t when);
  int64_t AsOf(size_t person) const;

  const FactTable& f_;
  const std::vector<Value>* params_ = nullptr;
  const std::vector<Column>* rules_ = nullptr;
  const std::vector<int64_t>* as_of_ = nullptr;
  std::vector<int64_t>* next_change_ = nullptr;
};

// The average length of a month in days (365.2425 / 12), used only when a
// calendar duration meets a count of days with no date to anchor it.
inline constexpr double kDaysPerMonth = 30.436875;

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_EVALUATOR_H_
