// Helpers shared by the synthesizer tests: generating a population once per
// test process, and reading CSV files (the generated ones and the raw BJS
// tables) with the project's CSV reader.
#ifndef CLEMENCY_TESTS_SYNTH_SYNTH_TEST_UTIL_H_
#define CLEMENCY_TESTS_SYNTH_SYNTH_TEST_UTIL_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/synth/calibration.h"

namespace clemency::testing {

inline constexpr const char* kTestAsOf = "2026-01-01";
inline constexpr int64_t kCalibrationPeople = 200000;
inline constexpr uint64_t kCalibrationSeed = 20260101;

// A CSV file read into memory: the header's column index and the rows.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int Col(std::string_view name) const;  // -1 when absent
};
// Reads a whole CSV file (first record = header). Fails the current test on error.
Table ReadTable(const std::string& path);
// Reads every record of a file, header included (for the raw BJS tables).
std::vector<std::vector<std::string>> ReadRecords(const std::string& path);

// A fresh temporary directory, removed at the end of the test process.
std::string TempDir(const std::string& name);

// The loaded rules (fails the test if they do not load).
const Calibration& TestCalibration();
const OffenseCatalog& TestCatalog();

// The California population the calibration and schema tests share:
// kCalibrationPeople people, seed kCalibrationSeed, as of kTestAsOf.
const std::string& SharedCaPopulation();

// Concatenation (GCC 12 reports a false -Wrestrict on "literal" + std::string).
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string s;
  (s.append(std::string_view(parts)), ...);
  return s;
}

// Whole file contents.
std::string Slurp(const std::string& path);

// "1,234" -> 1234; "/" or "" -> -1.
double BjsNumber(std::string_view s);

}  // namespace clemency::testing

#endif  // CLEMENCY_TESTS_SYNTH_SYNTH_TEST_UTIL_H_
