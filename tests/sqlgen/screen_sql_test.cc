// Conformance of `clemency sql` (issue 16): the script it writes, run by a
// real PostgreSQL server (psql, started here) and by DuckDB (node and
// @duckdb/node-api from tests/sqlgen/node_modules), must give every person
// the same status, groups, excluded_by, priority (to the four decimals
// screening.csv has), rank and current_law_excess_days as `clemency screen`
// on the same data, policy, date and parameters.
//
// Three populations: a synthetic California with the hand-made people of the
// differential test appended (tests/support/hand_population.h: leap-day
// birthdays, codes in no catalog, no sentence, consecutive chains, each
// reform's edges); every jurisdiction at once (synth ALL), where most states
// have only the generic catalog and no reform pack; and California, Oklahoma
// and the federal system as of 2016, for the programs of 2014 to 2020. The settings
// reach every policy, dates on and around 29 February, and parameters that
// switch exclusions on and off.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "support/hand_population.h"
#include "support/pg_server.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

using namespace testing_support;
namespace fs = std::filesystem;

struct Setting {
  const char* data;    // "ca", "national" (as of 2027), "early" (CA, OK and US as of 2016)
  const char* policy;
  const char* as_of;
  const char* sets = "";  // --set arguments
};

constexpr Setting kSettings[] = {
    {"ca", "redemption-2020", "2026-01-01"},
    {"ca", "redemption-2020", "2026-01-01",
     "--set 'min_age=60 years' --set exclude_violent_felony=true --set max_infractions_5y=0 --set weight_excess=3.5"},
    {"ca", "redemption-2020", "2028-02-29", "--set exclude_sex_registrable=false --set exclude_lwop_death=false"},
    {"ca", "redemption-2020", "2027-03-01"},
    {"ca", "ca-elderly-parole", "2026-01-01"},
    {"ca", "second-look", "2026-01-01"},
    {"national", "redemption-2020", "2027-01-01"},
    {"national", "second-look", "2027-01-01"},
    {"national", "us-compassionate-release", "2027-01-01"},
    {"national", "fsa-elderly-2018", "2027-01-01"},
    {"national", "ok-hb1269-2019", "2027-01-01"},
    {"national", "md-second-look-2025", "2027-01-01"},
    {"national", "dc-second-look", "2027-01-01"},
    {"early", "cdcr-covid-2020", "2020-07-10"},
    {"early", "clemency-project-2014", "2020-07-10"},
    {"early", "ok-hb1269-2019", "2019-11-04"},
    {"early", "redemption-2020", "2016-02-29"},
};

constexpr const char* kCompared[] = {"status", "groups", "excluded_by", "priority", "rank", "current_law_excess_days"};

std::map<std::string, std::vector<std::string>> ReadScreening(const std::string& path, std::vector<int>* columns) {
  std::string error;
  auto t = ReadCsv(path, &error);
  EXPECT_TRUE(t) << error;
  std::map<std::string, std::vector<std::string>> rows;
  if (!t) return rows;
  columns->clear();
  for (const char* c : kCompared) {
    columns->push_back(t->Column(c));
    EXPECT_GE(columns->back(), 0) << path << " has no column " << c;
  }
  const int id = t->Column("person_id");
  for (auto& r : t->rows) rows[r[static_cast<size_t>(id)]] = r;
  return rows;
}

bool SameValue(const std::string& column, const std::string& a, const std::string& b) {
  if (column != "priority" || a.empty() || b.empty()) return a == b;
  return std::fabs(std::stod(a) - std::stod(b)) <= 1.000001e-4;
}

class ScreenSqlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/screen_sql_" + std::to_string(::getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandRun Run(const std::string& args) { return RunClemency(args, dir_); }

  void MakeData() {
    ASSERT_EQ(Run("synth --jurisdiction CA --people 6000 --seed 11 --as-of 2026-01-01 -o " + dir_ + "/ca").exit_code, 0);
    const size_t appended = AppendHandRows(dir_ + "/ca", [](std::string_view code) {
      return code.substr(0, 3) == "CA:" && code.find("99999") == std::string_view::npos;
    });
    EXPECT_GT(appended, 10u);
    const CommandRun n = Run("synth --jurisdiction ALL --people 12000 --seed 12 --as-of 2027-01-01 -o " + dir_ + "/national");
    ASSERT_EQ(n.exit_code, 0) << n.err;
    const CommandRun e = Run("synth --jurisdiction CA,OK,US --people 6000 --seed 13 --as-of 2016-01-01 -o " + dir_ + "/early");
    ASSERT_EQ(e.exit_code, 0) << e.err;
  }

  // Every person's columns of the engine and of the SQL; returns the people compared.
  size_t Compare(const std::string& engine_csv, const std::string& sql_csv, const std::string& what) {
    std::vector<int> ce, cs;
    const auto engine = ReadScreening(engine_csv, &ce), sql = ReadScreening(sql_csv, &cs);
    EXPECT_EQ(engine.size(), sql.size()) << what;
    size_t shown = 0;
    for (const auto& [id, e] : engine) {
      auto it = sql.find(id);
      if (it == sql.end()) {
        ADD_FAILURE() << what << ": " << id << " missing from the SQL's screening.csv";
        continue;
      }
      for (size_t k = 0; k < std::size(kCompared); ++k) {
        const std::string& a = e[static_cast<size_t>(ce[k])];
        const std::string& b = it->second[static_cast<size_t>(cs[k])];
        if (!SameValue(kCompared[k], a, b) && shown++ < 10)
          ADD_FAILURE() << what << ": " << id << " " << kCompared[k] << ": engine \"" << a << "\", SQL \"" << b << "\"";
      }
    }
    return engine.size();
  }

  // One setting: the engine, then each dialect's script on its database.
  void RunSetting(const Setting& s, int i, const PgServer& pg, const std::string& node_runner) {
    const std::string what = std::string(s.data) + " " + s.policy + " " + s.as_of + " " + s.sets;
    SCOPED_TRACE(what);
    const std::string data = dir_ + "/" + s.data, base = dir_ + "/run" + std::to_string(i);
    const std::string common = fmt::format("--policy {} --as-of {} --data {} {}", s.policy, s.as_of, data, s.sets);
    const CommandRun screen = Run("screen " + common + " -o " + base + "-engine");
    ASSERT_EQ(screen.exit_code, 0) << screen.err;
    for (const char* dialect : {"postgres", "duckdb"}) {
      const std::string out = base + "-" + dialect;
      const CommandRun gen = Run(fmt::format("sql {} --dialect {} -o {}", common, dialect, out));
      ASSERT_EQ(gen.exit_code, 0) << gen.err;
      const std::string cmd = std::string(dialect) == "postgres"
                                  ? fmt::format("psql -X -q -v ON_ERROR_STOP=1 '{}' -f {}/screen.sql", pg.Url("postgres"), out)
                                  : fmt::format("node {} {}/screen.sql", node_runner, out);
      const auto t0 = std::chrono::steady_clock::now();
      ASSERT_EQ(std::system((cmd + " >" + dir_ + "/db.log 2>&1").c_str()), 0) << Slurp(dir_ + "/db.log");
      std::printf("%-70s %-8s %6.2f s\n", what.c_str(), dialect,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      const size_t people = Compare(base + "-engine/screening.csv", out + "/screening.csv", what + " " + dialect);
      EXPECT_GT(people, 5000u);
    }
  }

  std::string dir_;
};

TEST_F(ScreenSqlTest, PostgresAndDuckDbAgreeWithTheEngineOnEveryPerson) {
  MakeData();
  PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  const std::string node_runner = std::string(CLEMENCY_SQLGEN_DIR) + "/run_duckdb.mjs";
  ASSERT_TRUE(fs::exists(std::string(CLEMENCY_SQLGEN_DIR) + "/node_modules/@duckdb/node-api"))
      << "run scripts/install-deps.sh (npm ci in tests/sqlgen)";
  int i = 0;
  for (const Setting& s : kSettings) RunSetting(s, i++, pg, node_runner);
}

}  // namespace
}  // namespace clemency
