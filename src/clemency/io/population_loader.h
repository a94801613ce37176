// Reads and validates a canonical population directory (DESIGN.md section 3;
// the columns, their types and which are required: core/input_schema.h):
// people.csv and sentences.csv (required), facilities.csv (optional).
//
// Every row is either accepted into the Population or rejected with the
// reasons, so for each file rows_read = accepted + rejected. Problems that make
// a whole file unusable (missing file, missing required column, duplicate
// column name, unreadable) are fatal: nothing is loaded. Row problems are
// errors (the row is rejected) or warnings (the row is kept); the list of
// each, with the reasons, is in docs/validation.md. A rejected person takes
// their sentences with them; a rejected sentence does not reject its person.
#ifndef CLEMENCY_IO_POPULATION_LOADER_H_
#define CLEMENCY_IO_POPULATION_LOADER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/population.h"
#include "clemency/core/progress.h"
#include "clemency/io/problem.h"

namespace clemency {

struct LoadOptions {
  Date as_of;  // dates after it are errors; required
  ProgressCallback progress;
  // Threads that parse people.csv and sentences.csv, a chunk each; the result
  // is the same for any number. 0: one per core (one for a file under 1 MB).
  unsigned threads = 0;
};

struct FileCounts {
  std::string file;
  bool present = false;
  uint64_t rows_read = 0;
  uint64_t accepted = 0;
  uint64_t rejected = 0;
  uint64_t bytes = 0;
  std::string sha256{};  // of the bytes read, "" unless the whole file was read
};

struct RejectedRow {
  std::string file;
  uint64_t line = 0;
  std::string reason;   // every error of the row, "; "-separated
  std::string record;   // the row as read
};

// Fatal problems, row errors and warnings in reading order, with their counts
// (the ProblemLog, io/problem.h).
struct LoadResult : ProblemLog {
  std::optional<Population> population;  // empty when a fatal problem occurred
  bool fatal = false;
  std::vector<RejectedRow> rejected;  // in reading order
  FileCounts people{"people.csv"}, sentences{"sentences.csv"}, facilities{"facilities.csv"};
};

LoadResult LoadPopulation(const std::string& dir, const LoadOptions& options);

// A header cell as the loader matches it against the schema: lower case,
// surrounding spaces and tabs dropped ("Infractions_5y", " medical_high_risk").
std::string HeaderKey(std::string_view cell);

}  // namespace clemency

#endif  // CLEMENCY_IO_POPULATION_LOADER_H_
