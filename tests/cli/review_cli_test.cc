// End-to-end tests of what `clemency screen` and `explain` say they cannot
// decide (issue 9): the review_reason column, "review" in reasons.jsonl,
// review_triage and data_coverage in summary.json and the printout, and
// --assume (fills only missing values, recorded, marked, usage errors).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/cli_fixture.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;
using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

class ReviewCliTest : public clemency::testing_support::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    // A: drug possession, infractions not recorded; D: drug possession, 7
    // infractions (more than redemption-2020's 3); E: LWOP, not eligible.
    // admission_type is recorded for all, so only infractions_5y is missing.
    std::ofstream(dir_ / "data" / "people.csv")
        << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y\n"
           "A,CA,1980-05-01,F,black,2015-01-01,new_sentence,\n"
           "D,CA,1981-05-01,M,white,2016-01-01,new_sentence,7\n"
           "E,CA,1960-05-01,M,white,2000-01-01,new_sentence,\n";
    std::ofstream(dir_ / "data" / "sentences.csv")
        << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
           "A,1,CA:HS 11350(a),2014-12-01,determinate,4000,active\n"
           "D,1,CA:HS 11350(a),2015-12-01,determinate,4000,active\n"
           "E,1,CA:PC 187 1st,1999-12-01,lwop,,active\n";
  }
  std::string Inputs(const std::string& more = "") {
    return "--data " + (dir_ / "data").string() + " --policy redemption-2020 --as-of 2025-01-01 " + more;
  }
  // The line of reasons.jsonl (or screening.csv) that starts with `prefix`.
  static std::string LineStarting(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      if (line.rfind(prefix, 0) == 0) return line;
    return "";
  }
};

TEST_F(ReviewCliTest, ScreenNamesTheFactsThatWouldDecideEachNeedsReviewPerson) {
  const CommandRun r = Clemency("screen " + Inputs("-o " + (dir_ / "o").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = Slurp(dir_ / "o" / "screening.csv");
  EXPECT_THAT(csv.substr(0, csv.find('\n')), ::testing::EndsWith(",facility_id,review_reason"));
  EXPECT_THAT(LineStarting(csv, "A,"), ::testing::StartsWith("A,needs_review,"));
  EXPECT_THAT(LineStarting(csv, "A,"), ::testing::EndsWith(",infractions_5y"));
  EXPECT_THAT(LineStarting(csv, "D,"), ::testing::StartsWith("D,not_eligible,drug,recent_misconduct,"));
  EXPECT_THAT(LineStarting(csv, "D,"), ::testing::EndsWith(","));  // decided: no review reason

  const std::string reasons = Slurp(dir_ / "o" / "reasons.jsonl");
  const auto a = nlohmann::json::parse(LineStarting(reasons, "{\"person_id\":\"A\""));
  EXPECT_EQ(a["review"], nlohmann::json::array({"infractions_5y"}));
  const auto d = nlohmann::json::parse(LineStarting(reasons, "{\"person_id\":\"D\""));
  EXPECT_EQ(d["review"], nlohmann::json::array());

  const auto summary = nlohmann::json::parse(Slurp(dir_ / "o" / "summary.json"));
  const auto& triage = summary["review_triage"];
  EXPECT_EQ(triage["needs_review"], 1);
  ASSERT_EQ(triage["groups"].size(), 1u);
  EXPECT_EQ(triage["groups"][0]["facts"], nlohmann::json::array({"infractions_5y"}));
  EXPECT_EQ(triage["groups"][0]["people"], 1);
  EXPECT_EQ(triage["by_fact"]["infractions_5y"]["alone"], 1);
  // infractions_5y is recorded for D: a gap of 2 of 3 people, not absent from the data.
  const auto& coverage = summary["data_coverage"];
  EXPECT_TRUE(coverage["absent_from_data"].empty()) << coverage.dump(1);
  ASSERT_EQ(coverage["gaps"].size(), 1u) << coverage.dump(1);
  EXPECT_EQ(coverage["gaps"][0]["fact"], "infractions_5y");
  EXPECT_EQ(coverage["gaps"][0]["missing"], 2);
  EXPECT_EQ(coverage["gaps"][0]["people"], 3);
  EXPECT_EQ(summary["suggested_assumptions"][0]["fact"], "infractions_5y");
  EXPECT_EQ(summary["suggested_assumptions"][0]["applied"], false);
  EXPECT_TRUE(summary["manifest"]["assumptions"].empty());

  EXPECT_THAT(r.out, HasSubstr("review triage: what would decide the 1 person who needs review:\n"
                               "  1 undecided only because infractions_5y is unknown\n"));
  EXPECT_THAT(r.out, HasSubstr("infractions_5y is missing for 2 of 3 people in CA: 1 needs_review decision hangs on it, 1 on it alone"));
  EXPECT_THAT(r.out, HasSubstr("suggested by the policy, not applied: --assume infractions_5y=0"));
}

TEST_F(ReviewCliTest, AFactNoPersonHasIsAbsentFromTheData) {
  std::ofstream(dir_ / "data" / "people.csv")
      << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type\n"
         "A,CA,1980-05-01,F,black,2015-01-01,new_sentence\n"
         "D,CA,1981-05-01,M,white,2016-01-01,new_sentence\n"
         "E,CA,1960-05-01,M,white,2000-01-01,new_sentence\n";
  const CommandRun r = Clemency("screen " + Inputs("-o " + (dir_ / "o").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "o" / "summary.json"));
  const auto& absent = summary["data_coverage"]["absent_from_data"];
  ASSERT_EQ(absent.size(), 1u) << summary["data_coverage"].dump(1);
  EXPECT_EQ(absent[0]["fact"], "infractions_5y");
  EXPECT_EQ(absent[0]["jurisdiction"], "CA");
  EXPECT_EQ(absent[0]["people"], 3);
  EXPECT_EQ(absent[0]["needs_review"], 2);
  EXPECT_TRUE(summary["data_coverage"]["gaps"].empty());
  EXPECT_THAT(r.out, HasSubstr("  2 undecided only because infractions_5y is absent from the data\n"));
  EXPECT_THAT(r.out, HasSubstr("  infractions_5y is absent from the data for CA (all 3 people): 2 needs_review decisions hang on it, 2 on it alone\n"));
}

TEST_F(ReviewCliTest, AssumeFillsOnlyMissingValuesAndIsRecordedAndMarked) {
  const CommandRun r = Clemency("screen " + Inputs("--assume infractions_5y=0 -o " + (dir_ / "o").string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = Slurp(dir_ / "o" / "screening.csv");
  EXPECT_THAT(LineStarting(csv, "A,"), ::testing::StartsWith("A,eligible,drug,,"));
  // D's recorded 7 is never overridden: still excluded.
  EXPECT_THAT(LineStarting(csv, "D,"), ::testing::StartsWith("D,not_eligible,drug,recent_misconduct,"));
  const std::string reasons = Slurp(dir_ / "o" / "reasons.jsonl");
  EXPECT_THAT(LineStarting(reasons, "{\"person_id\":\"A\""), HasSubstr("\"infractions_5y\":\"0 (assumed: --assume)\""));
  EXPECT_THAT(LineStarting(reasons, "{\"person_id\":\"D\""), HasSubstr("\"infractions_5y\":\"7\""));
  EXPECT_THAT(reasons, Not(HasSubstr("\"7 (assumed")));
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "o" / "summary.json"));
  const auto& assumed = summary["manifest"]["assumptions"];
  ASSERT_EQ(assumed.size(), 1u);
  EXPECT_EQ(assumed[0]["fact"], "infractions_5y");
  EXPECT_EQ(assumed[0]["value"], "0");
  EXPECT_EQ(assumed[0]["filled"], 2);  // A and E
  EXPECT_EQ(summary["suggested_assumptions"][0]["applied"], true);
  EXPECT_THAT(r.out, HasSubstr("assumed: infractions_5y = 0 (--assume) for the 2 people whose data lacks it"));

  const CommandRun explain = Clemency("explain " + Inputs("--assume infractions_5y=0 --person A"));
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_THAT(explain.out, HasSubstr("infractions_5y: 0 (assumed: --assume)"));
  EXPECT_THAT(explain.out, HasSubstr("Assumed: infractions_5y = 0 (--assume)."));
  const CommandRun json = Clemency("explain " + Inputs("--assume infractions_5y=0 --person D --json"));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"infractions_5y\":\"7\""));
}

TEST_F(ReviewCliTest, AssumeUsageErrorsExit2AndWriteNothing) {
  const std::string out = "-o " + (dir_ / "o").string();
  const CommandRun other = Clemency("screen " + Inputs("--assume age=70 " + out));
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_THAT(other.err, HasSubstr("\"age\" cannot be assumed; the facts that can are infractions_5y, medical_high_risk, admission_type"));
  const CommandRun type = Clemency("screen " + Inputs("--assume infractions_5y=many " + out));
  EXPECT_EQ(type.exit_code, 2);
  EXPECT_THAT(type.err, HasSubstr("infractions_5y=many: expected a whole number, 0 or more"));
  EXPECT_EQ(Clemency("screen " + Inputs("--assume admission_type=parole " + out)).exit_code, 2);
  EXPECT_EQ(Clemency("screen " + Inputs("--assume medical_high_risk=maybe " + out)).exit_code, 2);
  EXPECT_EQ(Clemency("screen " + Inputs("--assume infractions_5y " + out)).exit_code, 2);
  EXPECT_EQ(Clemency("screen " + Inputs("--assume infractions_5y=0 --assume infractions_5y=1 " + out)).exit_code, 2);
  EXPECT_EQ(Clemency("explain " + Inputs("--assume age=70 --person A")).exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "o" / "screening.csv"));
}

TEST_F(ReviewCliTest, ExplainSaysWhatWouldDecideAndShowsParameterValuesNotNames) {
  const CommandRun r = Clemency("explain " + Inputs("--person A"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("would be decided by: infractions_5y\n"));
  EXPECT_THAT(r.out, HasSubstr("More disciplinary convictions in the last five years than 3."));
  EXPECT_THAT(r.out, HasSubstr("rule:     infractions_5y > 3\n"));
  EXPECT_THAT(r.out, HasSubstr("setting:  3: Exclude people with more than this many disciplinary convictions"));
  EXPECT_THAT(r.out, Not(HasSubstr("params.")));
  const CommandRun set = Clemency("explain " + Inputs("--set max_infractions_5y=5 --person A"));
  EXPECT_THAT(set.out, HasSubstr("rule:     infractions_5y > 5\n"));
}

TEST_F(ReviewCliTest, CheckTypeChecksSuggestedAssumptions) {
  const std::string head = "id = \"p\"\ntitle = \"p\"\ncitation = \"c\"\neligibility = \"infractions_5y < 2\"\npriority = \"0\"\n";
  std::ofstream(dir_ / "good.toml") << head << "[[assumptions]]\nfact = \"infractions_5y\"\nvalue = 0\nreason = \"r\"\n";
  const CommandRun good = Clemency("check " + (dir_ / "good.toml").string());
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  std::ofstream(dir_ / "fact.toml") << head << "[[assumptions]]\nfact = \"age\"\nvalue = 0\nreason = \"r\"\n";
  const CommandRun fact = Clemency("check " + (dir_ / "fact.toml").string());
  EXPECT_EQ(fact.exit_code, 4);
  EXPECT_THAT(fact.out + fact.err, HasSubstr("fact.toml:6:1: assumption: \"age\" cannot be assumed"));
  std::ofstream(dir_ / "type.toml") << head << "[[assumptions]]\nfact = \"medical_high_risk\"\nvalue = \"often\"\nreason = \"r\"\n";
  const CommandRun type = Clemency("check " + (dir_ / "type.toml").string());
  EXPECT_EQ(type.exit_code, 4);
  EXPECT_THAT(type.out + type.err, HasSubstr("type.toml:8:9: assumption medical_high_risk=often: expected true or false"));
}

}  // namespace
