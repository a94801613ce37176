// End-to-end tests of the clemency binary: exit codes, messages, and the
// files validate writes (DESIGN.md section 4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("cli_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "data");
  }
  Run Clemency(const std::string& args) {
    const std::string out = (dir_ / "stdout").string(), err = (dir_ / "stderr").string();
    const std::string cmd = std::string(CLEMENCY_BINARY) + " " + args + " >" + out + " 2>" + err;
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(out), Slurp(err)};
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "data" / name, std::ios::binary) << text;
  }
  void WriteSmallPopulation(bool with_errors) {
    Write("people.csv",
          "person_id,jurisdiction,birth_date,sex,race,admission_date\n"
          "A,CA,1960-05-01,M,black,2000-01-01\n" +
              std::string(with_errors ? "B,CA,1961-02-30,M,white,2001-01-01\n" : "") +
              "C,CA,1970-05-01,F,hispanic,2010-01-01\n");
    Write("sentences.csv",
          "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
          "A,1,CA:PC 187,1999-12-01,lwop,,active\n"
          "C,1,CA:HS 11351,2009-12-01,determinate,1460,active\n" +
              std::string(with_errors ? "C,2,CA:HS 11350,2009-12-01,determinate,,active\n" : ""));
  }
  fs::path dir_;
};

TEST_F(CliTest, ValidateCleanDataExitsZeroAndReconciles) {
  WriteSmallPopulation(false);
  const Run r = Clemency("validate " + (dir_ / "data").string() + " --as-of 2025-01-01 -o " +
                         (dir_ / "out").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("people.csv              2 rows read =         2 accepted +      0 rejected"));
  const std::string json = Slurp(dir_ / "out" / "validation.json");
  EXPECT_THAT(json, HasSubstr("\"rows_read\": 2"));
  EXPECT_THAT(json, HasSubstr("\"as_of\": \"2025-01-01\""));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "rejected.csv"));
}

TEST_F(CliTest, ValidateWithErrorsFailsWithExit3AndWritesNothing) {
  WriteSmallPopulation(true);
  const Run r = Clemency("validate " + (dir_ / "data").string() + " --as-of 2025-01-01 -o " +
                         (dir_ / "out").string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("people.csv:3: column \"birth_date\" value \"1961-02-30\": no such date"));
  EXPECT_THAT(r.err, HasSubstr("sentences.csv:4: column \"term_days\" value \"\": a determinate sentence needs term_days"));
  EXPECT_THAT(r.err, HasSubstr("validation failed: nothing written"));
  EXPECT_FALSE(fs::exists(dir_ / "out" / "validation.json"));
}

TEST_F(CliTest, QuarantineWritesRejectedRowsAndGoesOn) {
  WriteSmallPopulation(true);
  const Run r = Clemency("validate " + (dir_ / "data").string() +
                         " --as-of 2025-01-01 --on-error quarantine -o " + (dir_ / "out").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("people.csv              3 rows read =         2 accepted +      1 rejected"));
  EXPECT_THAT(r.out, HasSubstr("sentences.csv           3 rows read =         2 accepted +      1 rejected"));
  EXPECT_EQ(Slurp(dir_ / "out" / "rejected.csv"),
            "file,line,reason,record\n"
            "people.csv,3,\"column \"\"birth_date\"\" value \"\"1961-02-30\"\": no such date\",\"B,CA,1961-02-30,M,white,2001-01-01\"\n"
            "sentences.csv,4,\"column \"\"term_days\"\" value \"\"\"\": a determinate sentence needs term_days\",\"C,2,CA:HS 11350,2009-12-01,determinate,,active\"\n");
  EXPECT_FALSE(fs::exists(dir_ / "out" / "rejected.csv.partial"));
}

TEST_F(CliTest, UsageErrorsExit2) {
  WriteSmallPopulation(false);
  const std::string data = (dir_ / "data").string();
  EXPECT_EQ(Clemency("validate " + data + " --on-error quarantine").exit_code, 2);
  const Run bad_date = Clemency("validate " + data + " --as-of 2025-02-30");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_THAT(bad_date.err, HasSubstr("--as-of \"2025-02-30\": no such date"));
  EXPECT_EQ(Clemency("validate " + (dir_ / "nope").string()).exit_code, 2);
  EXPECT_EQ(Clemency("validate " + data + " --on-error ignore").exit_code, 2);
  EXPECT_EQ(Clemency("frobnicate").exit_code, 2);
  EXPECT_EQ(Clemency("").exit_code, 2);
}

TEST_F(CliTest, MissingRequiredColumnIsFatal) {
  Write("people.csv", "person_id,jurisdiction,birth_date,sex,race\nA,CA,1960-05-01,M,black\n");
  Write("sentences.csv", "person_id,sentence_id,offense_code,sentence_date,sentence_type,status\n");
  const Run r = Clemency("validate " + (dir_ / "data").string() + " --on-error quarantine -o " +
                         (dir_ / "out").string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("people.csv:1: required column \"admission_date\" is missing from the header"));
}

// What synth generates, validate accepts with no errors, and the counts agree.
TEST_F(CliTest, SynthOutputValidatesCleanly) {
  const std::string data = (dir_ / "synth").string();
  const Run s = Clemency("synth --jurisdiction CA --people 20000 --seed 3 --as-of 2025-06-30 -o " + data);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const Run v = Clemency("validate " + data + " --as-of 2025-06-30");
  EXPECT_EQ(v.exit_code, 0) << v.err.substr(0, 2000);
  EXPECT_THAT(v.out, HasSubstr("people.csv          20000 rows read =     20000 accepted +      0 rejected"));
  EXPECT_THAT(v.out, HasSubstr("0 errors"));
}

}  // namespace
