// A problem found in input data, with where it is and what was expected:
//   people.csv:1042: column "birth_date" value "1961-02-30": no such date
// Errors reject the row (or stop the run); warnings are reported and the row
// is kept. `code` groups problems of one kind for summaries.
#ifndef CLEMENCY_IO_PROBLEM_H_
#define CLEMENCY_IO_PROBLEM_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace clemency {

enum class Severity { kError, kWarning };

struct Problem {
  Severity severity = Severity::kError;
  std::string code;      // e.g. "bad_date", "duplicate_id"
  std::string file;      // e.g. "people.csv"
  uint64_t line = 0;     // 0 when the problem is about the whole file
  uint64_t byte_column = 0;  // for CSV syntax errors, else 0
  std::string column;    // column name, may be empty
  std::string value;     // the offending value, may be empty
  std::string message;   // what was expected

  // "file:line: column "c" value "v": message" (parts left out when empty).
  std::string Format() const;
  // The same without the "file:line: " prefix, for a reason column.
  std::string Reason() const;
};

// The problems of a load or an import, in reading order, with exact counts.
// It keeps every error and the first kMaxStoredWarnings warnings; warnings
// past that are counted by code in unlisted_warnings, so that no error is ever
// lost behind a flood of warnings.
inline constexpr size_t kMaxStoredWarnings = 10000;
struct ProblemLog {
  std::vector<Problem> problems;
  std::map<std::string, uint64_t> unlisted_warnings;  // code -> warnings past the cap
  uint64_t error_count = 0;
  uint64_t warning_count = 0;
  std::map<std::string, uint64_t> count_by_code;  // "error bad_date" -> n, "warning zero_term" -> n

  void Add(Problem p);
  // count_by_code's warnings, by code alone: "zero_term" -> n.
  std::map<std::string, uint64_t> WarningsByCode() const;
};

// The value as shown in a message: at most 60 bytes, control characters escaped.
std::string Printable(std::string_view value);

}  // namespace clemency

#endif  // CLEMENCY_IO_PROBLEM_H_
