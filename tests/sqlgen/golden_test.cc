// The scripts `clemency sql` writes for each dialect, byte for byte, against
// tests/sqlgen/golden/screen-DIALECT.sql, on a small fixed population
// (tests/data/sqlgen, 40 synthetic people, with the hand-made people
// appended). BigQuery and Spark SQL cannot run here: this is what guards
// them (docs/sql.md). The folders' paths are replaced by <DATA> and <OUT>.
// To accept a deliberate change: CLEMENCY_UPDATE_GOLDEN=1 ./golden_test,
// then read the diff before committing it.
//
// Also the command's errors: an unknown dialect, a policy the compiler
// cannot express, and a second run into the same folder after the script
// wrote screening.csv there.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/hand_population.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

class SqlGoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/sql_golden_" + std::to_string(::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_ + "/data");
    for (const char* f : {"people.csv", "sentences.csv"})
      fs::copy_file(std::string(CLEMENCY_TEST_DATA) + "/sqlgen/" + f, dir_ + "/data/" + f);
    AppendHandRows(dir_ + "/data", [](std::string_view) { return true; });
  }
  void TearDown() override { fs::remove_all(dir_); }
  CommandRun Run(const std::string& args) { return RunClemency(args, dir_); }
  std::string dir_;
};

TEST_F(SqlGoldenTest, EachDialectsScriptMatchesItsGoldenFile) {
  const bool update = std::getenv("CLEMENCY_UPDATE_GOLDEN") != nullptr;
  for (const char* dialect : {"postgres", "duckdb", "bigquery", "spark"}) {
    SCOPED_TRACE(dialect);
    const std::string out = dir_ + "/out-" + dialect;
    const CommandRun r = Run(std::string("sql --policy redemption-2020 --as-of 2026-01-01 --set 'min_age=60 years' --data ") +
                             dir_ + "/data --dialect " + dialect + " -o " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string script = Slurp(out + "/screen.sql");
    ReplaceAll(script, fs::canonical(dir_ + "/data").string(), "<DATA>");
    ReplaceAll(script, fs::absolute(out).lexically_normal().string(), "<OUT>");
    EXPECT_EQ(script.find(dir_), std::string::npos) << "a path of this run is left in the script";
    const std::string golden = std::string(CLEMENCY_SQLGEN_DIR) + "/golden/screen-" + dialect + ".sql";
    if (update) {
      std::ofstream(golden, std::ios::binary) << script;
      continue;
    }
    EXPECT_TRUE(Slurp(golden) == script) << "screen.sql differs from " << golden
                                         << " (CLEMENCY_UPDATE_GOLDEN=1 rewrites it)";
  }
}

TEST_F(SqlGoldenTest, AnUnknownDialectIsAUsageError) {
  const CommandRun r = Run("sql --policy redemption-2020 --as-of 2026-01-01 --data " + dir_ + "/data --dialect oracle -o " + dir_ + "/o");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--dialect: expected postgres, duckdb, bigquery or spark, got \"oracle\""), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ + "/o"));
}

TEST_F(SqlGoldenTest, WhatSqlCannotSayIsARulePackErrorNamingIt) {
  // A rule read inside an aggregate: the engine broadcasts it to sentences, the SQL compiler does not.
  std::ofstream(dir_ + "/p.toml") << "id = \"p\"\ntitle = \"t\"\nsummary = \"s\"\ncitation = \"c\"\n"
                                     "eligibility = \"old_drug\"\npriority = \"1\"\n"
                                     "[[criteria]]\nid = \"old\"\ntext = \"t\"\ncitation = \"c\"\nexpr = \"age >= 60 years\"\n"
                                     "[[groups]]\nid = \"old_drug\"\ntext = \"t\"\n"
                                     "expr = 'any(old and s.category == \"drug_possession\")'\n";
  const CommandRun r = Run("sql --policy " + dir_ + "/p.toml --as-of 2026-01-01 --data " + dir_ + "/data --dialect duckdb -o " + dir_ + "/o");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("cannot be compiled to SQL: a rule read inside any/all/count/min/max/sum"), std::string::npos) << r.err;
}

TEST_F(SqlGoldenTest, RunningAgainIntoTheSameFolderReplacesTheScriptAndItsResult) {
  const std::string args = "sql --policy redemption-2020 --as-of 2026-01-01 --data " + dir_ + "/data --dialect duckdb -o " + dir_ + "/o";
  ASSERT_EQ(Run(args).exit_code, 0);
  std::ofstream(dir_ + "/o/screening.csv") << "person_id\n";  // as the script leaves it
  const CommandRun again = Run(args);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(fs::exists(dir_ + "/o/screen.sql"));
  EXPECT_FALSE(fs::exists(dir_ + "/o/screening.csv")) << "a result of the old script would not match the new one";
}

}  // namespace
}  // namespace clemency
