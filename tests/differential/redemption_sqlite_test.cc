// The differential test of issue 3: redemption-2020 translated by hand into SQL
// (tests/differential/redemption-2020.sql, after tests/differential/ca_current_law.sql
// has made the table law_excess) and run by SQLite over a synthetic
// California population of 100,000 people must put exactly the same people in
// eligible, needs_review and not_eligible as the engine.
//
// Both sides read the same CSV files: the engine through LoadPopulation, SQLite
// through our CsvReader, with every empty cell stored as NULL. Before loading,
// the test appends rows to the synthetic files so that the comparison reaches
// cases the synthesizer rarely or never makes: sentences whose offense code is
// not in the catalog (active and served, determinate and LWOP), people with no
// sentence or no active sentence, an admission type of `unknown`, exact and
// leap-day birthdays. The hand-made people also have hand-worked expected
// statuses, checked against both sides.
//
// Both sides apply the California reforms of rules/reforms/CA.toml: the engine
// through BuildFactTable with the reforms loaded, the SQL re-implementing them
// from the rule file's meaning. The comparison covers each person's status and
// current_law.excess (the days, or unknown) under every setting; hand-made
// people reach each reform's edges (the day before and the day of an
// effective date, a served super strike, a discretionary range, a third
// striker).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/population_loader.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
#include "clemency/policy/policy.h"
#include "clemency/screen/column.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/screener.h"
#include "clemency/synth/synthesizer.h"
#include "support/hand_population.h"

namespace clemency {
namespace {

using namespace testing_support;

const std::string kRulesDir = CLEMENCY_TEST_DATA "/../../rules";
const std::string kSqlPath = CLEMENCY_DIFFERENTIAL_SQL;
// current_law.excess under the CA reforms (the table law_excess), shared with bench/compare.
const std::string kLawSqlPath = CLEMENCY_DIFFERENTIAL_LAW_SQL;
constexpr int64_t kPeople = 100000;
constexpr uint64_t kSeed = 20260101;
constexpr const char* kAsOf = "2026-01-01";

Date D(std::string_view s) {
  const DateParseResult r = ParseDate(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.date;
}

std::optional<Policy> LoadRedemption() {
  std::vector<PolicyProblem> problems;
  auto policy = LoadPolicy(kRulesDir + "/policies/redemption-2020.toml", &problems);
  for (const auto& p : problems) EXPECT_TRUE(p.lint) << p.Format();
  return policy;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}


// ------------------------------------------------------------------ SQLite

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

Stmt Prepare(sqlite3* db, const std::string& sql, const char** tail = nullptr) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s, tail);
  EXPECT_EQ(rc, SQLITE_OK) << sqlite3_errmsg(db) << "\n" << sql.substr(0, 400);
  return Stmt(s);
}

// Prepares the one statement a .sql file holds (name: for the message).
Stmt PrepareFile(sqlite3* db, const std::string& sql, const std::string& name) {
  const char* tail = nullptr;
  Stmt s = Prepare(db, sql, &tail);
  if (s) {
    EXPECT_TRUE(std::string_view(tail).find_first_not_of(" \t\r\n") == std::string_view::npos)
        << name << " must hold a single statement; left over: " << tail;
  }
  return s;
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err != nullptr ? err : "") << "\n" << sql;
  sqlite3_free(err);
}

std::string ColumnText(sqlite3_stmt* s, int i) {
  if (sqlite3_column_type(s, i) == SQLITE_NULL) return "NULL";
  const unsigned char* t = sqlite3_column_text(s, i);
  return t != nullptr ? reinterpret_cast<const char*>(t) : "";
}

// SQL type (affinity) of a canonical column: whole numbers are INTEGER,
// drug_grams REAL, everything else TEXT.
const char* SqlType(const std::string& column) {
  static const std::set<std::string> kInts = {"infractions_5y", "medical_high_risk", "term_days",
                                              "min_term_days",  "max_term_days",     "credits_days",
                                              "design_capacity"};
  if (kInts.count(column) != 0) return "INTEGER";
  if (column == "drug_grams") return "REAL";
  return "TEXT";
}

// Creates table `name` with the CSV's columns and inserts every row, empty cells as NULL.
void LoadTable(sqlite3* db, const std::string& name, const CsvTable& csv) {
  std::string create = "CREATE TABLE " + name + " (", insert = "INSERT INTO " + name + " VALUES (";
  for (size_t i = 0; i < csv.header.size(); ++i) {
    create += (i > 0 ? ", " : "") + std::string("\"") + csv.header[i] + "\" " + SqlType(csv.header[i]);
    insert += i > 0 ? ", ?" : "?";
  }
  Exec(db, create + ")");
  Stmt ins = Prepare(db, insert + ")");
  ASSERT_TRUE(ins);
  Exec(db, "BEGIN");
  for (const auto& row : csv.rows) {
    ASSERT_EQ(row.size(), csv.header.size());
    for (size_t i = 0; i < row.size(); ++i) {
      const int k = static_cast<int>(i) + 1;
      if (row[i].empty()) {
        sqlite3_bind_null(ins.get(), k);
        continue;
      }
      const std::string type = SqlType(csv.header[i]);
      if (type == "INTEGER") {
        size_t used = 0;
        const long long v = std::stoll(row[i], &used);
        ASSERT_EQ(used, row[i].size()) << csv.header[i] << " " << row[i];
        sqlite3_bind_int64(ins.get(), k, v);
      } else if (type == "REAL") {
        sqlite3_bind_double(ins.get(), k, std::stod(row[i]));
      } else {
        sqlite3_bind_text(ins.get(), k, row[i].data(), static_cast<int>(row[i].size()), SQLITE_TRANSIENT);
      }
    }
    ASSERT_EQ(sqlite3_step(ins.get()), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_reset(ins.get());
  }
  Exec(db, "COMMIT");
}

// ------------------------------------------------------------------ settings

struct Setting {
  std::string name;
  std::string as_of = kAsOf;
  // Overrides as --set would give them; the params table is filled to match.
  std::vector<std::pair<std::string, std::string>> set;
  int min_age_years = 55;
  bool exclude_sex_registrable = true;
  bool exclude_violent_felony = false;
  bool exclude_lwop_death = true;
  int max_infractions_5y = 3;
};


// ------------------------------------------------------------------ the fixture

class RedemptionSqliteTest : public ::testing::Test {
 public:
  struct Outcome {
    std::map<std::string, size_t> counts;             // status -> people (engine)
    std::map<std::string, std::string> status;        // hand-made person -> status (engine)
    std::map<std::string, std::string> excess;        // hand-made person -> current_law.excess (engine)
    size_t excess_positive = 0, excess_unknown = 0;   // people (engine)
  };

 protected:
  struct Shared {
    std::string dir;
    std::optional<OffenseCatalog> catalog;
    std::optional<ReformSet> reforms;
    Population pop;
    Db db;
    std::string sql;
    std::string law_sql;
    size_t synthetic_not_in_catalog = 0;
    size_t appended_not_in_catalog = 0;
    double setup_seconds = 0;
  };
  // Runs in the first test's SetUp, not in SetUpTestSuite: a failure there
  // would show as a skipped test, not a failed one.
  static void PrepareShared() {
    const auto t0 = std::chrono::steady_clock::now();
    s_ = new Shared;
    Shared& sh = *s_;
    // One directory per process: ctest may run several test binaries at once.
    sh.dir = ::testing::TempDir() + "/differential_redemption_" + std::to_string(::getpid());
    std::filesystem::remove_all(sh.dir);

    SynthOptions so;
    so.jurisdiction = "CA";
    so.people = kPeople;
    so.seed = kSeed;
    so.as_of = D(kAsOf);
    so.out_dir = sh.dir;
    so.rules_dir = kRulesDir;
    const SynthResult synth = Synthesize(so);
    ASSERT_TRUE(synth.ok()) << synth.error;

    std::string error;
    sh.catalog = OffenseCatalog::LoadJurisdiction("CA", &error, kRulesDir);
    ASSERT_TRUE(sh.catalog) << error;
    sh.reforms = ReformSet::LoadJurisdiction("CA", &error, kRulesDir);
    ASSERT_TRUE(sh.reforms) << error;
    // The SQL re-implements these reforms by hand: a change to the file must be
    // carried into ca_current_law.sql too.
    {
      const std::vector<std::pair<std::string, std::string>> expected = {
          {"ca-prop36-2012", "2012-11-07"},       {"ca-prop47-2014-drug", "2014-11-05"},
          {"ca-prop47-2014-theft", "2014-11-05"}, {"ca-sb180-2017", "2018-01-01"},
          {"ca-sb1393-2018", "2019-01-01"},       {"ca-sb136-2019", "2020-01-01"},
          {"ca-sb483-2021", "2022-01-01"},        {"ca-ab600-2023", "2024-01-01"},
          {"ca-prop36-2024-theft", "2024-12-18"}, {"ca-prop36-2024-drug", "2024-12-18"}};
      std::vector<std::pair<std::string, std::string>> actual;
      for (const Reform& r : sh.reforms->reforms()) actual.emplace_back(r.id, r.effective.ToString());
      ASSERT_EQ(actual, expected) << "rules/reforms/CA.toml changed: update tests/differential/ca_current_law.sql";
    }

    // Synthetic offense codes missing from the catalog (expected: none).
    {
      auto sentences = ReadCsv(sh.dir + "/sentences.csv", &error);
      ASSERT_TRUE(sentences) << error;
      const int code = sentences->Column("offense_code");
      ASSERT_GE(code, 0);
      for (const auto& row : sentences->rows)
        if (sh.catalog->Find(row[static_cast<size_t>(code)]) == nullptr) ++sh.synthetic_not_in_catalog;
    }
    AppendRows(sh);

    auto people = ReadCsv(sh.dir + "/people.csv", &error);
    ASSERT_TRUE(people) << error;
    auto sentences = ReadCsv(sh.dir + "/sentences.csv", &error);
    ASSERT_TRUE(sentences) << error;

    // The engine.
    LoadResult load = LoadPopulation(sh.dir, {D(kAsOf), {}});
    ASSERT_FALSE(load.fatal) << (load.problems.empty() ? "" : load.problems[0].Format());
    ASSERT_EQ(load.error_count, 0u) << (load.problems.empty() ? "" : load.problems[0].Format());
    ASSERT_EQ(load.people.accepted, people->rows.size());
    ASSERT_EQ(load.sentences.accepted, sentences->rows.size());
    sh.pop = std::move(*load.population);

    ASSERT_TRUE(LoadRedemption());

    // SQLite.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &raw), SQLITE_OK);
    sh.db.reset(raw);
    sqlite3* db = sh.db.get();
    LoadTable(db, "people", *people);
    LoadTable(db, "sentences", *sentences);
    Exec(db, "CREATE INDEX sentences_person ON sentences(person_id, sentence_id)");
    Exec(db,
         "CREATE TABLE offenses (code TEXT PRIMARY KEY, category TEXT NOT NULL, flags TEXT NOT NULL, "
         "triad_lower_months INTEGER NOT NULL, triad_upper_months INTEGER NOT NULL)");
    {
      Stmt ins = Prepare(db, "INSERT INTO offenses VALUES (?, ?, ?, ?, ?)");
      for (const Offense& o : sh.catalog->offenses()) {
        std::string flags;
        for (const auto& f : o.flags) flags += (flags.empty() ? "" : ";") + f;
        sqlite3_bind_text(ins.get(), 1, o.code.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins.get(), 2, o.category.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins.get(), 3, flags.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins.get(), 4, o.triad_lower_months);
        sqlite3_bind_int(ins.get(), 5, o.triad_upper_months);
        ASSERT_EQ(sqlite3_step(ins.get()), SQLITE_DONE) << sqlite3_errmsg(db);
        sqlite3_reset(ins.get());
      }
    }
    Exec(db,
         "CREATE TABLE params (min_age_years INTEGER, exclude_sex_registrable INTEGER, "
         "exclude_violent_felony INTEGER, exclude_lwop_death INTEGER, max_infractions_5y INTEGER)");
    Exec(db, "CREATE TABLE as_of (day TEXT)");
    sh.sql = ReadFile(kSqlPath);
    ASSERT_FALSE(sh.sql.empty()) << kSqlPath;
    sh.law_sql = ReadFile(kLawSqlPath);
    ASSERT_FALSE(sh.law_sql.empty()) << kLawSqlPath;
    sh.setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }

  static void TearDownTestSuite() {
    if (s_ != nullptr) std::filesystem::remove_all(s_->dir);
    delete s_;
    s_ = nullptr;
  }

  void SetUp() override {
    if (s_ == nullptr) PrepareShared();
    ASSERT_FALSE(HasFatalFailure()) << "the suite's set-up failed";
    ASSERT_TRUE(s_->db) << "the suite's set-up failed";
  }

  // Appends the hand-made people and, to every 500th synthetic person, a
  // sentence whose offense code is not in the catalog.
  static void AppendRows(Shared& sh);

  // Runs both sides under a setting and compares them person by person.
  static Outcome Compare(const Setting& setting);

  // The engine's fact table with the CA catalog and reforms.
  static FactTable Facts(Date as_of) {
    return BuildFactTable(s_->pop, LawRefs{{{"CA", &*s_->catalog}}, {{"CA", &*s_->reforms}}, {}}, as_of);
  }

  static Shared* s_;
};

RedemptionSqliteTest::Shared* RedemptionSqliteTest::s_ = nullptr;

void RedemptionSqliteTest::AppendRows(Shared& sh) {
  sh.appended_not_in_catalog =
      AppendHandRows(sh.dir, [&](std::string_view code) { return sh.catalog->Find(code) != nullptr; });
}

RedemptionSqliteTest::Outcome RedemptionSqliteTest::Compare(const Setting& setting) {
  Shared& sh = *s_;
  Outcome out;
  sqlite3* db = sh.db.get();

  // Engine.
  const auto t0 = std::chrono::steady_clock::now();
  std::optional<Policy> loaded = LoadRedemption();
  if (!loaded) return out;
  Policy& policy = *loaded;
  for (const auto& [name, value] : setting.set) {
    std::string error;
    EXPECT_TRUE(SetParam(policy, name, value, &error)) << name << ": " << error;
  }
  const FactTable facts = Facts(D(setting.as_of));
  ScreenOptions options;
  options.eligible_on = false;
  const Screening screening = Screen(policy, facts, options);

  const auto t1 = std::chrono::steady_clock::now();

  // SQL.
  Exec(db, "DELETE FROM params");
  Exec(db, "DELETE FROM as_of");
  Exec(db, "INSERT INTO params VALUES (" + std::to_string(setting.min_age_years) + ", " +
               std::to_string(setting.exclude_sex_registrable ? 1 : 0) + ", " +
               std::to_string(setting.exclude_violent_felony ? 1 : 0) + ", " +
               std::to_string(setting.exclude_lwop_death ? 1 : 0) + ", " +
               std::to_string(setting.max_infractions_5y) + ")");
  Exec(db, "INSERT INTO as_of VALUES ('" + setting.as_of + "')");
  // current_law.excess as of this setting's day: the table law_excess.
  Exec(db, "DROP TABLE IF EXISTS temp.law_excess");
  {
    Stmt law = PrepareFile(db, sh.law_sql, kLawSqlPath);
    if (!law) return out;
    EXPECT_EQ(sqlite3_step(law.get()), SQLITE_DONE) << sqlite3_errmsg(db);
  }
  Exec(db, "CREATE INDEX law_excess_person ON law_excess(person_id)");
  Stmt query = PrepareFile(db, sh.sql, kSqlPath);
  if (!query) return out;
  EXPECT_EQ(sqlite3_column_count(query.get()), 3) << "expected person_id, status, current_law_excess_days";
  std::unordered_map<std::string, std::string> sql_status, sql_excess;
  sql_status.reserve(sh.pop.people_count());
  sql_excess.reserve(sh.pop.people_count());
  int rc;
  while ((rc = sqlite3_step(query.get())) == SQLITE_ROW) {
    const std::string id = ColumnText(query.get(), 0), status = ColumnText(query.get(), 1);
    EXPECT_TRUE(sql_status.emplace(id, status).second) << "the SQL returns person " << id << " twice";
    sql_excess.emplace(id, ColumnText(query.get(), 2));
  }
  EXPECT_EQ(rc, SQLITE_DONE) << sqlite3_errmsg(db);
  EXPECT_EQ(sql_status.size(), sh.pop.people_count());
  const auto t2 = std::chrono::steady_clock::now();

  // Compare.
  size_t mismatches = 0;
  std::ostringstream report;
  for (uint32_t p = 0; p < sh.pop.people_count(); ++p) {
    const std::string id(sh.pop.str(sh.pop.people.id[p]));
    const std::string engine(StatusName(screening.status[p]));
    ++out.counts[engine];
    if (id.starts_with("ZZ-")) out.status[id] = engine;
    const int64_t ex = facts.current_law_excess[p];
    const std::string engine_excess = ex == kNa ? "NULL" : std::to_string(ex);
    if (ex == kNa) ++out.excess_unknown;
    else if (ex > 0) ++out.excess_positive;
    if (id.starts_with("ZZ-")) out.excess[id] = engine_excess;
    auto it = sql_status.find(id);
    const std::string sql = it == sql_status.end() ? "(missing)" : it->second;
    auto ie = sql_excess.find(id);
    const std::string sql_ex = ie == sql_excess.end() ? "(missing)" : ie->second;
    if (sql == engine && sql_ex == engine_excess) continue;
    if (++mismatches > 20) continue;
    report << "\nperson " << id << ": engine " << engine << ", SQL " << sql << "; current_law.excess engine "
           << engine_excess << ", SQL " << sql_ex << "\n  engine rules:";
    for (size_t r = 0; r < policy.rules.size(); ++r) {
      const uint8_t b = screening.rules[r].b[p];
      report << " " << policy.rules[r].id << "=" << (b == kTrue ? "true" : b == kFalse ? "false" : "unknown");
    }
    Stmt pq = Prepare(db, "SELECT * FROM people WHERE person_id = ?");
    sqlite3_bind_text(pq.get(), 1, id.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(pq.get()) == SQLITE_ROW) {
      report << "\n  people:";
      for (int c = 0; c < sqlite3_column_count(pq.get()); ++c)
        report << " " << sqlite3_column_name(pq.get(), c) << "=" << ColumnText(pq.get(), c);
    }
    Stmt sq = Prepare(db,
                      "SELECT s.*, o.category AS catalog_category, o.flags AS catalog_flags FROM sentences s "
                      "LEFT JOIN offenses o ON o.code = s.offense_code WHERE s.person_id = ? ORDER BY s.sentence_id");
    sqlite3_bind_text(sq.get(), 1, id.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(sq.get()) == SQLITE_ROW) {
      report << "\n  sentence:";
      for (int c = 1; c < sqlite3_column_count(sq.get()); ++c)
        report << " " << sqlite3_column_name(sq.get(), c) << "=" << ColumnText(sq.get(), c);
    }
  }
  EXPECT_EQ(mismatches, 0u) << "setting " << setting.name << ": " << mismatches
                            << " people differ (first 20 below)" << report.str();

  // The hand-worked cases (meaningful under the default parameters only).
  if (setting.name == "defaults") {
    for (const HandCase& c : HandCases()) {
      const uint32_t p = sh.pop.FindPerson(c.id);
      EXPECT_EQ(StatusName(screening.status[p]), c.expected) << c.id << " (engine): " << c.why;
      EXPECT_EQ(sql_status[c.id], c.expected) << c.id << " (SQL): " << c.why;
      if (c.excess != nullptr) {
        EXPECT_EQ(out.excess[c.id], c.excess) << c.id << " current_law.excess (engine): " << c.why;
        EXPECT_EQ(sql_excess[c.id], c.excess) << c.id << " current_law.excess (SQL): " << c.why;
      }
    }
  }

  std::string line = "[ setting  ] " + setting.name + ":";
  for (const auto& [status, n] : out.counts) line += " " + status + "=" + std::to_string(n);
  line += "; current_law.excess > 0: " + std::to_string(out.excess_positive) +
          ", unknown: " + std::to_string(out.excess_unknown);
  std::printf("%s (engine %.2f s, SQLite %.2f s)\n", line.c_str(),
              std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count());
  return out;
}

size_t Count(const RedemptionSqliteTest::Outcome& o, const std::string& status) {
  auto it = o.counts.find(status);
  return it == o.counts.end() ? 0 : it->second;
}

// One test, so that the population is synthesized and loaded once per run
// (ctest runs every test of a binary in its own process).
TEST_F(RedemptionSqliteTest, EngineAndSqliteAgree) {
  std::printf("[ set-up   ] synthesize, load and fill SQLite: %.2f s\n", s_->setup_seconds);
  std::printf("[ data     ] %zu people, %zu sentences; synthetic codes not in the catalog: %zu, appended: %zu\n",
              s_->pop.people_count(), s_->pop.sentence_count(), s_->synthetic_not_in_catalog,
              s_->appended_not_in_catalog);
  EXPECT_GE(s_->pop.people_count(), static_cast<size_t>(kPeople));

  // The data exercises unknowns: both sides see the same offense codes that
  // are not in the catalog.
  {
    const FactTable facts = Facts(D(kAsOf));
    size_t engine_not_in_catalog = 0;
    for (size_t s = 0; s < facts.sentences(); ++s) engine_not_in_catalog += facts.in_catalog[s] == 0;
    Stmt q = Prepare(s_->db.get(),
                     "SELECT count(*) FROM sentences s LEFT JOIN offenses o ON o.code = s.offense_code "
                     "WHERE o.code IS NULL");
    ASSERT_EQ(sqlite3_step(q.get()), SQLITE_ROW);
    const auto sql_not_in_catalog = static_cast<size_t>(sqlite3_column_int64(q.get(), 0));
    EXPECT_GT(engine_not_in_catalog, 0u);
    EXPECT_EQ(engine_not_in_catalog, sql_not_in_catalog);
    EXPECT_EQ(engine_not_in_catalog, s_->synthetic_not_in_catalog + s_->appended_not_in_catalog);
  }

  // How many people each reform touches (engine; the SQL agrees on every
  // person's excess below).
  {
    const FactTable facts = Facts(D(kAsOf));
    const auto& reforms = s_->reforms->reforms();
    std::vector<std::set<uint32_t>> any(reforms.size()), active(reforms.size());
    std::set<uint32_t> hand;
    for (size_t s = 0; s < facts.sentences(); ++s) {
      if (facts.law_index[s] == kNoIndex) continue;
      const uint32_t p = facts.sentence_person[s];
      if (std::string_view(s_->pop.str(s_->pop.people.id[p])).starts_with("ZZ-")) hand.insert(p);
      for (const AppliedReform& a : facts.law[facts.law_index[s]].term.applied) {
        any[static_cast<size_t>(a.reform)].insert(p);
        if (facts.active[s] == kTrue) active[static_cast<size_t>(a.reform)].insert(p);
      }
    }
    for (size_t r = 0; r < reforms.size(); ++r) {
      if (!reforms[r].effect) continue;
      size_t hand_active = 0;
      for (uint32_t p : active[r]) hand_active += hand.count(p);
      std::printf("[ reform   ] %-22s people touched: %zu (an active sentence: %zu, of them hand-made: %zu)\n",
                  reforms[r].id.c_str(), any[r].size(), active[r].size(), hand_active);
      EXPECT_GT(active[r].size(), 0u) << reforms[r].id;
    }
  }

  {
    SCOPED_TRACE("defaults");
    Setting setting;
    setting.name = "defaults";
    const Outcome o = Compare(setting);
    EXPECT_GT(Count(o, "eligible"), 0u);
    EXPECT_GT(Count(o, "needs_review"), 0u);
    EXPECT_GT(Count(o, "not_eligible"), 0u);
  }
  {
    SCOPED_TRACE("younger age, violent felonies excluded, no infractions");
    Setting setting;
    setting.name = "min_age=50y exclude_violent_felony=true max_infractions_5y=0";
    setting.set = {{"min_age", "50 years"}, {"exclude_violent_felony", "true"}, {"max_infractions_5y", "0"}};
    setting.min_age_years = 50;
    setting.exclude_violent_felony = true;
    setting.max_infractions_5y = 0;
    const Outcome o = Compare(setting);
    EXPECT_GT(Count(o, "eligible"), 0u);
    EXPECT_GT(Count(o, "needs_review"), 0u);
  }
  {
    SCOPED_TRACE("LWOP, death and sex offenses not excluded");
    Setting setting;
    setting.name = "exclude_lwop_death=false exclude_sex_registrable=false";
    setting.set = {{"exclude_lwop_death", "false"}, {"exclude_sex_registrable", "false"}};
    setting.exclude_sex_registrable = false;
    setting.exclude_lwop_death = false;
    const Outcome o = Compare(setting);
    EXPECT_GT(Count(o, "eligible"), 0u);
    EXPECT_GT(Count(o, "needs_review"), 0u);
  }
  {
    // As of 2026-02-28 with min_age 54 years: ZZ-03, born 1972-02-29, turns
    // 54 on 2026-03-01 (2026 has no 29 February: the day rolls forward), so
    // is not older yet; ZZ-04, born 1972-02-28, is.
    SCOPED_TRACE("leap-day birthday");
    Setting setting;
    setting.name = "as_of=2026-02-28 min_age=54y";
    setting.as_of = "2026-02-28";
    setting.set = {{"min_age", "54 years"}};
    setting.min_age_years = 54;
    const Outcome o = Compare(setting);
    EXPECT_EQ(o.status.at("ZZ-03"), "not_eligible");
    EXPECT_EQ(o.status.at("ZZ-04"), "eligible");
  }
}

}  // namespace
}  // namespace clemency
