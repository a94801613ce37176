// The comparison of two screenings (report/screening_diff.h): matching by
// person_id, the precedence of changes, the eligible-list counts, the rule
// differences, and the strict reading of screening.csv and summary.json.
#include "clemency/report/screening_diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace clemency {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kHeader =
    "person_id,status,groups,excluded_by,priority,rank,eligible_on,age\n";

std::string Summary(const std::string& as_of, const std::string& policy, int people,
                    const std::string& params = R"({"min_age": "55 years"})") {
  return R"({"policy": {"id": ")" + policy + R"("}, "as_of": ")" + as_of + R"(", "counts": {"people": )" +
         std::to_string(people) + R"(}, "manifest": {"engine_version": "0.1", "as_of": ")" + as_of +
         R"(", "policy": ")" + policy + R"(", "parameters": )" + params +
         R"(, "overrides": [], "rules_sha256": {"policies/p.toml": "aa"}}})";
}

ScreeningSnapshot Parse(const std::string& rows, const std::string& summary) {
  std::string error;
  auto s = ParseScreeningSnapshot(std::string(kHeader) + rows, summary, "screening.csv", "summary.json", &error);
  EXPECT_TRUE(s.has_value()) << error;
  return s ? *s : ScreeningSnapshot{};
}

std::string ParseError(const std::string& csv, const std::string& summary) {
  std::string error;
  auto s = ParseScreeningSnapshot(csv, summary, "screening.csv", "summary.json", &error);
  EXPECT_FALSE(s.has_value());
  return error;
}

TEST(ScreeningDiff, EveryChangeKindAndItsPrecedence) {
  const ScreeningSnapshot before = Parse(
      "U,eligible,older,,60.0,1,,60\n"
      "L,eligible,older,,59.0,2,,59\n"
      "X,eligible,drug,,40.0,3,,40\n"
      "S,needs_review,,,,,,30\n"
      "G,not_eligible,older,lwop_or_death,,,,70\n"
      "E,not_eligible,,,,,2021-01-01,54\n"
      "R,eligible,older;drug,,50.0,4,,55\n",
      Summary("2020-01-01", "p", 7));
  const ScreeningSnapshot after = Parse(
      "N,eligible,drug,,30.0,1,,30\n"
      "R,eligible,drug;older,,50.0,2,,56\n"  // same sets in another order, new rank: unchanged
      "U,eligible,older,,61.0,3,,61\n"
      "X,needs_review,drug,,,,,41\n"
      "S,not_eligible,,,,,,31\n"
      "G,not_eligible,older,lwop_or_death;recent_misconduct,,,,71\n"
      "E,eligible,older,,55.0,4,,55\n",
      Summary("2021-01-01", "p", 7));
  const ScreeningDiff d = DiffScreenings(before, after);
  std::vector<std::string> got;
  for (const PersonChange& c : d.changes) got.push_back(c.person_id + ":" + std::string(ChangeName(c.change)));
  EXPECT_THAT(got, ElementsAre("E:became_eligible", "G:groups_changed", "L:left", "N:arrived", "R:unchanged",
                               "S:status_changed", "U:unchanged", "X:no_longer_eligible"));
  EXPECT_EQ(d.people_before, 7);
  EXPECT_EQ(d.people_after, 7);
  EXPECT_EQ(d.in_both, 6);
  EXPECT_EQ(d.eligible_before, 4);
  EXPECT_EQ(d.eligible_after, 4);
  EXPECT_EQ(d.eligible_stayed, 2);
  EXPECT_EQ(d.eligible_left_prison, 1);
  EXPECT_EQ(d.eligible_lost, 1);
  EXPECT_EQ(d.newly_eligible_already_there, 1);
  EXPECT_EQ(d.newly_eligible_arrived, 1);
  EXPECT_TRUE(d.rule_differences.empty());

  const std::string csv = ChangesCsv(d);
  EXPECT_THAT(csv, HasSubstr("person_id,change,status_before,status_after,groups_before,groups_after,"
                             "excluded_by_before,excluded_by_after,rank_before,rank_after\n"));
  EXPECT_THAT(csv, HasSubstr("\nL,left,eligible,,older,,,,2,\n"));
  EXPECT_THAT(csv, HasSubstr("\nN,arrived,,eligible,,drug,,,,1\n"));
  EXPECT_THAT(csv, HasSubstr("\nG,groups_changed,not_eligible,not_eligible,older,older,lwop_or_death,"
                             "lwop_or_death;recent_misconduct,,\n"));

  const auto j = DiffJson(d, before, after);
  EXPECT_EQ(j["changes"]["unchanged"], 2);
  EXPECT_EQ(j["eligible"]["newly_eligible"], 2);
  EXPECT_EQ(j["status_transitions"]["eligible -> needs_review"], 1);
  EXPECT_EQ(j["same_rules"], true);
  EXPECT_FALSE(j.contains("warning"));
  EXPECT_EQ(DiffSummaryText(d, before, after),
            "7 people before (as of 2020-01-01), 7 after (as of 2021-01-01): 1 left, 1 arrived, 6 in both\n"
            "eligible 4 -> 4: 2 stayed eligible, 1 left prison, 1 no longer eligible; 2 newly eligible "
            "(1 already there, 1 arrived)\n"
            "in both: 1 became eligible, 1 no longer eligible, 1 other status changes, 1 groups changed, "
            "2 unchanged\n");
}

TEST(ScreeningDiff, DifferentRulesAreNamed) {
  const ScreeningSnapshot before = Parse("A,eligible,older,,1,1,,60\n", Summary("2020-01-01", "p", 1));
  const ScreeningSnapshot after =
      Parse("A,eligible,older,,1,1,,60\n", Summary("2021-01-01", "q", 1, R"({"min_age": "60 years"})"));
  const ScreeningDiff d = DiffScreenings(before, after);
  ASSERT_EQ(d.rule_differences.size(), 2u);
  EXPECT_EQ(d.rule_differences[0], "policy: p before, q after");
  EXPECT_EQ(d.rule_differences[1],
            R"(parameters.min_age: "55 years" before, "60 years" after)");
  const auto j = DiffJson(d, before, after);
  EXPECT_EQ(j["same_rules"], false);
  EXPECT_THAT(j["warning"].get<std::string>(), HasSubstr("a change may come from the rules"));
}

TEST(ScreeningDiff, BadInputsNameFileAndLine) {
  const std::string ok_summary = Summary("2020-01-01", "p", 2);
  EXPECT_EQ(ParseError("person_id,status,groups,rank\nA,eligible,,1\n", ok_summary),
            "screening.csv:1: not a screening.csv header: no column \"excluded_by\" (expected person_id, status, "
            "groups, excluded_by, rank, ... as `clemency screen` writes them)");
  EXPECT_EQ(ParseError(std::string(kHeader) + "A,eligible,,,1,1,,60\nB,eligible,,,1,2,,60\nA,eligible,,,1,3,,60\n",
                       ok_summary),
            "screening.csv:4: duplicate person_id \"A\" (first on line 2)");
  EXPECT_EQ(ParseError(std::string(kHeader) + "A,maybe,,,1,1,,60\n", ok_summary),
            "screening.csv:2: status \"maybe\": expected eligible, needs_review or not_eligible");
  EXPECT_EQ(ParseError(std::string(kHeader) + "A,eligible,,,1\n", ok_summary),
            "screening.csv:2: 5 fields, expected 8 as in the header");
  EXPECT_EQ(ParseError(std::string(kHeader) + ",eligible,,,1,1,,60\n", ok_summary), "screening.csv:2: empty person_id");
  EXPECT_EQ(ParseError("", ok_summary), "screening.csv: empty file: expected a screening.csv header");
  const std::string two = std::string(kHeader) + "A,eligible,,,1,1,,60\nB,eligible,,,1,2,,60\n";
  EXPECT_THAT(ParseError(two, "{not json"), HasSubstr("summary.json: not a JSON object"));
  EXPECT_EQ(ParseError(two, R"({"as_of": "2020-01-01"})"), "summary.json: no \"policy\".\"id\"");
  EXPECT_EQ(ParseError(two, Summary("2020-01-01", "p", 3)),
            "summary.json: counts.people is 3 but screening.csv has 2 rows: the two files are not from the same "
            "screening");
}

}  // namespace
}  // namespace clemency
