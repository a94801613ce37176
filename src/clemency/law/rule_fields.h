// Reading typed fields of a rule file's TOML tables, shared by every rule-pack
// loader. Each reader throws rule_file::LoadError (toml.h) positioned at the
// offending node with a message saying what was expected, e.g.
// "\"days\" must be between 0 and 40000".
#ifndef CLEMENCY_LAW_RULE_FIELDS_H_
#define CLEMENCY_LAW_RULE_FIELDS_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/io/input_file.h"
#include "clemency/core/date.h"
#include "clemency/law/toml.h"

namespace clemency::rule_file {

// Whether s is in a closed vocabulary, and the vocabulary as "a, b, c".
template <size_t N>
bool OneOf(std::string_view s, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

template <size_t N>
std::string ListOf(const std::string_view (&list)[N]) {
  std::string out;
  for (std::string_view s : list) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

// Rejects keys of `tbl` that are not in `allowed`.
void CheckKeys(const toml::table& tbl, std::initializer_list<std::string_view> allowed, std::string_view what);
// A non-empty string; missing is an error naming `what`.
std::string RequiredString(const toml::table& tbl, std::string_view key, std::string_view what);
std::optional<std::string> OptionalString(const toml::table& tbl, std::string_view key);
std::optional<int64_t> OptionalInt(const toml::table& tbl, std::string_view key, int64_t lo, int64_t hi);
// false when absent.
bool OptionalBool(const toml::table& tbl, std::string_view key);
// Empty when absent.
std::vector<std::string> StringList(const toml::table& tbl, std::string_view key);
std::vector<int> IntList(const toml::table& tbl, std::string_view key, int lo, int hi);
// A TOML date (2014-11-05); missing when absent.
Date OptionalDate(const toml::table& tbl, std::string_view key);
// A number (integer or float) in [lo, hi]; nullopt when absent.
std::optional<double> OptionalNumber(const toml::table& tbl, std::string_view key, double lo, double hi);
// "PATH:LINE:COLUMN", or PATH when the position is unknown.
std::string Position(const std::string& path, toml::source_position p);
// Parses PATH (a regular file: io/input_file.h) and runs body(root). A syntax error, or a LoadError thrown by
// body, becomes "PATH:LINE:COLUMN: message" in *error (when not null), and
// the result is false.
template <typename Body>
bool LoadTomlFile(const std::string& path, std::string* error, Body&& body) {
  // A FIFO would block the parse forever; a missing or unreadable file says which.
  if (std::string problem = InputFileProblem(path); !problem.empty()) {
    if (error != nullptr) *error = std::move(problem);
    return false;
  }
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    if (error != nullptr) *error = Position(path, e.source().begin) + ": " + std::string(e.description());
    return false;
  }
  try {
    body(static_cast<const toml::table&>(root));
  } catch (const LoadError& e) {
    if (error != nullptr) *error = Position(path, e.where) + ": " + e.message;
    return false;
  }
  return true;
}

// The [[key]] tables of root; empty when absent and not required.
const toml::array& TableArray(const toml::table& root, std::string_view key, bool required);

}  // namespace clemency::rule_file

#endif  // CLEMENCY_LAW_RULE_FIELDS_H_
