// A type-checked policy expression (policy/typed_expr.h) as SQL, with the
// engine's meaning (screen/evaluator.cc): Kleene logic as SQL's NULL logic,
// spans compared with durations on the calendar, numbers as doubles in the
// engine's order of operations. The as-of date is a constant.
//
// Person-scope SQL reads the person-facts relation `pf` (one column per
// person fact, SqlColumn(fact)), which also carries, for aggregates over
// sentences, agg_N per entry of aggregates() and `sentences`. Sentence-scope SQL
// reads `sf` (sentence facts) joined with `pf`. Rule references read the rule
// columns rule_N of earlier rules. What SQL cannot say as the engine does
// (an aggregate reading a rule) throws SqlUnsupported with the reason.
#ifndef CLEMENCY_SQLGEN_SQL_EXPR_H_
#define CLEMENCY_SQLGEN_SQL_EXPR_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/policy/typed_expr.h"
#include "clemency/sqlgen/dialect.h"

namespace clemency {

struct SqlUnsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The SQL column of a fact: its name with '.' as '_' ("s.current_law.term"
// is s_current_law_term).
std::string SqlColumn(Fact fact);

class SqlExprCompiler {
 public:
  SqlExprCompiler(Sql sql, Date as_of, const std::vector<Value>* params) : sql_(sql), as_of_(as_of), params_(params) {}

  // A bool or number expression of person scope, as one SQL expression.
  std::string Compile(const TypedExpr& e);

  // The aggregates met so far: agg_N is aggregates()[N], an aggregate
  // expression over sf and pf to be computed with GROUP BY person and joined
  // to pf with sentences = COUNT(*) (NULL for a person without any).
  const std::vector<std::string>& aggregates() const { return aggregates_; }
  // Enhancement codes tested with `s.enhancements has "X"`: column enh_has_N of sf.
  const std::vector<std::string>& enhancement_codes() const { return enhancement_codes_; }

  struct V;  // a compiled value: SQL text, or a span's two ends, or a constant

 private:
  V Eval(const TypedExpr& e, bool in_aggregate);
  V Const(const Value& v);
  V FactValue(const TypedExpr& e);
  V Compare(Op op, V a, V b);
  V CompareSpanDuration(Op op, const V& span, const V& dur);
  V Arithmetic(const TypedExpr& e, V a, V b);
  V AggregateOf(const TypedExpr& e, V a);
  V Call(const TypedExpr& e, std::vector<V> args);
  V Has(const TypedExpr& e);
  std::string PlusMonths(const std::string& day, int64_t months) const;
  std::string AddDuration(const std::string& day, const V& dur, int sign) const;

  Sql sql_;
  Date as_of_;
  const std::vector<Value>* params_;
  std::vector<std::string> aggregates_;
  std::vector<std::string> enhancement_codes_;
};

}  // namespace clemency

#endif  // CLEMENCY_SQLGEN_SQL_EXPR_H_
