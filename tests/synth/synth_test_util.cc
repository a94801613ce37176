#include "synth_test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "clemency/io/csv_reader.h"
#include "clemency/synth/synthesizer.h"

namespace clemency::testing {
namespace {

std::vector<std::string>& TempDirs() {
  static std::vector<std::string> dirs;
  return dirs;
}

// Removes the temporary directories when the test program ends.
class Cleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    for (const std::string& d : TempDirs()) {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
  }
};
[[maybe_unused]] ::testing::Environment* const kCleanup = ::testing::AddGlobalTestEnvironment(new Cleanup);

}  // namespace

int Table::Col(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

std::vector<std::vector<std::string>> ReadRecords(const std::string& path) {
  std::vector<std::vector<std::string>> out;
  std::string error;
  auto reader = CsvReader::Open(path, &error);
  if (!reader) {
    ADD_FAILURE() << error;
    return out;
  }
  reader->set_check_text(false);  // the BJS tables are published in Windows-1252
  CsvRecord rec;
  while (reader->Next(rec)) {
    if (!rec.ok()) {
      ADD_FAILURE() << path << ":" << rec.error_line << ":" << rec.error_column << ": " << rec.error;
      continue;
    }
    std::vector<std::string> row;
    row.reserve(rec.fields.size());
    for (std::string_view f : rec.fields) row.emplace_back(f);
    out.push_back(std::move(row));
  }
  EXPECT_TRUE(reader->io_error().empty()) << reader->io_error();
  return out;
}

Table ReadTable(const std::string& path) {
  Table t;
  auto records = ReadRecords(path);
  if (records.empty()) {
    ADD_FAILURE() << path << ": empty";
    return t;
  }
  t.header = std::move(records.front());
  t.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
  return t;
}

std::string TempDir(const std::string& name) {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() /
                       Cat("clemency-synth-test-", std::to_string(::getpid()), "-", std::to_string(++counter), "-", name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  TempDirs().push_back(dir.string());
  return dir.string();
}

const Calibration& TestCalibration() {
  static const Calibration* cal = [] {
    std::string error;
    auto c = Calibration::Load(Calibration::DefaultPath(), &error);
    if (!c) {
      ADD_FAILURE() << error;
      return static_cast<Calibration*>(nullptr);
    }
    return new Calibration(std::move(*c));
  }();
  if (cal == nullptr) throw std::runtime_error("calibration did not load");
  return *cal;
}

const OffenseCatalog& TestCatalog() {
  static const OffenseCatalog* cat = [] {
    std::string error;
    auto c = OffenseCatalog::LoadJurisdiction("CA", &error);
    if (!c) {
      ADD_FAILURE() << error;
      return static_cast<OffenseCatalog*>(nullptr);
    }
    return new OffenseCatalog(std::move(*c));
  }();
  if (cat == nullptr) throw std::runtime_error("catalog did not load");
  return *cat;
}

const std::string& SharedCaPopulation() {
  static std::once_flag once;
  static std::string dir;
  std::call_once(once, [] {
    dir = TempDir("ca");
    SynthOptions o;
    o.jurisdiction = "CA";
    o.people = kCalibrationPeople;
    o.seed = kCalibrationSeed;
    o.as_of = ParseDate(kTestAsOf).date;
    o.out_dir = dir;
    const SynthResult r = Synthesize(o, TestCalibration(), TestCatalog());
    if (!r.ok()) ADD_FAILURE() << r.error;
  });
  return dir;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double BjsNumber(std::string_view s) {
  std::string t;
  for (char c : s)
    if (c != ',' && c != ' ' && c != '%') t.push_back(c);
  if (t == "#" || t == "^") return 0;  // rounds to zero / 10 or fewer prisoners
  if (t.empty() || t == "/" || t == "~" || t == ":") return -1;
  try {
    return std::stod(t);
  } catch (...) {
    return -1;
  }
}

}  // namespace clemency::testing
