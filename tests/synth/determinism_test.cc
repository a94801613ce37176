// Determinism of the synthesizer, its option checks, and the `clemency synth`
// command's exit codes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "clemency/synth/synthesizer.h"
#include "synth_test_util.h"

namespace clemency::testing {
namespace {

SynthOptions Options(const std::string& dir, uint64_t seed, int threads, int64_t people = 40000) {
  SynthOptions o;
  o.jurisdiction = "CA";
  o.people = people;
  o.seed = seed;
  o.as_of = ParseDate(kTestAsOf).date;
  o.out_dir = dir;
  o.threads = threads;
  return o;
}

void Generate(const SynthOptions& o) {
  const SynthResult r = Synthesize(o, TestCalibration(), TestCatalog());
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.people, o.people);
}

TEST(SynthDeterminism, SameSeedGivesByteIdenticalFilesWhateverTheThreadCount) {
  const std::string a = TempDir("det-a"), b = TempDir("det-b");
  Generate(Options(a, 42, 1));
  Generate(Options(b, 42, 2));
  for (const char* f : {"people.csv", "sentences.csv", "facilities.csv"}) {
    const std::string x = Slurp(a + "/" + f), y = Slurp(b + "/" + f);
    EXPECT_GT(x.size(), 100u) << f;
    EXPECT_TRUE(x == y) << f << " differs between two runs with the same seed";
  }
}

TEST(SynthDeterminism, DifferentSeedGivesDifferentPopulation) {
  const std::string a = TempDir("seed-a"), b = TempDir("seed-b");
  Generate(Options(a, 42, 2));
  Generate(Options(b, 43, 2));
  EXPECT_NE(Slurp(a + "/people.csv"), Slurp(b + "/people.csv"));
  EXPECT_NE(Slurp(a + "/sentences.csv"), Slurp(b + "/sentences.csv"));
}

TEST(SynthDeterminism, NoPartialFilesLeftBehind) {
  const std::string a = TempDir("partial");
  Generate(Options(a, 1, 2, 500));
  for (const auto& e : std::filesystem::directory_iterator(a))
    EXPECT_EQ(e.path().extension(), ".csv") << e.path();
}

TEST(SynthOptionsCheck, RejectsBadOptions) {
  const std::string dir = TempDir("bad");
  SynthOptions o = Options(dir, 1, 1, 10);
  o.people = 0;
  EXPECT_EQ(Synthesize(o, TestCalibration(), TestCatalog()).status, SynthStatus::kUsage);
  o = Options(dir, 1, 1, 10);
  o.jurisdiction = "ZZ";
  const SynthResult r = Synthesize(o, TestCalibration(), TestCatalog());
  EXPECT_EQ(r.status, SynthStatus::kUsage);
  EXPECT_NE(r.error.find("unknown jurisdiction \"ZZ\""), std::string::npos) << r.error;
  o = Options(dir, 1, 1, 10);
  o.as_of = Date();
  EXPECT_EQ(Synthesize(o, TestCalibration(), TestCatalog()).status, SynthStatus::kUsage);
}

TEST(SynthGenericCatalog, AStateWithoutACatalogGetsBjsCategoryCodes) {
  const std::string dir = TempDir("generic");
  SynthOptions o = Options(dir, 1, 1, 200);
  o.jurisdiction = "TX";  // in the calibration, no offense catalog of its own
  o.rules_dir = "";
  const SynthResult r = Synthesize(o);
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_FALSE(r.notes.empty());
  EXPECT_NE(r.notes[0].find("TX has no offense catalog"), std::string::npos) << r.notes[0];
  const std::string sentences = Slurp(dir + "/sentences.csv");
  EXPECT_NE(sentences.find(",TX:BJS "), std::string::npos);
  for (size_t at = sentences.find('\n'); at + 1 < sentences.size(); at = sentences.find('\n', at + 1)) {
    const size_t code = sentences.find(',', sentences.find(',', at + 1) + 1) + 1;
    EXPECT_EQ(sentences.compare(code, 7, "TX:BJS "), 0) << sentences.substr(at + 1, 80);
  }
}

TEST(SynthCalibrationFile, MalformedFileGivesFileLineColumn) {
  const std::string dir = TempDir("badcal");
  const std::string path = dir + "/cal.toml";
  std::ofstream(path) << "[source]\ntitle = \"x\"\n[table4]\nfile = \n";
  std::string error;
  EXPECT_FALSE(Calibration::Load(path, &error).has_value());
  EXPECT_EQ(error.rfind(path + ":4:", 0), 0u) << error;

  // The real extract with California's Table 4 row broken (male + female != total).
  std::string text = Slurp(Calibration::DefaultPath());
  const std::string row = "\nCA = [97483, 93761, 3722]\n";
  const size_t at = text.find(row);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, row.size(), "\nCA = [97483, 93761, 3]\n");
  const auto line = 2 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  std::ofstream(path, std::ios::trunc) << text;
  EXPECT_FALSE(Calibration::Load(path, &error).has_value());
  EXPECT_NE(error.find(Cat(path, ":", std::to_string(line), ":6: table4.CA: expected [total, male, female]")),
            std::string::npos)
      << error;
}

TEST(SynthCalibrationFile, CoversCaliforniaAndTheLargeStates) {
  const Calibration& cal = TestCalibration();
  for (const char* j : {"CA", "TX", "FL", "GA", "OH", "PA", "NY", "MI", "IL", "NC"}) EXPECT_TRUE(cal.HasJurisdiction(j)) << j;
  EXPECT_EQ(cal.Jurisdictions().size(), 51u);  // and the federal system, US
  EXPECT_TRUE(cal.HasJurisdiction("US"));
  EXPECT_FALSE(cal.HasJurisdiction("ZZ"));
  EXPECT_FALSE(cal.HasJurisdiction("STATE"));
  for (const TableSource& s : cal.sources) {
    EXPECT_FALSE(s.file.empty()) << s.key;
    EXPECT_NE(s.title.find("Table"), std::string::npos) << s.key;
    EXPECT_EQ(s.version, "11/30/23") << s.key;
  }
}

int RunCli(const std::string& args) {
  const std::string cmd = std::string(CLEMENCY_BINARY) + " synth " + args + " >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(SynthCommand, ExitCodes) {
  const std::string dir = TempDir("cli");
  EXPECT_EQ(RunCli("--jurisdiction CA --people 300 --seed 3 --as-of 2026-01-01 -o " + dir), 0);
  EXPECT_TRUE(std::filesystem::exists(dir + "/people.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/sentences.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/facilities.csv"));
  EXPECT_EQ(RunCli("--jurisdiction ZZ --people 300 --as-of 2026-01-01 -o " + dir), 2);
  EXPECT_EQ(RunCli("--jurisdiction CA --people 0 --as-of 2026-01-01 -o " + dir), 2);
  EXPECT_EQ(RunCli("--jurisdiction CA --people 10 --as-of 2021-02-30 -o " + dir), 2);
  EXPECT_EQ(RunCli("--jurisdiction TX --people 10 --as-of 2026-01-01 -o " + dir), 0);  // the generic catalog
  EXPECT_EQ(RunCli("--jurisdiction DC --people 10 --as-of 2026-01-01 -o " + dir), 2);  // no prison system
}

}  // namespace
}  // namespace clemency::testing
