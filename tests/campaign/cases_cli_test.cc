// End to end through the built binary: two small populations screened with
// redemption-2020 a year apart (the people of tests/report/diff_cli_test.cc),
// then clemency cases init -> sync -> advance -> report -> packet -> sync
// again. Checks the exit codes (a refused move and an unknown person are 2, a
// newer schema 3), the SQLite file's mode (0600), the report's files, and
// the packet: the policy's citations, the sentences, the fields marked for
// counsel, and no external reference.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <regex>

#include "clemency/campaign/case_store.h"
#include "support/cli_fixture.h"
#include "support/pg_server.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;
using clemency::testing_support::CliFixture;
using clemency::testing_support::Slurp;

constexpr const char* kPeopleA =
    "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y\n"
    "L,CA,1950-01-01,M,white,2010-01-01,new_sentence,0\n"
    "U,CA,1955-03-01,F,black,2005-01-01,new_sentence,0\n"
    "X,CA,1958-01-01,M,hispanic,2008-01-01,new_sentence,0\n"
    "G,CA,1965-06-01,M,white,2015-01-01,new_sentence,0\n"
    "E,CA,1965-06-01,F,white,2012-01-01,new_sentence,0\n"
    "S,CA,1990-01-01,M,black,2018-01-01,,0\n"
    "V,CA,1985-01-01,M,other,2016-01-01,new_sentence,0\n";
constexpr const char* kSentencesA =
    "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
    "L,1,CA:PC 211 2nd,2009-12-01,determinate,5475,active\n"
    "U,1,CA:PC 211 2nd,2004-12-01,determinate,7300,active\n"
    "X,1,CA:PC 211 2nd,2007-12-01,determinate,5475,active\n"
    "G,1,CA:HS 11351,2014-12-01,determinate,1460,active\n"
    "E,1,CA:PC 211 2nd,2011-12-01,determinate,5475,active\n"
    "S,1,CA:PC 211 2nd,2017-12-01,determinate,1825,active\n"
    "V,1,CA:PC 211 2nd,2015-12-01,determinate,3650,active\n";
constexpr const char* kPeopleB =
    "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y\n"
    "U,CA,1955-03-01,F,black,2005-01-01,new_sentence,0\n"
    "X,CA,1958-01-01,M,hispanic,2008-01-01,new_sentence,5\n"
    "G,CA,1965-06-01,M,white,2015-01-01,new_sentence,0\n"
    "E,CA,1965-06-01,F,white,2012-01-01,new_sentence,0\n"
    "S,CA,1990-01-01,M,black,2018-01-01,new_sentence,0\n"
    "V,CA,1985-01-01,M,other,2016-01-01,new_sentence,0\n"
    "N,CA,1980-01-01,M,white,2020-06-01,new_sentence,0\n";
constexpr const char* kSentencesB =
    "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
    "U,1,CA:PC 211 2nd,2004-12-01,determinate,7300,active\n"
    "X,1,CA:PC 211 2nd,2007-12-01,determinate,5475,active\n"
    "G,1,CA:HS 11351,2014-12-01,determinate,1460,active\n"
    "E,1,CA:PC 211 2nd,2011-12-01,determinate,5475,active\n"
    "S,1,CA:PC 211 2nd,2017-12-01,determinate,1825,active\n"
    "V,1,CA:PC 211 2nd,2015-12-01,determinate,3650,active\n"
    "N,1,CA:HS 11351,2020-05-01,determinate,1460,active\n";

class CasesCli : public CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    WriteAt("a/people.csv", kPeopleA);
    WriteAt("a/sentences.csv", kSentencesA);
    WriteAt("b/people.csv", kPeopleB);
    WriteAt("b/sentences.csv", kSentencesB);
    for (const auto& [data, as_of] : {std::pair{"a", "2020-01-01"}, {"b", "2021-01-01"}}) {
      const auto r = Clemency(std::string("screen --data ") + Path(data) + " --policy redemption-2020 --as-of " + as_of +
                              " -o " + Path(std::string("screen-") + data));
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    db_ = Path("cases.db");
  }
  clemency::testing_support::CommandRun Cases(const std::string& args) { return Clemency("cases " + args); }
  std::string db_;
};

TEST_F(CasesCli, InitSyncAdvanceReportPacketAndSyncAgain) {
  auto r = Cases("init --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(stat(db_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  r = Cases("sync --db " + db_ + " --screening " + Path("screen-a"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("5 new cases at identified"));  // L, U, X, G eligible; S needs review

  r = Cases("advance --db " + db_ + " --person L --to contacted --by ann --why 'letter 12' --on 2020-02-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("person L: event 2: contacted on 2020-02-01"));
  r = Cases("advance --db " + db_ + " --person L --to released --by ann --why x --on 2020-03-01");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("a case at contacted cannot move to released"));
  EXPECT_THAT(r.err, HasSubstr("nothing recorded"));
  r = Cases("advance --db " + db_ + " --person NOBODY --to contacted --by ann --why x");
  EXPECT_EQ(r.exit_code, 2);
  r = Cases("advance --db " + db_ + " --person G --to decided --by ann --why x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("decided needs --outcome granted, denied or withdrawn"));

  WriteAt("plan.json", R"({"target": 50, "start": "2020-01-01", "horizon_years": 2, "other": [1],
      "jurisdictions": [{"jurisdiction": "CA", "assumed_grant_rate": 0.3, "expected_releases_by_year": [5, 10]}],
      "expected_cumulative_by_year": [5, 15]})");
  r = Cases("report --db " + db_ + " -o " + Path("rep") + " --as-of 2020-06-01 --plan " + Path("plan.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"cases.csv", "funnel.csv", "cases.xlsx", "report.html", "manifest.json"})
    EXPECT_TRUE(fs::exists(dir_ / "rep" / f)) << f;
  const std::string cases_csv = Slurp(dir_ / "rep/cases.csv");
  EXPECT_THAT(cases_csv, HasSubstr(",L,CA,contacted,,2020-02-01,,eligible,older,"));
  EXPECT_THAT(Slurp(dir_ / "rep/funnel.csv"), HasSubstr("CA,identified,4,5\n"));
  const std::string report = Slurp(dir_ / "rep/report.html");
  EXPECT_THAT(report, HasSubstr("Progress against the plan"));
  EXPECT_THAT(report, HasSubstr("default-src 'none'"));
  EXPECT_THAT(report, Not(HasSubstr("http://")));
  EXPECT_THAT(report, Not(HasSubstr("https://")));
  EXPECT_FALSE(std::regex_search(report, std::regex("(src|href)\\s*=\\s*\"(?!#)")));

  r = Cases("packet --db " + db_ + " --screening " + Path("screen-a") + " --data " + Path("a") + " --person L -o " +
            Path("L.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string packet = Slurp(dir_ / "L.html");
  EXPECT_THAT(packet, HasSubstr("Redemption Campaign group 4"));  // the older group's citation (policy.json)
  EXPECT_THAT(packet, HasSubstr("CA:PC 211 2nd"));                // the sentence
  EXPECT_THAT(packet, HasSubstr("To be completed by counsel: statement of rehabilitation"));
  EXPECT_THAT(packet, HasSubstr("class=\"fill"));
  EXPECT_THAT(packet, HasSubstr("letter 12"));  // the case's history
  EXPECT_THAT(packet, HasSubstr("@media print"));
  EXPECT_THAT(packet, HasSubstr("default-src 'none'"));
  EXPECT_THAT(packet, Not(HasSubstr("http://")));
  EXPECT_THAT(packet, Not(HasSubstr("https://")));
  EXPECT_FALSE(std::regex_search(packet, std::regex("(src|href)\\s*=\\s*\"(?!#)")));

  r = Cases("packet --db " + db_ + " --screening " + Path("screen-a") + " --stage identified -o " + Path("packets"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "packets/U.html"));
  EXPECT_FALSE(fs::exists(dir_ / "packets/L.html"));  // L is at contacted

  r = Cases("sync --db " + db_ + " --screening " + Path("screen-b"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1 flagged left_prison"));  // L
  r = Cases("report --db " + db_ + " -o " + Path("rep") + " --as-of 2021-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Slurp(dir_ / "rep/cases.csv"), HasSubstr(",L,CA,contacted,,2020-02-01,left_prison,,,"));
  EXPECT_THAT(Slurp(dir_ / "rep/cases.csv"), HasSubstr(",X,CA,identified,,2020-01-01,no_longer_eligible,not_eligible,"));
}

TEST_F(CasesCli, ANewerSchemaOrNoDatabaseIsRefused) {
  auto r = Cases("sync --db " + db_ + " --screening " + Path("screen-a"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("create it with clemency cases init"));
  EXPECT_FALSE(fs::exists(db_));
  ASSERT_EQ(Cases("init --db " + db_).exit_code, 0);
  {
    std::string error;
    auto store = clemency::OpenCaseStore(db_, false, &error);
    ASSERT_NE(store, nullptr) << error;
    store->Query("INSERT INTO schema_version (version, description, applied_at) VALUES (7, 'future', 'x')");
  }
  r = Cases("report --db " + db_ + " -o " + Path("rep"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("newer than this clemency's"));
  EXPECT_FALSE(fs::exists(dir_ / "rep"));
}

TEST_F(CasesCli, TheSamePipelineOnPostgreSQL) {
  const clemency::testing_support::PgServer server;
  ASSERT_TRUE(server.ok()) << server.error();  // a missing server fails, never skips
  ASSERT_TRUE(server.Psql("CREATE DATABASE cli"));
  const std::string url = "'" + server.Url("cli") + "'";
  auto r = Cases("init --db " + url);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Cases("sync --db " + url + " --screening " + Path("screen-a"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("5 new cases at identified"));
  r = Cases("advance --db " + url + " --person L --to contacted --by ann --why 'letter 12' --on 2020-02-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Cases("advance --db " + url + " --person L --to released --by ann --why x --on 2020-03-01");
  EXPECT_EQ(r.exit_code, 2);
  r = Cases("report --db " + url + " -o " + Path("rep") + " --as-of 2020-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Slurp(dir_ / "rep/cases.csv"), HasSubstr(",L,CA,contacted,,2020-02-01,,eligible,older,"));
}

TEST_F(CasesCli, AStepWhileAWaitingPeriodRunsIsRecordedWithAWarning) {
  // The fixture clocks (tests/data/clocks/WY.toml) laid over the rules as CA's: a one-year wait after a denial.
  std::string clocks = Slurp(std::string(CLEMENCY_TEST_DATA) + "/clocks/WY.toml");
  clocks.replace(clocks.find("jurisdiction = \"WY\""), 19, "jurisdiction = \"CA\"");
  WriteAt("myrules/clocks/CA.toml", clocks);
  const std::string rules = " --rules " + Path("myrules");
  ASSERT_EQ(Cases("init --db " + db_).exit_code, 0);
  ASSERT_EQ(Cases("sync --db " + db_ + " --screening " + Path("screen-a")).exit_code, 0);
  for (const char* step : {"contacted --on 2020-02-01", "petition_drafted --on 2020-02-02", "filed --on 2020-03-01",
                           "decided --outcome denied --on 2020-04-01"}) {
    const auto r = Cases("advance --db " + db_ + " --person U --by ann --why x --to " + step + rules);
    ASSERT_EQ(r.exit_code, 0) << step << r.err;
  }
  auto r = Cases("advance --db " + db_ + " --person U --by ann --why again --to filed --on 2020-10-01" + rules);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("warning: clock reapply_after_denial (waiting_period, Test Code 2) runs until 2021-04-01"));
  r = Cases("report --db " + db_ + " -o " + Path("rep") + " --as-of 2020-12-31" + rules);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Slurp(dir_ / "rep/cases.csv"), HasSubstr(",U,CA,filed,,2020-10-01,,eligible,older,decision_deadline: "
                                                       "the board's decision,2020-12-30,decision_deadline\n"));
  EXPECT_THAT(r.out, HasSubstr("1 overdue clocks"));
}

TEST_F(CasesCli, AnUnreachableServerIsAUsageErrorThatShowsNoPassword) {
  const auto r = Cases("init --db 'postgresql://ann:s3cret@127.0.0.1:1/cases?connect_timeout=2'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot connect to PostgreSQL"));
  EXPECT_THAT(r.err, Not(HasSubstr("s3cret")));
  // A server that answers, a database that does not exist: the message names the database, not the password.
  const clemency::testing_support::PgServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  const auto missing = Cases("report -o " + Path("rep") + " --db '" + server.Url("nosuchdb") + "&password=s3cret'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nosuchdb"));
  EXPECT_THAT(missing.err, Not(HasSubstr("s3cret")));
}

}  // namespace
