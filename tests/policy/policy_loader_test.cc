#include "clemency/policy/policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace clemency {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Load(const std::string& toml, std::optional<Policy>* out = nullptr) {
  const std::string path = ::testing::TempDir() + "/policy_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                           std::to_string(::getpid()) + ".toml";
  std::ofstream(path) << toml;
  std::vector<PolicyProblem> problems;
  auto p = LoadPolicy(path, &problems);
  if (out != nullptr) *out = std::move(p);
  std::vector<std::string> msgs;
  for (const auto& pr : problems) msgs.push_back(pr.Format().substr(path.size()));
  return msgs;
}

constexpr const char* kHead = R"(id = "t"
title = "test"
citation = "a test"
)";

TEST(PolicyLoaderTest, ShippedRedemptionPolicyIsClean) {
  std::vector<PolicyProblem> problems;
  auto p = LoadPolicy(std::string(CLEMENCY_TEST_DATA) + "/../../rules/policies/redemption-2020.toml", &problems);
  for (const auto& pr : problems) ADD_FAILURE() << pr.Format();
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->id, "redemption-2020");
  for (const char* g : {"older", "drug", "technical_violation", "current_law"}) {
    const int i = p->FindRule(g);
    ASSERT_GE(i, 0) << g;
    EXPECT_EQ(p->rules[static_cast<size_t>(i)].kind, RuleKind::kGroup);
  }
  const int min_age = p->FindParam("min_age");
  ASSERT_GE(min_age, 0);
  EXPECT_EQ(p->params[static_cast<size_t>(min_age)].value.duration, CalendarDuration::Years(55));
  ASSERT_EQ(p->assumptions.size(), 1u);
  EXPECT_EQ(p->assumptions[0].fact, "infractions_5y");
  EXPECT_EQ(p->assumptions[0].value, "0");
}

TEST(PolicyLoaderTest, ErrorsNameFileLineAndColumn) {
  const auto msgs = Load(std::string(kHead) + R"TOML(eligibility = "old or yung"
priority = "years(age)"
[params.min_age]
value = "55 years"
text = "age"

[[criteria]]
id = "old"
text = "old"
citation = "x"
expr = "age >= params.min_agee"

[[criteria]]
id = "young"
text = "young"
expr = "age < 25 years"

[[groups]]
id = "g"
text = "a group"
expr = "old"
eligibility = "old"
)TOML");
  EXPECT_THAT(msgs, ElementsAre(
      ":14:16: unknown parameter \"min_agee\"; this policy declares: min_age",
      ":16:1: criterion \"young\" has no citation: every criterion and exclusion must cite the statute or program text it rests on",
      ":25:15: \"eligibility\" is read as part of group \"g\": in TOML, keys after a [[table]] belong to it; move eligibility to the top of the file, before the first table",
      ":4:23: unknown name \"yung\"; did you mean \"young\"?",
      ":6:1: lint: params.min_age is declared but no expression uses it",
      ":16:1: lint: criterion \"young\" is not used by the eligibility expression or any other rule",
      ":21:1: lint: group \"g\" is not used by the eligibility expression or any other rule"));
}

// [[assumptions]]: suggested values for facts --assume may fill, type-checked.
TEST(PolicyLoaderTest, SuggestedAssumptionsAreTypeChecked) {
  const std::string head = std::string(kHead) + "eligibility = \"infractions_5y < 2\"\npriority = \"0\"\n";
  std::optional<Policy> p;
  EXPECT_THAT(Load(head + "[[assumptions]]\nfact = \"infractions_5y\"\nvalue = 0\nreason = \"r\"\n"
                          "[[assumptions]]\nfact = \"admission_type\"\nvalue = \"new_sentence\"\nreason = \"s\"\n",
                   &p),
              ElementsAre());
  ASSERT_TRUE(p.has_value());
  ASSERT_EQ(p->assumptions.size(), 2u);
  EXPECT_EQ(p->assumptions[0].fact, "infractions_5y");
  EXPECT_EQ(p->assumptions[0].value, "0");
  EXPECT_EQ(p->assumptions[1].value, "new_sentence");
  EXPECT_EQ(p->assumptions[1].reason, "s");
  EXPECT_THAT(Load(head + "[[assumptions]]\nfact = \"age\"\nvalue = 0\nreason = \"r\"\n"),
              ElementsAre(":6:1: assumption: \"age\" cannot be assumed; the facts that can are infractions_5y, "
                          "medical_high_risk, admission_type"));
  EXPECT_THAT(Load(head + "[[assumptions]]\nfact = \"infractions_5y\"\nvalue = -1\nreason = \"r\"\n"),
              ElementsAre(":8:9: assumption infractions_5y=-1: expected a whole number, 0 or more"));
  EXPECT_THAT(Load(head + "[[assumptions]]\nfact = \"admission_type\"\nvalue = \"unknown\"\nreason = \"r\"\n"),
              ElementsAre(":8:9: assumption admission_type=unknown: expected new_sentence, technical_violation, "
                          "new_offense_violation or other"));
  EXPECT_THAT(Load(head + "[[assumptions]]\nfact = \"medical_high_risk\"\nvalue = true\n"),
              ElementsAre(":6:1: \"reason\" is required and must be a string"));
}

// Issue 10: a FIFO given as a policy blocked the run forever.
TEST(PolicyLoaderTest, AFifoIsRefusedAtOnce) {
  const std::string path = ::testing::TempDir() + "/policy_fifo_" + std::to_string(::getpid()) + ".toml";
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  std::vector<PolicyProblem> problems;
  EXPECT_FALSE(LoadPolicy(path, &problems).has_value());
  ::unlink(path.c_str());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "not a regular file (a FIFO)");
}

TEST(PolicyLoaderTest, TomlSyntaxErrorsAreReportedWithPosition) {
  const auto msgs = Load(std::string(kHead) + "eligibility = \"true\"\npriority = \"1\nx = 1\n");
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_THAT(msgs[0], ::testing::StartsWith(":5:"));
}

TEST(PolicyLoaderTest, SetParamChecksTheType) {
  std::optional<Policy> p;
  Load(std::string(kHead) + R"TOML(eligibility = "age >= params.min_age and served_fraction >= params.share"
priority = "0"
[params.min_age]
value = "55 years"
text = "age"
[params.share]
value = 0.5
text = "share"
)TOML", &p);
  ASSERT_TRUE(p.has_value());
  std::string error;
  EXPECT_TRUE(SetParam(*p, "min_age", "60 years", &error)) << error;
  EXPECT_EQ(p->params[0].value.duration, CalendarDuration::Years(60));
  EXPECT_TRUE(SetParam(*p, "share", "1", &error)) << error;
  EXPECT_DOUBLE_EQ(p->params[1].value.number, 1.0);
  EXPECT_FALSE(SetParam(*p, "min_age", "60", &error));
  EXPECT_EQ(error, "--set min_age=60: expected a duration such as \"55 years\", \"6 months\" or \"90 days\"");
  EXPECT_FALSE(SetParam(*p, "nope", "1", &error));
  EXPECT_EQ(error, "--set nope: the policy t has no parameter \"nope\" (it has: min_age, share)");
}

TEST(PolicyLoaderTest, SetTakesOnlyFiniteNumbersInRange) {
  std::optional<Policy> p;
  Load(std::string(kHead) + R"TOML(eligibility = "infractions_5y <= params.most"
priority = "params.weight * 1.0"
[params.weight]
value = 1.0
text = "weight"
[params.most]
value = 3
text = "most"
[params.on]
value = true
text = "on"
)TOML", &p);
  ASSERT_TRUE(p.has_value());
  const std::string number_range = "from -1000000000 to 1000000000";
  struct Case {
    const char* name;
    const char* text;
    std::string error;  // empty: accepted
  } cases[] = {
      {"weight", "0.5", ""},
      {"weight", "-2", ""},
      {"weight", "1e9", ""},
      {"weight", "nan", "--set weight=nan: expected a finite number " + number_range},
      {"weight", "inf", "--set weight=inf: expected a finite number " + number_range},
      {"weight", "-inf", "--set weight=-inf: expected a finite number " + number_range},
      {"weight", "1e308", "--set weight=1e308: expected a finite number " + number_range},
      {"weight", "1e10", "--set weight=1e10: expected a finite number " + number_range},
      {"weight", "heavy", "--set weight=heavy: expected a finite number " + number_range},
      {"most", "5", ""},
      {"most", "1000000001", "--set most=1000000001: expected a finite int " + number_range},
      {"most", "9223372036854775807", "--set most=9223372036854775807: expected a finite int " + number_range},
      {"most", "2.5", "--set most=2.5: expected a finite int " + number_range},
      {"on", "yes", "--set on=yes: expected a bool (true or false)"},
  };
  for (const Case& c : cases) {
    std::string error;
    EXPECT_EQ(SetParam(*p, c.name, c.text, &error), c.error.empty()) << c.name << "=" << c.text;
    EXPECT_EQ(error, c.error) << c.name << "=" << c.text;
  }
}

TEST(PolicyLoaderTest, AHugeNumberIsNotADurationAndDoesNotOverflow) {
  // Found by the policy_loader fuzzer: "5555...5 years" overflowed while being read.
  std::optional<Policy> p;
  Load(std::string(kHead) + R"TOML(eligibility = "params.x == \"1 year\""
priority = "0"
[params.x]
value = "5555555555555555555555555555 years"
text = "x"
)TOML", &p);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->params[0].value.type, ValueType::kString);  // more than 6 digits: not a duration
}

constexpr const char* kDatedBody = R"TOML(eligibility = "older"
priority = "years(age)"
[[criteria]]
id = "older"
text = "old"
citation = "x"
expr = "age >= 60 years"
)TOML";

TEST(PolicyLoaderTest, DatesMakeBuiltInExclusionsFirstAmongTheRules) {
  std::optional<Policy> p;
  const auto msgs = Load(std::string(kHead) + R"TOML(jurisdictions = ["US"]
in_force = 2018-12-21
ends = 2023-09-30
ends_citation = "34 U.S.C. 60541(g)(3)"
ended_text = "See us-compassionate-release."
)TOML" + kDatedBody, &p);
  EXPECT_THAT(msgs, ElementsAre());
  ASSERT_TRUE(p.has_value());
  ASSERT_TRUE(p->in_force && p->ends);
  EXPECT_EQ(p->in_force->ToString(), "2018-12-21");
  EXPECT_EQ(p->ends->ToString(), "2023-09-30");
  ASSERT_GE(p->rules.size(), 4u);
  EXPECT_EQ(p->rules[0].id, "program_not_in_force");
  EXPECT_EQ(p->rules[0].expr_text, "as_of < 2018-12-21");
  EXPECT_EQ(p->rules[0].citation, "a test");  // no in_force_citation: the policy's citation
  EXPECT_EQ(p->rules[1].id, "program_ended");
  EXPECT_EQ(p->rules[1].kind, RuleKind::kExclusion);
  EXPECT_EQ(p->rules[1].expr_text, "as_of > 2023-09-30");
  EXPECT_EQ(p->rules[1].citation, "34 U.S.C. 60541(g)(3)");
  EXPECT_EQ(p->rules[1].text,
            "The program ended on 2023-09-30 (34 U.S.C. 60541(g)(3)); a screening as of a later date finds no one "
            "eligible. See us-compassionate-release.");
  EXPECT_EQ(p->rules[1].pos.line, 6);
  EXPECT_EQ(p->rules[2].id, "outside_scope");
}

TEST(PolicyLoaderTest, DateKeyErrorsNameFileLineAndColumn) {
  EXPECT_THAT(Load(std::string(kHead) + "ends = 2023-09-30\n" + kDatedBody),
              ElementsAre(":4:8: \"ends\" needs \"ends_citation\": the statute, order or page that says the program ended"));
  EXPECT_THAT(Load(std::string(kHead) + "ends = \"2023-09-30\"\nends_citation = \"x\"\n" + kDatedBody),
              ElementsAre(":4:8: \"ends\" must be a bare date such as 2023-09-30 (no quotes, no time)"));
  EXPECT_THAT(Load(std::string(kHead) + "in_force = 2023-09-30T00:00:00\n" + kDatedBody),
              ElementsAre(":4:12: \"in_force\" must be a bare date such as 2023-09-30 (no quotes, no time)"));
  EXPECT_THAT(Load(std::string(kHead) + "ended_text = \"elsewhere\"\nin_force_citation = \"y\"\n" + kDatedBody),
              ElementsAre(":4:14: \"ended_text\" is given but \"ends\" is not",
                          ":5:21: \"in_force_citation\" is given but \"in_force\" is not"));
  EXPECT_THAT(Load(std::string(kHead) + "in_force = 2024-01-01\nends = 2023-09-30\nends_citation = \"x\"\n" + kDatedBody),
              ElementsAre(":5:8: \"ends\" (2023-09-30) is before \"in_force\" (2024-01-01)"));
  EXPECT_THAT(Load(std::string(kHead) + "end = 2023-09-30\n" + kDatedBody),
              ElementsAre(::testing::StartsWith(":4:7: unknown key \"end\"; a policy has id, title, summary, citation, jurisdictions, in_force, in_force_citation, ends, ends_citation, ended_text,")));
}

}  // namespace
}  // namespace clemency
