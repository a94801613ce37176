// clemency simulate end to end (issue 13): its files, planned releases,
// actual counts, determinism across threads, and its errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/cli_fixture.h"

namespace {

using ::testing::HasSubstr;
using clemency::testing_support::CommandRun;
using clemency::testing_support::Slurp;
namespace fs = std::filesystem;

// Whether text has this whole line (without printing all of text on failure).
bool HasLine(const std::string& text, const std::string& line) { return text.find("\n" + line + "\n") != std::string::npos; }

class SimulateCliTest : public clemency::testing_support::CliFixture {
 protected:
  // Four Californians: A and B leave on their projected dates, C serves life
  // without parole, D has no projected date.
  void SetUp() override {
    CliFixture::SetUp();
    WriteAt("data/people.csv",
            "person_id,jurisdiction,birth_date,sex,race,admission_date,facility_id\n"
            "A,CA,1960-05-01,M,black,2000-01-01,F1\n"
            "B,CA,1990-05-01,F,white,2020-01-01,F1\n"
            "C,CA,1950-05-01,M,hispanic,1990-01-01,F2\n"
            "D,CA,1980-05-01,M,white,2015-01-01,F2\n");
    WriteAt("data/sentences.csv",
            "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status,projected_release_date\n"
            "A,1,CA:HS 11351,1999-12-01,determinate,12000,active,2032-11-01\n"
            "B,1,CA:PC 459,2019-12-01,determinate,3650,active,2029-06-15\n"
            "C,1,CA:PC 187,1989-12-01,lwop,,active,\n"
            "D,1,CA:PC 211,2014-12-01,determinate,7300,active,\n");
    WriteAt("data/facilities.csv",
            "facility_id,name,jurisdiction,design_capacity,housing\nF1,One,CA,2,cell\nF2,Two,CA,1,dorm\n");
    WriteAt("planned.csv", "person_id,date\nA,2026-03-10\nC,2026-02-01\n");
    WriteAt("actuals.csv", "month,population\n2026-02,4\n2026-03,3\n");
  }
  std::string Simulate(const std::string& out, const std::string& more = "") const {
    return "simulate --data " + Path("data") + " --releases " + Path("planned.csv") +
           " --as-of 2026-01-15 --years 2 --replicates 50 --seed 7 -o " + Path(out) + " " + more;
  }
};

TEST_F(SimulateCliTest, PlannedReleasesWriteTheThreeFilesAndTraceToPeople) {
  const CommandRun r = Clemency(Simulate("out", "--actuals " + Path("actuals.csv")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = Slurp(dir_ / "out" / "projection.csv");
  EXPECT_THAT(csv, ::testing::StartsWith("month,scenario,metric,group,mean,p05,p95\n"));
  // Today everyone is in; the plan releases C in month 1 (February) and A in
  // month 2. Returns after release are drawn, so later months vary, and so
  // do admissions (4 of CA's 97,483 people: 0.1 a month), which the group
  // figures share out by the roster's mix (nobody admitted in the last two
  // years, so the whole roster's: a quarter Hispanic).
  for (const char* line : {"2026-01,scenario,population,race:hispanic,1.00,1.00,1.00",
                           "2026-01,baseline,population,age:65_plus,2.00,2.00,2.00",
                           "2026-02,scenario,clemency_releases,all,1.00,1.00,1.00",
                           "2026-03,scenario,clemency_releases,all,1.00,1.00,1.00",
                           "2026-04,scenario,clemency_releases,all,0.00,0.00,0.00",
                           "2026-02,scenario,population_reduction,all,1.00,1.00,1.00",
                           "2026-01,baseline,percent_of_design_capacity,facility:F1,100.00,100.00,100.00",
                           "2026-01,baseline,percent_of_design_capacity,facility:F2,200.00,200.00,200.00",
                           "2026-03,actual,population,all,3.00,3.00,3.00"})
    EXPECT_TRUE(HasLine(csv, line)) << line;
  // Return within 3 years, by hand from rules/recidivism: A is 65 at release,
  // drug: 48.6 x (31.3 / 48.6) x (47.6 / 48.6) = 30.7 %; C is 75, violent:
  // 48.6 x (31.3 / 48.6) x (44.6 / 48.6) = 28.7 %.
  EXPECT_EQ(Slurp(dir_ / "out" / "releases.csv"),
            "person_id,plan_order,status,probability_released,release_month_earliest,release_month_mean,"
            "release_month_latest,baseline_release,return_within_3y\n"
            "A,1,planned,1.000,2026-03,2026-03,2026-03,2032-11,0.307\n"
            "C,2,planned,1.000,2026-02,2026-02,2026-02,not released,0.287\n");
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "out" / "projection_summary.json"));
  EXPECT_EQ(summary["parameters"]["replicates"], 50);
  EXPECT_EQ(summary["baseline_release"]["not_released_lwop_or_death"], 1);
  EXPECT_EQ(summary["baseline_release"]["drawn_from_sentence"], 1);
  EXPECT_EQ(summary["hashes"]["inputs"].size(), 3u);
  EXPECT_EQ(summary["actuals"]["months_compared"], 2);
  EXPECT_EQ(summary["jurisdictions"][0]["vote_restoration"], "on_release");
  EXPECT_EQ(summary["admissions_mix"]["race"]["hispanic"], 0.25);
  EXPECT_EQ(summary["admissions_mix"]["people"], 4);
  EXPECT_FALSE(summary["assumptions"].empty());
  EXPECT_THAT(r.out, HasSubstr("2 planned releases, each taking effect"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("list cleared")));
}

TEST_F(SimulateCliTest, TheSameSeedGivesTheSameFilesOnAnyNumberOfThreads) {
  ASSERT_EQ(Clemency(Simulate("one", "--threads 1")).exit_code, 0);
  ASSERT_EQ(Clemency(Simulate("two", "--threads 2")).exit_code, 0);
  for (const char* f : {"projection.csv", "projection_summary.json", "releases.csv"})
    EXPECT_EQ(Slurp(dir_ / "one" / f), Slurp(dir_ / "two" / f)) << f;
}

TEST_F(SimulateCliTest, BadInputsSayWhatAndWhere) {
  WriteAt("bad.csv", "person_id,date\nA,2026-03-10\nZ,2026-04-01\n");
  CommandRun r = Clemency("simulate --data " + Path("data") + " --releases " + Path("bad.csv") +
                          " --as-of 2026-01-15 --years 1 --replicates 5 -o " + Path("o1"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("bad.csv:3: person_id \"Z\" is not in the population"));
  WriteAt("bad-actuals.csv", "month,population\n2026-13,4\n");
  r = Clemency(Simulate("o2", "--actuals " + Path("bad-actuals.csv")));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("bad-actuals.csv:2: month \"2026-13\": expected YYYY-MM"));
  r = Clemency(Simulate("o3", "--grant-rate uniform:0.6,0.2"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("grant rate \"uniform:0.6,0.2\": needs 0 <= LO <= HI <= 1"));
  r = Clemency("simulate --data " + Path("data") + " --releases " + Path("planned.csv") +
               " --as-of 2026-01-15 --years 50 --replicates 100000 -o " + Path("o5"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("lower --replicates or --years"));
  r = Clemency("simulate --data " + Path("data") + " -o " + Path("o4"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("give --policy"));
  EXPECT_FALSE(fs::exists(dir_ / "o1"));
}

TEST_F(SimulateCliTest, APolicysEligiblePeopleGoToTheBoardInRankOrder) {
  const CommandRun synth = Clemency("synth --jurisdiction CA --people 3000 --seed 3 --as-of 2026-01-01 -o " + Path("pop"));
  ASSERT_EQ(synth.exit_code, 0) << synth.err;
  const CommandRun r = Clemency("simulate --data " + Path("pop") + " --policy redemption-2020 --as-of 2026-01-01 "
                                "--years 5 --replicates 40 --board-capacity 20 --grant-rate beta:4,6 --target 100 -o " +
                                Path("out"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "out" / "projection_summary.json"));
  const auto& h = summary["headline"];
  const int queued = h["queued_people"];
  ASSERT_GT(queued, 100);
  // Never more months than one decision per person at 20 a month.
  ASSERT_FALSE(h["months_to_clear_list"]["p95"].is_null());
  EXPECT_LE(h["months_to_clear_list"]["p95"]["month"].get<int>(), (queued + 19) / 20);
  const auto& target = h["target"];
  ASSERT_FALSE(target["p05"].is_null());
  if (!target["p95"].is_null()) {
    EXPECT_LE(target["p05"]["month"].get<int>(), target["p95"]["month"].get<int>());
  }
  EXPECT_GT(target["share_of_replicates_reached"].get<double>(), 0);
  EXPECT_THAT(r.out, HasSubstr("100 clemency releases: "));
  EXPECT_THAT(r.out, HasSubstr("list cleared: month "));
  EXPECT_EQ(summary["parameters"]["grant_rate"], "beta:4,6");
  EXPECT_EQ(summary["hashes"]["policy"].get<std::string>().size(), 64u);
  const std::string releases = Slurp(dir_ / "out" / "releases.csv");
  EXPECT_THAT(releases, HasSubstr(",1,eligible,"));
}

}  // namespace
