// Every worked case in rules/**/*.cases.toml as its own test, named
// worked_<file>.<case id>, so a failure names the case; and tests of the
// runner itself (suite worked_cases_runner).
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "worked_cases.h"

namespace clemency::worked {
namespace {

const std::string kRulesDir = CLEMENCY_TEST_DATA "/../../rules";
const std::string kCasesDir = CLEMENCY_TEST_DATA "/cases";

class WorkedCaseTest : public ::testing::Test {
 public:
  WorkedCaseTest(std::shared_ptr<const CaseFile> file, size_t index) : file_(std::move(file)), index_(index) {}
  void TestBody() override {
    const WorkedCase& c = file_->cases[index_];
    RecordProperty("source", c.source);
    const CaseResult r = RunCase(*file_, c, kRulesDir);
    for (const std::string& f : r.failures) ADD_FAILURE() << f;
    if (!r.failures.empty())
      for (const std::string& n : r.notes) std::cout << n << "\n";
  }

 private:
  std::shared_ptr<const CaseFile> file_;
  size_t index_;
};

class BadCaseFileTest : public ::testing::Test {
 public:
  explicit BadCaseFileTest(std::string error) : error_(std::move(error)) {}
  void TestBody() override { ADD_FAILURE() << error_; }

 private:
  std::string error_;
};

// Registered before main() runs, so that gtest lists one test per case.
const bool kRegistered = [] {
  for (const std::string& path : FindCaseFiles(kRulesDir)) {
    const std::string suite = SuiteName(path, kRulesDir);
    std::string error;
    std::optional<CaseFile> parsed = ParseCaseFile(path, &error);
    if (!parsed) {
      ::testing::RegisterTest(suite.c_str(), "file_parses", nullptr, nullptr, __FILE__, __LINE__,
                              [error]() -> ::testing::Test* { return new BadCaseFileTest(error); });
      continue;
    }
    auto file = std::make_shared<const CaseFile>(std::move(*parsed));
    for (size_t i = 0; i < file->cases.size(); ++i)
      ::testing::RegisterTest(suite.c_str(), file->cases[i].test_name.c_str(), nullptr, nullptr, path.c_str(),
                              file->cases[i].line,
                              [file, i]() -> ::testing::Test* { return new WorkedCaseTest(file, i); });
  }
  return true;
}();

// ----------------------------------------------------------------- the runner

TEST(worked_cases_runner, FindsThePolicyCaseFiles) {
  ASSERT_TRUE(kRegistered);
  const std::vector<std::string> files = FindCaseFiles(kRulesDir);
  for (const char* id : {"cdcr-covid-2020", "fsa-elderly-2018", "ca-elderly-parole", "second-look"}) {
    const std::string want = kRulesDir + "/policies/" + id + ".cases.toml";
    EXPECT_NE(std::find(files.begin(), files.end(), want), files.end()) << want;
  }
  EXPECT_EQ(SuiteName(kRulesDir + "/policies/cdcr-covid-2020.cases.toml", kRulesDir), "worked_policies_cdcr_covid_2020");
}

TEST(worked_cases_runner, AWrongExpectationIsAMismatchNamingTheCase) {
  std::string error;
  const auto file = ParseCaseFile(kCasesDir + "/wrong-expectation.cases.toml", &error);
  ASSERT_TRUE(file) << error;
  ASSERT_EQ(file->cases.size(), 2u);
  // The right expectation passes.
  const CaseResult right = RunCase(*file, file->cases[0], kRulesDir);
  EXPECT_TRUE(right.failures.empty()) << (right.failures.empty() ? "" : right.failures[0]);
  // The deliberately wrong one is reported, with the file, the line and the case.
  const CaseResult wrong = RunCase(*file, file->cases[1], kRulesDir);
  ASSERT_EQ(wrong.failures.size(), 3u);
  const std::string prefix = kCasesDir + "/wrong-expectation.cases.toml:";
  EXPECT_EQ(wrong.failures[0], prefix + "37:6: case \"deliberately-wrong\": status is not_eligible, expected eligible");
  EXPECT_EQ(wrong.failures[1], prefix + "37:6: case \"deliberately-wrong\": groups met are [], expected [older]");
  EXPECT_EQ(wrong.failures[2], prefix + "37:6: case \"deliberately-wrong\": is_older is false, expected true");
  EXPECT_FALSE(wrong.notes.empty());  // the rule results, to see why
}

TEST(worked_cases_runner, CompareCaseCoversEveryExpectation) {
  std::string error;
  auto file = ParseCaseFile(kCasesDir + "/wrong-expectation.cases.toml", &error);
  ASSERT_TRUE(file) << error;
  WorkedCase c = file->cases[0];  // born 1950, as of 2025-01-01: older, eligible
  c.expect.excluded_by = std::vector<std::string>{"lwop_or_death"};
  c.expect.criteria["eligibility"] = "unknown";
  c.expect.criteria["no_such_rule"] = "true";
  c.expect.has_eligible_on = true;
  c.expect.eligible_on = "2030-01-01";
  file->cases[0] = c;
  const CaseResult r = RunCase(*file, file->cases[0], kRulesDir);
  ASSERT_EQ(r.failures.size(), 4u);
  EXPECT_NE(r.failures[0].find("excluded_by is [], expected [lwop_or_death]"), std::string::npos) << r.failures[0];
  EXPECT_NE(r.failures[1].find("eligibility is true, expected unknown"), std::string::npos) << r.failures[1];
  EXPECT_NE(r.failures[2].find("the policy redemption-2020 has no rule \"no_such_rule\""), std::string::npos) << r.failures[2];
  EXPECT_NE(r.failures[3].find("eligible_on is \"\", expected \"2030-01-01\""), std::string::npos) << r.failures[3];
}

constexpr const char* kMinimal = R"toml(policy = "redemption-2020"
as_of = 2025-01-01
[defaults.person]
jurisdiction = "CA"
race = "white"
sex = "M"
infractions_5y = 0
[defaults.sentence]
sentence_type = "determinate"
status = "active"

[[case]]
id = "two-sentences"
source = "an example"
person = { birth_date = 1950-01-01, admission_date = 2015-01-01, infractions_5y = "" }
[[case.sentence]]
offense_code = "CA:PC 459 2nd"
sentence_date = 2014-12-01
term_days = 3650
enhancements = ["CA:PC 667.5(b)=365", "CA:HS 11370.2=1095"]
offense_description = "Burglary, \"second\" degree"
[[case.sentence]]
sentence_id = "X"
offense_code = "CA:HS 11350(a)"
sentence_date = 2014-12-01
term_days = 365
status = "served"
[case.expect]
status = "needs_review"
current_law = { term_low_days = 2190, excess_max_days = 1460 }
)toml";

TEST(worked_cases_runner, WritesCanonicalCsvWithDefaultsMerged) {
  std::string error;
  const auto file = ParseCaseText(kMinimal, "t.cases.toml", &error);
  ASSERT_TRUE(file) << error;
  const WorkedCase& c = file->cases[0];
  EXPECT_EQ(c.people_csv,
            "person_id,jurisdiction,birth_date,sex,race,admission_date,infractions_5y\n"
            "two-sentences,CA,1950-01-01,M,white,2015-01-01,\n");
  EXPECT_EQ(c.sentences_csv,
            "person_id,sentence_id,offense_code,offense_description,sentence_date,sentence_type,term_days,"
            "enhancements,status\n"
            "two-sentences,S1,CA:PC 459 2nd,\"Burglary, \"\"second\"\" degree\",2014-12-01,determinate,3650,"
            "CA:PC 667.5(b)=365;CA:HS 11370.2=1095,active\n"
            "two-sentences,X,CA:HS 11350(a),,2014-12-01,determinate,365,,served\n");
  EXPECT_EQ(c.jurisdictions, std::vector<std::string>{"CA"});
  EXPECT_EQ(c.as_of.ToString(), "2025-01-01");
  EXPECT_EQ(c.test_name, "two_sentences");
  // Other expectation keys are kept as dotted keys; current_law.* are checked
  // (SB 136 and SB 180 remove both enhancements: 3,650 - 365 - 1,095 days, unless the
  // resentencing court finds a lesser term unsafe, PC 1172.75(d)(1)).
  EXPECT_EQ(c.expect.extra, (std::map<std::string, std::string>{{"current_law.excess_max_days", "1460"},
                                                                {"current_law.term_low_days", "2190"}}));
  // Older, infractions unknown: needs_review (the redemption-2020 worked case F).
  const CaseResult r = RunCase(*file, c, kRulesDir);
  EXPECT_TRUE(r.failures.empty()) << r.failures[0];
}

TEST(worked_cases_runner, DataThatDoesNotValidateFailsWithTheLoadersMessage) {
  std::string text = kMinimal;
  text.replace(text.find("birth_date = 1950-01-01"), 23, "birth_date = 2030-01-01");
  std::string error;
  const auto file = ParseCaseText(text, "t.cases.toml", &error);
  ASSERT_TRUE(file) << error;
  const CaseResult r = RunCase(*file, file->cases[0], kRulesDir);
  ASSERT_FALSE(r.failures.empty());
  EXPECT_NE(r.failures[0].find("t.cases.toml:13:6: case \"two-sentences\": the case's data does not load: people.csv:2:"),
            std::string::npos)
      << r.failures[0];
  EXPECT_NE(r.failures[0].find("2030-01-01"), std::string::npos) << r.failures[0];
}

TEST(worked_cases_runner, ABadSetIsAFailure) {
  std::string text = kMinimal;
  text.replace(text.find("source = \"an example\""), 21, "source = \"x\"\nset = { min_ag = \"60 years\" }");
  std::string error;
  const auto file = ParseCaseText(text, "t.cases.toml", &error);
  ASSERT_TRUE(file) << error;
  const CaseResult r = RunCase(*file, file->cases[0], kRulesDir);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_NE(r.failures[0].find("set min_ag=60 years: "), std::string::npos) << r.failures[0];
  EXPECT_NE(r.failures[0].find("no parameter \"min_ag\""), std::string::npos) << r.failures[0];
}

struct BadText {
  const char* text;
  const char* error;
};

TEST(worked_cases_runner, UnknownKeysAndMissingPartsAreErrorsWithPositions) {
  const BadText cases[] = {
      {"as_of = 2025-01-01\npolicie = \"x\"\n", "t.cases.toml:2:1: unknown key \"policie\"; expected policy, as_of, defaults, facility or case"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\nsourc = \"x\"\n", "t.cases.toml:4:1: unknown key \"sourc\" in case \"a\"; expected id, source, as_of, set, person, sentence or expect"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\nsource = \"x\"\nperson = { birthdate = 1950-01-01 }\n[case.expect]\n",
       "t.cases.toml:5:12: unknown person column \"birthdate\"; the columns are: person_id, jurisdiction, birth_date, birth_date_precision, sex, race, admission_date, admission_type, facility_id, infractions_5y, medical_high_risk"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\n[case.expect]\n", "t.cases.toml:3:6: case \"a\" has no source: quote the statute or program text the expected result follows from"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\nsource = \"x\"\n[case.expect]\nstatus = \"eligble\"\n", "t.cases.toml:6:10: status \"eligble\": expected eligible, needs_review or not_eligible"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\nsource = \"x\"\n[case.expect]\n[[case]]\nid = \"a\"\nsource = \"x\"\n[case.expect]\n", "t.cases.toml:7:6: case id \"a\" is used twice (ids differing only in '-' and '_' count as the same)"},
      {"[[case]]\nid = \"a\"\nsource = \"x\"\n[case.expect]\n", "t.cases.toml:2:6: case \"a\" has no as_of, and the file sets none"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\nadmission_date = 2020-01-01\n", "t.cases.toml:4:1: unknown key \"admission_date\" in case \"a\"; expected id, source, as_of, set, person, sentence or expect (a person column: write person = { admission_date = ... })"},
      {"as_of = 2025-01-01\n[defaults.people]\n", "t.cases.toml:2:11: unknown key \"defaults.people\"; expected defaults.person, defaults.sentence or defaults.set"},
      {"as_of = 2025-01-01\n", "t.cases.toml:1:1: a cases file needs at least one [[case]]"},
      {"as_of = 2025-01-01\n[[case]]\nid = \"a\"\nsource = \"x\"\n[[case.sentence]]\nstatus = 1979-05-27T07:32:00\n[case.expect]\n", "t.cases.toml:6:10: \"status\": expected a string, a number, a date, true/false or an array of strings"},
  };
  for (const BadText& b : cases) {
    std::string error;
    EXPECT_FALSE(ParseCaseText(b.text, "t.cases.toml", &error)) << b.text;
    EXPECT_EQ(error, b.error) << b.text;
  }
}

}  // namespace
}  // namespace clemency::worked
