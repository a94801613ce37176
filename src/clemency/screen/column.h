// A column of values of one type over people or over sentences: the unit the
// evaluator works in. Each part is a View: either one constant for every row
// or a pointer to values (owned by the column or by the FactTable).
//   bool      b: kFalse, kUnknownBool, kTrue (fact_table.h; Kleene)
//   int, date (days since epoch), duration (days), string (FactTable id)
//             i: kNa when unknown
//   number    d: NaN when unknown
//   span      i = start day, j = end day (kNa when unknown)
// A constant duration keeps its calendar months in `constant`, so that
// age >= 55 years is decided on the calendar, not by counting days.
#ifndef CLEMENCY_SCREEN_COLUMN_H_
#define CLEMENCY_SCREEN_COLUMN_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "clemency/policy/typed_expr.h"
#include "clemency/screen/fact_columns.h"
#include "clemency/screen/fact_table.h"

namespace clemency {


// Storage for n values, left uninitialized: every evaluator loop writes
// every element, so zero-filling first would only cost time.
template <typename T>
class Buffer {
 public:
  void Allocate(size_t n, T fill) {
    data_ = std::make_unique_for_overwrite<T[]>(n);
    size_ = n;
    std::fill(data_.get(), data_.get() + n, fill);
  }
  void AllocateUninitialized(size_t n) {
    data_ = std::make_unique_for_overwrite<T[]>(n);
    size_ = n;
  }
  T* data() { return data_.get(); }
  const T* data() const { return data_.get(); }
  bool empty() const { return size_ == 0 && data_ == nullptr; }
  size_t size() const { return size_; }
  T& operator[](size_t k) { return data_[k]; }
  const T& operator[](size_t k) const { return data_[k]; }

 private:
  std::unique_ptr<T[]> data_;
  size_t size_ = 0;
};

template <typename T>
struct View {
  const T* p = nullptr;
  T c{};
  T operator[](size_t k) const { return p != nullptr ? p[k] : c; }
};

struct Column {
  Column() = default;
  Column(Column&&) = default;
  Column& operator=(Column&&) = default;
  Column(const Column&) = delete;
  Column& operator=(const Column&) = delete;

  ValueType type = ValueType::kBool;
  Scope scope = Scope::kPerson;
  bool is_const = false;
  Value constant;  // when is_const
  View<uint8_t> b;
  View<int64_t> i, j;
  View<double> d;
  Buffer<uint8_t> ob;  // storage the views may point into
  Buffer<int64_t> oi, oj;
  Buffer<double> od;
  // What the time dependence is, for eligible_on.
  bool as_of_end = false;    // span(x, as_of): age, time_served
  bool as_of_start = false;  // span(as_of, x): remaining
  bool is_as_of = false;     // the date as_of itself
  // A number that grows with the as-of date (served_fraction): the day it
  // reaches a value (screen/fact_columns.h).
  ReachedOnFn reached_on = nullptr;

  // Owned storage of n rows; the views point into it. Bool and number
  // storage is left uninitialized (every producer writes every row); int
  // storage starts as kNa, since some producers only write known values.
  void OwnBool(size_t n) { ob.AllocateUninitialized(n); b.p = ob.data(); }
  void OwnInt(size_t n) { oi.Allocate(n, kNa); i.p = oi.data(); }
  void OwnSpanEnd(size_t n) { oj.Allocate(n, kNa); j.p = oj.data(); }
  void OwnNumber(size_t n) { od.AllocateUninitialized(n); d.p = od.data(); }
};

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_COLUMN_H_
