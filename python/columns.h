// Columns handed from C++ to numpy and pandas without a second copy.
//
// Every column is a (name, kind, payload) tuple; clemency/_frames.py turns a
// list of them into a pandas DataFrame with copy=False:
//   "array"        payload: an ndarray (numbers)
//   "nullable"     payload: (values, mask): pandas' Int32/Int64 from the values
//                  and a bool mask, True where unknown
//   "datetime"     payload: an int64 ndarray of nanoseconds, NaT = INT64_MIN
//   "categorical"  payload: (codes, categories): codes in the width pandas
//                  picks for that many categories, -1 for missing
//   "object"       payload: an object ndarray of str (None for missing)
// Owned() moves a std::vector into a capsule that the ndarray keeps as its
// base: the buffer is the vector's, freed when numpy lets go of it. View()
// points an ndarray at memory someone else owns (a population's column),
// read-only, with `owner` as its base.
#ifndef CLEMENCY_PYTHON_COLUMNS_H_
#define CLEMENCY_PYTHON_COLUMNS_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace clemency::python {

namespace py = pybind11;

template <typename T>
py::array Owned(std::vector<T>&& values) {
  auto* heap = new std::vector<T>(std::move(values));
  py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(heap->size())}, {static_cast<py::ssize_t>(sizeof(T))}, heap->data(),
                        owner);
}

// A read-only ndarray over n values at data, kept alive by owner.
template <typename T>
py::array View(const T* data, size_t n, py::handle owner) {
  py::array a = py::array_t<T>({static_cast<py::ssize_t>(n)}, {static_cast<py::ssize_t>(sizeof(T))}, data, owner);
  a.attr("flags").attr("writeable") = false;
  return a;
}

// A list of columns being built, in order.
class Columns {
 public:
  void Array(std::string_view name, py::array values);
  void Nullable(std::string_view name, py::array values, std::vector<bool> unknown);
  // Days since 1970-01-01 to datetime64[ns]; `missing` days become NaT.
  void Dates(std::string_view name, const std::vector<int64_t>& days, int64_t missing);
  void Categorical(std::string_view name, std::vector<int32_t> codes, const std::vector<std::string>& categories);
  // Codes already in pandas' width (int8 here: a vocabulary's enum), e.g. a View.
  void CategoricalCodes(std::string_view name, py::array codes, std::span<const std::string_view> categories);
  void Object(std::string_view name, py::array strings);
  py::list release() { return std::move(list_); }

 private:
  void Add(std::string_view name, const char* kind, py::object payload);
  py::list list_;
};

// Builds a categorical column value by value: Add(s) interns s, "" or an
// absent value (AddMissing) is code -1.
class CategoricalBuilder {
 public:
  explicit CategoricalBuilder(size_t reserve) { codes_.reserve(reserve); }
  void Add(std::string_view s);
  void AddMissing() { codes_.push_back(-1); }
  void AddTo(Columns& columns, std::string_view name) { columns.Categorical(name, std::move(codes_), categories_); }

 private:
  std::vector<int32_t> codes_;
  std::vector<std::string> categories_;
  std::unordered_map<std::string, int32_t> index_;
};

// Builds an object column of str; one Python str per distinct key.
class StringColumnBuilder {
 public:
  explicit StringColumnBuilder(size_t n);
  // Sets row i; key identifies equal strings (a StrId), or -1 for no reuse.
  void Set(size_t i, std::string_view s, int64_t key = -1);
  void SetNone(size_t i);
  py::array release() { return std::move(array_); }

 private:
  py::array array_;
  PyObject** cells_;
  std::unordered_map<int64_t, PyObject*> by_key_;  // borrowed from the array's cells
};

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_COLUMNS_H_
