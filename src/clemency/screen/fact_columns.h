// Where each fact (policy/facts.h) lives in a FactTable: one entry per Fact,
// in enum order, read by the evaluator, the reasons writer, FactMissing and
// eligible_on alike, so that no code lists the facts again. The policy
// table gives a fact's name, type and scope; this one adds only its storage:
//   kInt       an int64 column (int, date, days, string id by the fact's type)
//   kBool      a tri-state column
//   kNumber    a double column
//   kSpan      from `start` to `end`, each a column or the as-of date; a person
//              column under a sentence fact is read at the sentence's person
//   kComputed  a number computed from other columns and the as-of date,
//              by `compute`; `reached_on` says when it reaches a value
//   kAsOf      the as-of date itself
//   kFlagMask, kEnhancements  sets read by `has` (s.flags, s.enhancements)
// A value is unknown as fact_table.h spells it (kNa, kUnknownBool, NaN); a
// fact is missing exactly when its value is unknown (a flag mask: when any
// flag is). eligible_on follows the as-of date through a span end, the as-of
// date itself and a computed fact's reached_on, nothing else.
//
// A new derived fact: its Fact value and row in policy/facts.{h,cc} (name,
// type, scope, meaning; docs/policy-language.md lists it, checked by a test);
// its computation, once: a FactTable column filled in BuildFactTable, or a
// ComputeFn (with a ReachedOnFn when it changes with the as-of date); its
// entry in fact_columns.cc; a test. A Fact without a row or an entry does not
// build; the evaluator, the reasons, FactMissing and eligible_on need nothing.
#ifndef CLEMENCY_SCREEN_FACT_COLUMNS_H_
#define CLEMENCY_SCREEN_FACT_COLUMNS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "clemency/policy/facts.h"
#include "clemency/screen/fact_table.h"

namespace clemency {

enum class Storage : uint8_t { kInt, kBool, kNumber, kSpan, kComputed, kAsOf, kFlagMask, kEnhancements };

using IntColumn = Cells<int64_t> FactTable::*;

// One end of a span: a column (of the fact's scope, or a person column read
// at the sentence's person), or the as-of date when `column` is null.
struct SpanEnd {
  IntColumn column = nullptr;
  bool of_person = false;  // a person column under a sentence fact
  constexpr bool is_as_of() const { return column == nullptr; }
};

// A computed number at a row on the day `as_of` (NaN when unknown), and the
// day, as a real number, on which it reaches `value` (NaN: never).
using ComputeFn = double (*)(const FactTable& t, uint32_t row, int64_t as_of);
using ReachedOnFn = double (*)(const FactTable& t, uint32_t row, double value);

struct FactColumn {
  Fact fact = Fact::kAsOf;
  Storage storage = Storage::kAsOf;
  IntColumn ints = nullptr;                      // kInt
  std::vector<uint8_t> FactTable::* bools = nullptr;   // kBool
  std::vector<double> FactTable::* numbers = nullptr;  // kNumber
  SpanEnd start, end;                            // kSpan
  ComputeFn compute = nullptr;                   // kComputed
  ReachedOnFn reached_on = nullptr;              // kComputed that changes with as_of
  int decimals = -1;                             // numbers as printed; -1: shortest
};

// The entry of a fact; every Fact has one.
const FactColumn& ColumnOf(Fact fact);
std::span<const FactColumn> AllFactColumns();

// Values at a row (a person for person facts, a sentence for sentence facts),
// for the as-of date of the table.
int64_t SpanEndAt(const FactTable& t, const SpanEnd& end, uint32_t row);
double NumberAt(const FactTable& t, const FactColumn& c, uint32_t row);  // kNumber, kComputed

// served_fraction: time served on `as_of` over the current-law term; NaN
// when the term is unknown or not positive.
double ServedFraction(const FactTable& t, uint32_t person, int64_t as_of);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_FACT_COLUMNS_H_
