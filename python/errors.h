// Errors of the Python module: one C++ exception carrying what Python's
// clemency.Error carries (clemency/errors.py), translated when it crosses
// into Python. The kind picks the subclass, as the CLI's exit code does:
//   kUsage  UsageError    a bad argument: parameter, date, person id, path (exit 2)
//   kData   DataError     population data that does not load (exit 3)
//   kRules  RuleFileError a policy, mapping, catalog or other rule file (exit 4)
// file, line and column say where, when known: a rule file's 1-based line
// and column; a data file's line and its column's name.
#ifndef CLEMENCY_PYTHON_ERRORS_H_
#define CLEMENCY_PYTHON_ERRORS_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <exception>
#include <string>

#include "clemency/io/problem.h"

namespace clemency::python {

enum class ErrorKind { kUsage, kData, kRules };

struct Error : std::exception {
  ErrorKind kind = ErrorKind::kUsage;
  std::string message;
  std::string file;         // "" when not about a file
  int64_t line = 0;         // 0 when unknown
  int64_t column = 0;       // 0 when unknown (or named instead)
  std::string column_name;  // a data file's column
  const char* what() const noexcept override { return message.c_str(); }
};

[[noreturn]] void Fail(ErrorKind kind, std::string message, std::string file = "", int64_t line = 0,
                       int64_t column = 0);

// From a library message "FILE:LINE:COLUMN: message" or "FILE:LINE: message"
// (any other text is the message alone).
[[noreturn]] void FailLocated(ErrorKind kind, const std::string& text);

// From a data problem; dir is the folder the file is in ("" for a snapshot).
[[noreturn]] void FailProblem(const Problem& p, const std::string& dir);

// Translates Error into clemency.errors' classes.
void RegisterErrors();

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_ERRORS_H_
