// End-to-end tests of `clemency diff` (docs/diff.md): two small populations
// screened with redemption-2020 a year apart by the built binary, then
// compared. Every change kind appears once; the files are byte-identical
// across runs; different rules give a warning; bad inputs give exit 2 or 3
// with the file and line, and nothing is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "clemency/io/output_dir.h"
#include "support/cli_fixture.h"

namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

using clemency::testing_support::CommandRun;
using clemency::testing_support::RunClemency;
using clemency::testing_support::Slurp;

// Baseline 2020-01-01 and current 2021-01-01. L leaves; N and M arrive; E and G
// turn 55 (E becomes eligible as older, G adds older to drug); X gets five
// infractions (excluded); S's unknown admission type becomes known; U and V
// stay as they were.
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
    "N,CA,1980-01-01,M,white,2020-06-01,new_sentence,0\n"
    "M,CA,1995-01-01,F,white,2020-07-01,new_sentence,0\n";
constexpr const char* kSentencesB =
    "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
    "U,1,CA:PC 211 2nd,2004-12-01,determinate,7300,active\n"
    "X,1,CA:PC 211 2nd,2007-12-01,determinate,5475,active\n"
    "G,1,CA:HS 11351,2014-12-01,determinate,1460,active\n"
    "E,1,CA:PC 211 2nd,2011-12-01,determinate,5475,active\n"
    "S,1,CA:PC 211 2nd,2017-12-01,determinate,1825,active\n"
    "V,1,CA:PC 211 2nd,2015-12-01,determinate,3650,active\n"
    "N,1,CA:HS 11351,2020-05-01,determinate,1460,active\n"
    "M,1,CA:PC 211 2nd,2020-06-01,determinate,1825,active\n";

constexpr const char* kExpectedChanges =
    "person_id,change,status_before,status_after,groups_before,groups_after,excluded_by_before,excluded_by_after,"
    "rank_before,rank_after\n"
    "E,became_eligible,not_eligible,eligible,,older,,,,2\n"
    "G,groups_changed,eligible,eligible,drug,older;drug,,,4,3\n"
    "L,left,eligible,,older,,,,1,\n"
    "M,arrived,,not_eligible,,,,,,\n"
    "N,arrived,,eligible,,drug,,,,4\n"
    "S,status_changed,needs_review,not_eligible,,,,,5,\n"
    "U,unchanged,eligible,eligible,older,older,,,2,1\n"
    "V,unchanged,not_eligible,not_eligible,,,,,,\n"
    "X,no_longer_eligible,eligible,not_eligible,older,older,,recent_misconduct,3,\n";

class DiffCliTest : public clemency::testing_support::CliFixture {
 protected:
  void SetUp() override {
    CliFixture::SetUp();
    Write("a/people.csv", kPeopleA);
    Write("a/sentences.csv", kSentencesA);
    Write("b/people.csv", kPeopleB);
    Write("b/sentences.csv", kSentencesB);
  }
  void Write(const std::string& name, const std::string& text) { WriteAt(name, text); }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  // After editing a screening folder by hand: a manifest.json that matches
  // it again, so the edit reaches the reader's own checks.
  void Reseal(const std::string& name) {
    std::string error;
    ASSERT_TRUE(clemency::WriteManifest(P(name), {"screen", "", {}}, &error)) << error;
  }
  // Screens a/ into sa/ and b/ into sb/; extra goes to b's screen command.
  void ScreenBoth(const std::string& extra_b = "") {
    CommandRun r = Clemency("screen --data " + P("a") + " --policy redemption-2020 --as-of 2020-01-01 -o " + P("sa"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = Clemency("screen --data " + P("b") + " --policy redemption-2020 --as-of 2021-01-01 -o " + P("sb") + extra_b);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  CommandRun Diff(const std::string& a, const std::string& b, const std::string& out) {
    return Clemency("diff --baseline " + P(a) + " --current " + P(b) + " -o " + P(out));
  }
};

TEST_F(DiffCliTest, EveryChangeKindCountsAndSummary) {
  ScreenBoth();
  const CommandRun r = Diff("sa", "sb", "d");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Slurp(dir_ / "d" / "changes.csv"), kExpectedChanges);
  EXPECT_EQ(r.out,
            "7 people before (as of 2020-01-01), 8 after (as of 2021-01-01): 1 left, 2 arrived, 6 in both\n"
            "eligible 4 -> 4: 2 stayed eligible, 1 left prison, 1 no longer eligible; 2 newly eligible "
            "(1 already there, 1 arrived)\n"
            "in both: 1 became eligible, 1 no longer eligible, 1 other status changes, 1 groups changed, "
            "2 unchanged\n"
            "wrote " + P("d") + "/changes.csv and " + P("d") + "/diff.json\n");
  const std::string json = Slurp(dir_ / "d" / "diff.json");
  for (const char* s :
       {R"("people": {
    "before": 7,
    "after": 8,
    "in_both": 6,
    "left": 1,
    "arrived": 2
  })",
        R"("changes": {
    "arrived": 2,
    "left": 1,
    "became_eligible": 1,
    "no_longer_eligible": 1,
    "status_changed": 1,
    "groups_changed": 1,
    "unchanged": 2
  })",
        R"("eligible": {
    "before": 4,
    "after": 4,
    "stayed": 2,
    "left_prison": 1,
    "lost_eligibility": 1,
    "newly_eligible": 2,
    "newly_eligible_already_there": 1,
    "newly_eligible_arrived": 1
  })",
        R"("same_rules": true)", R"("as_of": "2020-01-01")", R"("as_of": "2021-01-01")",
        R"("policy": "redemption-2020")", R"("min_age": "55 years")"})
    EXPECT_THAT(json, HasSubstr(s));
  EXPECT_THAT(json, Not(HasSubstr("warning")));
  EXPECT_FALSE(fs::exists(dir_ / "d" / "changes.csv.partial"));
}

TEST_F(DiffCliTest, ByteIdenticalAcrossRuns) {
  ScreenBoth();
  ASSERT_EQ(Diff("sa", "sb", "d1").exit_code, 0);
  ASSERT_EQ(Diff("sa", "sb", "d2").exit_code, 0);
  EXPECT_EQ(Slurp(dir_ / "d1" / "changes.csv"), Slurp(dir_ / "d2" / "changes.csv"));
  EXPECT_EQ(Slurp(dir_ / "d1" / "diff.json"), Slurp(dir_ / "d2" / "diff.json"));
  const std::string first = Slurp(dir_ / "d1" / "diff.json");
  ASSERT_EQ(Diff("sa", "sb", "d1").exit_code, 0);  // over an existing output
  EXPECT_EQ(Slurp(dir_ / "d1" / "diff.json"), first);
}

TEST_F(DiffCliTest, DifferentParametersWarn) {
  ScreenBoth(" --set 'min_age=60 years'");
  const CommandRun r = Diff("sa", "sb", "d");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("clemency diff: warning: the two screenings used different rules; a change may come "
                               "from the rules, not from the people:\n"));
  EXPECT_THAT(r.err, HasSubstr("\n  parameters.min_age: \"55 years\" before, \"60 years\" after\n"
                               "  overrides.min_age: (none) before, \"60 years\" after\n"));
  const std::string json = Slurp(dir_ / "d" / "diff.json");
  EXPECT_THAT(json, HasSubstr(R"("same_rules": false)"));
  EXPECT_THAT(json, HasSubstr(R"("warning": "the two screenings used different rules)"));
  // At 60, E does not become eligible and G stays in drug only.
  EXPECT_THAT(Slurp(dir_ / "d" / "changes.csv"), HasSubstr("\nE,unchanged,not_eligible,not_eligible,"));
}

TEST_F(DiffCliTest, DifferentPolicyWarns) {
  CommandRun r = Clemency("screen --data " + P("a") + " --policy redemption-2020 --as-of 2020-01-01 -o " + P("sa"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Clemency("screen --data " + P("b") + " --policy cdcr-covid-2020 --as-of 2021-01-01 -o " + P("sb"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Diff("sa", "sb", "d");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("  policy: redemption-2020 before, cdcr-covid-2020 after\n"));
}

TEST_F(DiffCliTest, MissingDirectoryIsAUsageError) {
  ScreenBoth();
  const CommandRun r = Diff("nowhere", "sb", "d");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "clemency diff: --baseline " + P("nowhere") +
                       ": not a directory (expected an output directory of `clemency screen`)\n");
  EXPECT_FALSE(fs::exists(dir_ / "d"));
  EXPECT_EQ(Clemency("diff --baseline " + P("sa") + " -o " + P("d")).exit_code, 2);  // --current missing
}

TEST_F(DiffCliTest, MissingFileIsBadData) {
  ScreenBoth();
  fs::remove(dir_ / "sb" / "summary.json");
  Reseal("sb");
  const CommandRun r = Diff("sa", "sb", "d");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "clemency diff: --current " + P("sb/summary.json") + ": no such file (is " + P("sb") +
                       " an output directory of `clemency screen`?)\n");
  EXPECT_FALSE(fs::exists(dir_ / "d"));
}

TEST_F(DiffCliTest, WrongHeaderIsBadData) {
  ScreenBoth();
  Write("sa/screening.csv", "id,status\nA,eligible\n");
  Reseal("sa");
  const CommandRun r = Diff("sa", "sb", "d");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(P("sa/screening.csv") + ":1: not a screening.csv header: no column \"person_id\""));
  EXPECT_FALSE(fs::exists(dir_ / "d"));
}

TEST_F(DiffCliTest, DuplicatePersonIsBadDataAndKeepsOldOutput) {
  ScreenBoth();
  ASSERT_EQ(Diff("sa", "sb", "d").exit_code, 0);
  std::string csv = Slurp(dir_ / "sb" / "screening.csv");
  csv += csv.substr(csv.find('\n') + 1, csv.find('\n', csv.find('\n') + 1) - csv.find('\n'));  // repeat row 2
  Write("sb/screening.csv", csv);
  Reseal("sb");
  const CommandRun r = Diff("sa", "sb", "d");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(P("sb/screening.csv") + ":10: duplicate person_id \"U\" (first on line 2)"));
  EXPECT_EQ(Slurp(dir_ / "d" / "changes.csv"), kExpectedChanges);  // the earlier run's file, untouched
  for (const auto& e : fs::directory_iterator(dir_ / "d"))
    EXPECT_EQ(e.path().extension(), e.path().filename() == "changes.csv" ? ".csv" : ".json");
}

// Issue 10: a folder is trusted only as one whole run, checked against its manifest.json.
TEST_F(DiffCliTest, RefusesAMixedFolder) {
  ScreenBoth(" --set 'min_age=60 years'");
  fs::copy_file(dir_ / "sb" / "screening.csv", dir_ / "sa" / "screening.csv", fs::copy_options::overwrite_existing);
  const CommandRun r = Diff("sa", "sb", "d");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("clemency diff: --baseline " + P("sa") + ": does not match its manifest, not trusted: " +
                               P("sa") + "/screening.csv: "));
  EXPECT_FALSE(fs::exists(dir_ / "d"));
}

TEST_F(DiffCliTest, RefusesALeftoverPartialFile) {
  ScreenBoth();
  Write("sb/reasons.jsonl.partial-x1y2z3", "{}\n");
  const CommandRun r = Diff("sa", "sb", "d");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(P("sb") + "/reasons.jsonl.partial-x1y2z3: not in manifest.json (a partial file left by "
                                         "an interrupted run)"));
}

TEST_F(DiffCliTest, RefusesAFolderWithoutManifest) {
  ScreenBoth();
  fs::remove(dir_ / "sa" / "manifest.json");
  const CommandRun r = Diff("sa", "sb", "d");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr("clemency diff: --baseline " + P("sa") + ": no manifest.json"));
  EXPECT_THAT(r.err, HasSubstr("re-run clemency screen"));
}

}  // namespace
