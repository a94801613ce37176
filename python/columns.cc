// Columns for pandas (columns.h): the payloads of each kind.
#include "columns.h"

#include <cstring>
#include <limits>

namespace clemency::python {
namespace {

// The codes in the integer width pandas' Categorical keeps for this many
// categories (pandas.core.dtypes.cast.coerce_indexer_dtype), so that
// Categorical.from_codes takes them without converting.
template <typename T>
py::array Narrow(const std::vector<int32_t>& codes) {
  std::vector<T> out(codes.begin(), codes.end());
  return Owned(std::move(out));
}

py::array CodesFor(const std::vector<int32_t>& codes, size_t categories) {
  if (categories < static_cast<size_t>(std::numeric_limits<int8_t>::max())) return Narrow<int8_t>(codes);
  if (categories < static_cast<size_t>(std::numeric_limits<int16_t>::max())) return Narrow<int16_t>(codes);
  return Narrow<int32_t>(codes);
}

}  // namespace

void Columns::Add(std::string_view name, const char* kind, py::object payload) {
  list_.append(py::make_tuple(py::str(name.data(), name.size()), kind, std::move(payload)));
}

void Columns::Array(std::string_view name, py::array values) { Add(name, "array", std::move(values)); }

void Columns::Nullable(std::string_view name, py::array values, std::vector<bool> unknown) {
  std::vector<uint8_t> mask(unknown.begin(), unknown.end());
  py::array m = Owned(std::move(mask)).attr("view")("bool");
  Add(name, "nullable", py::make_tuple(std::move(values), std::move(m)));
}

void Columns::Dates(std::string_view name, const std::vector<int64_t>& days, int64_t missing) {
  constexpr int64_t kNanosPerDay = 86'400'000'000'000;
  std::vector<int64_t> nanos(days.size());
  for (size_t i = 0; i < days.size(); ++i)
    nanos[i] = days[i] == missing ? std::numeric_limits<int64_t>::min() : days[i] * kNanosPerDay;
  Add(name, "datetime", Owned(std::move(nanos)));
}

void Columns::Categorical(std::string_view name, std::vector<int32_t> codes,
                          const std::vector<std::string>& categories) {
  py::list names;
  for (const std::string& c : categories) names.append(py::str(c));
  Add(name, "categorical", py::make_tuple(CodesFor(codes, categories.size()), std::move(names)));
}

void Columns::CategoricalCodes(std::string_view name, py::array codes, std::span<const std::string_view> categories) {
  py::list names;
  for (std::string_view c : categories) names.append(py::str(c.data(), c.size()));
  Add(name, "categorical", py::make_tuple(std::move(codes), std::move(names)));
}

void Columns::Object(std::string_view name, py::array strings) { Add(name, "object", std::move(strings)); }

void CategoricalBuilder::Add(std::string_view s) {
  if (s.empty()) {
    codes_.push_back(-1);
    return;
  }
  auto [it, inserted] = index_.try_emplace(std::string(s), static_cast<int32_t>(categories_.size()));
  if (inserted) categories_.emplace_back(s);
  codes_.push_back(it->second);
}

StringColumnBuilder::StringColumnBuilder(size_t n)
    : array_(py::dtype("object"), {static_cast<py::ssize_t>(n)}, {}),
      cells_(static_cast<PyObject**>(array_.mutable_data())) {
  for (size_t i = 0; i < n; ++i) {
    Py_XDECREF(cells_[i]);
    Py_INCREF(Py_None);
    cells_[i] = Py_None;
  }
}

void StringColumnBuilder::Set(size_t i, std::string_view s, int64_t key) {
  PyObject* value = nullptr;
  if (key >= 0) {
    if (auto it = by_key_.find(key); it != by_key_.end()) {
      value = it->second;
      Py_INCREF(value);
    }
  }
  if (value == nullptr) {
    value = PyUnicode_DecodeUTF8(s.data(), static_cast<py::ssize_t>(s.size()), "replace");
    if (value == nullptr) throw py::error_already_set();
    if (key >= 0) by_key_.emplace(key, value);
  }
  Py_XDECREF(cells_[i]);
  cells_[i] = value;
}

void StringColumnBuilder::SetNone(size_t i) {
  Py_XDECREF(cells_[i]);
  Py_INCREF(Py_None);
  cells_[i] = Py_None;
}

}  // namespace clemency::python
