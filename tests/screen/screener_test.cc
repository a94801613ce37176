// Worked cases for the screening engine: a hand-written population whose
// results are worked out by hand from the policy text.
#include "clemency/screen/screener.h"

#include <gtest/gtest.h>

#include <cmath>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include "clemency/io/population_loader.h"
#include "clemency/law/offense_catalog.h"

namespace clemency {
namespace {

const char* kRulesDir = CLEMENCY_TEST_DATA "/../../rules";

Date D(std::string_view s) { return ParseDate(s).date; }

class ScreenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/screen_" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::string error;
    catalog_ = OffenseCatalog::LoadJurisdiction("CA", &error, kRulesDir);
    ASSERT_TRUE(catalog_) << error;
  }

  void LoadData(const std::string& people, const std::string& sentences, Date as_of) {
    std::ofstream(dir_ + "/people.csv")
        << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y\n" << people;
    std::ofstream(dir_ + "/sentences.csv")
        << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,min_term_days,status,projected_release_date\n"
        << sentences;
    LoadResult r = LoadPopulation(dir_, {as_of, {}});
    ASSERT_EQ(r.error_count, 0u) << (r.problems.empty() ? "" : r.problems[0].Format());
    pop_ = std::move(*r.population);
    facts_ = BuildFactTable(pop_, CatalogSet{{"CA", &*catalog_}}, as_of);
  }

  Policy LoadPolicyText(const std::string& toml) {
    const std::string path = dir_ + "/policy.toml";
    std::ofstream(path) << toml;
    std::vector<PolicyProblem> problems;
    auto p = LoadPolicy(path, &problems);
    for (const auto& pr : problems)
      if (!pr.lint) ADD_FAILURE() << pr.Format();
    return std::move(*p);
  }

  Policy Redemption() {
    std::vector<PolicyProblem> problems;
    auto p = LoadPolicy(std::string(kRulesDir) + "/policies/redemption-2020.toml", &problems);
    EXPECT_TRUE(p.has_value());
    return std::move(*p);
  }

  // person_id -> field, for readable expectations.
  std::map<std::string, std::string> ByPerson(const Screening&, const std::function<std::string(uint32_t)>& f) {
    std::map<std::string, std::string> m;
    for (uint32_t p = 0; p < pop_.people_count(); ++p) m[std::string(pop_.str(pop_.people.id[p]))] = f(p);
    return m;
  }
  std::string Groups(const Policy& policy, const Screening& s, uint32_t p, RuleKind kind) {
    std::string out;
    for (size_t r = 0; r < policy.rules.size(); ++r)
      if (policy.rules[r].kind == kind && s.rules[r].ob[p] == kTrue) out += (out.empty() ? "" : ";") + policy.rules[r].id;
    return out;
  }

  std::string dir_;
  std::optional<OffenseCatalog> catalog_;
  Population pop_;
  FactTable facts_;
};

// as of 2025-01-01
constexpr const char* kPeople =
    "A,CA,1968-02-29,M,white,2015-01-01,new_sentence,0\n"          // 56: older
    "B,CA,1970-06-15,M,black,2015-01-01,new_sentence,0\n"          // 54: older on 2025-06-15
    "C,CA,1990-01-01,F,hispanic,2023-01-01,new_sentence,0\n"       // drug possession
    "D,CA,1990-01-01,M,black,2023-01-01,new_sentence,0\n"          // drug + robbery: most serious violent
    "E,CA,1950-01-01,M,white,1990-01-01,new_sentence,0\n"          // older, LWOP: excluded
    "F,CA,1960-01-01,M,white,2000-01-01,new_sentence,\n"           // older, misconduct unknown
    "G,CA,1960-01-01,M,white,2000-01-01,new_sentence,5\n"          // older, 5 infractions: excluded
    "H,CA,1995-01-01,M,other,2024-06-01,technical_violation,0\n"   // technical violation
    "I,CA,1995-01-01,M,other,2024-06-01,new_sentence,0\n"          // offense not in the catalog
    "J,CA,1955-01-01,M,white,2010-01-01,new_sentence,0\n";         // older, sex registrable: excluded
constexpr const char* kSentences =
    "A,1,CA:PC 459 2nd,2014-12-01,determinate,3650,,active,2025-12-01\n"
    "B,1,CA:PC 459 2nd,2014-12-01,determinate,3650,,active,2025-12-01\n"
    "C,1,CA:HS 11350(a),2022-12-01,determinate,1095,,active,2025-12-01\n"
    "D,1,CA:HS 11350(a),2022-12-01,determinate,1095,,active,2025-12-01\n"
    "D,2,CA:PC 211 2nd,2022-12-01,determinate,1825,,active,2027-12-01\n"
    "E,1,CA:PC 187 1st,1989-12-01,lwop,,,active,\n"
    "F,1,CA:PC 459 2nd,1999-12-01,indeterminate,,9125,active,\n"
    "G,1,CA:PC 459 2nd,1999-12-01,indeterminate,,9125,active,\n"
    "H,1,CA:PC 459 2nd,2020-12-01,determinate,730,,active,2025-06-01\n"
    "I,1,CA:PC 999,2024-05-01,determinate,730,,active,2026-06-01\n"
    "J,1,CA:PC 288(a),2009-12-01,determinate,7300,,active,2029-12-01\n";

TEST_F(ScreenerTest, RedemptionWorkedCases) {
  LoadData(kPeople, kSentences, D("2025-01-01"));
  const Policy policy = Redemption();
  const Screening s = Screen(policy, facts_);
  EXPECT_EQ(ByPerson(s, [&](uint32_t p) { return std::string(StatusName(s.status[p])); }),
            (std::map<std::string, std::string>{{"A", "eligible"}, {"B", "not_eligible"}, {"C", "eligible"},
                                                {"D", "not_eligible"}, {"E", "not_eligible"}, {"F", "needs_review"},
                                                {"G", "not_eligible"}, {"H", "eligible"}, {"I", "needs_review"},
                                                {"J", "not_eligible"}}));
  EXPECT_EQ(ByPerson(s, [&](uint32_t p) { return Groups(policy, s, p, RuleKind::kGroup); }),
            (std::map<std::string, std::string>{{"A", "older"}, {"B", ""}, {"C", "drug"}, {"D", ""},
                                                {"E", "older"}, {"F", "older"}, {"G", "older"},
                                                {"H", "technical_violation"}, {"I", ""}, {"J", "older"}}));
  EXPECT_EQ(ByPerson(s, [&](uint32_t p) { return Groups(policy, s, p, RuleKind::kExclusion); }),
            (std::map<std::string, std::string>{{"A", ""}, {"B", ""}, {"C", ""}, {"D", ""}, {"E", "lwop_or_death"},
                                                {"F", ""}, {"G", "recent_misconduct"}, {"H", ""}, {"I", ""},
                                                {"J", "sex_registrable"}}));
  // B turns 55 on 2025-06-15; D on 2045-01-01 (no other group can change with time);
  // E, G and J are excluded for good.
  EXPECT_EQ(ByPerson(s, [&](uint32_t p) { return s.eligible_on[p] == kNa ? "" : Date::FromDays(static_cast<int32_t>(s.eligible_on[p])).ToString(); }),
            (std::map<std::string, std::string>{{"A", ""}, {"B", "2025-06-15"}, {"C", ""}, {"D", "2045-01-01"},
                                                {"E", ""}, {"F", ""}, {"G", ""}, {"H", ""}, {"I", ""}, {"J", ""}}));
  // Ranks: eligible by priority (age + 2 x excess + time served, in years), then needs_review.
  // A: 56.8 + 10.0 = 66.8; C: 35.0 + 2.0 = 37.0; H: 30.0 + 0.6 = 30.6; then F (65 + 25 = 90), I (30.6).
  EXPECT_EQ(ByPerson(s, [&](uint32_t p) { return std::to_string(s.rank[p]); }),
            (std::map<std::string, std::string>{{"A", "1"}, {"B", "0"}, {"C", "2"}, {"D", "0"}, {"E", "0"},
                                                {"F", "4"}, {"G", "0"}, {"H", "3"}, {"I", "5"}, {"J", "0"}}));
}

// A program with dates: in force from in_force, ended after ends. People are
// A (56), B (55 on 2025-06-15) and D (55 on 2045-01-01) of kPeople.
constexpr const char* kDatedPolicy = R"TOML(id = "dated"
title = "dated"
citation = "a test"
in_force = 2025-03-01
ends = 2025-06-30
ends_citation = "the order"
eligibility = "older"
priority = "years(age)"
[[criteria]]
id = "older"
text = "older"
citation = "x"
expr = "age >= 55 years"
)TOML";

TEST_F(ScreenerTest, ProgramDatesDecideEveryoneAndBoundEligibleOn) {
  struct Row {
    const char* as_of;
    const char* person;
    const char* status;
    const char* excluded_by;  // true exclusions
    const char* eligible_on;
  };
  const Row rows[] = {
      // Before in_force: excluded; eligible from the first day, or the 55th birthday.
      {"2025-01-01", "A", "not_eligible", "program_not_in_force", "2025-03-01"},
      {"2025-01-01", "B", "not_eligible", "program_not_in_force", "2025-06-15"},
      {"2025-01-01", "D", "not_eligible", "program_not_in_force", ""},  // 55 after the end: never
      // In force, both days inclusive.
      {"2025-03-01", "A", "eligible", "", ""},
      {"2025-06-30", "A", "eligible", "", ""},
      {"2025-06-30", "B", "eligible", "", ""},
      {"2025-06-14", "B", "not_eligible", "", "2025-06-15"},
      // After ends: no one, and no date to wait for.
      {"2025-07-01", "A", "not_eligible", "program_ended", ""},
      {"2026-01-01", "B", "not_eligible", "program_ended", ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.as_of) + " " + row.person);
    LoadData(kPeople, kSentences, D(row.as_of));
    const Policy policy = LoadPolicyText(kDatedPolicy);
    const Screening s = Screen(policy, facts_);
    const auto status = ByPerson(s, [&](uint32_t p) { return std::string(StatusName(s.status[p])); });
    const auto excluded = ByPerson(s, [&](uint32_t p) { return Groups(policy, s, p, RuleKind::kExclusion); });
    const auto on = ByPerson(s, [&](uint32_t p) {
      return s.eligible_on[p] == kNa ? "" : Date::FromDays(static_cast<int32_t>(s.eligible_on[p])).ToString();
    });
    EXPECT_EQ(status.at(row.person), row.status);
    EXPECT_EQ(excluded.at(row.person), row.excluded_by);
    EXPECT_EQ(on.at(row.person), row.eligible_on);
  }
}

TEST_F(ScreenerTest, SetParamChangesTheResult) {
  LoadData(kPeople, kSentences, D("2025-01-01"));
  Policy policy = Redemption();
  std::string error;
  ASSERT_TRUE(SetParam(policy, "min_age", "50 years", &error)) << error;
  ASSERT_TRUE(SetParam(policy, "max_infractions_5y", "10", &error)) << error;
  ASSERT_TRUE(SetParam(policy, "exclude_lwop_death", "false", &error)) << error;
  const Screening s = Screen(policy, facts_);
  auto status = [&](const char* id) { return std::string(StatusName(s.status[pop_.FindPerson(id)])); };
  EXPECT_EQ(status("B"), "eligible");
  EXPECT_EQ(status("G"), "eligible");
  EXPECT_EQ(status("E"), "eligible");
  EXPECT_EQ(status("J"), "not_eligible");
}

TEST_F(ScreenerTest, EligibleOnForFractionsRemainingAndDates) {
  LoadData("P,CA,1980-01-01,M,white,2024-06-01,new_sentence,0\n"
           "Q,CA,1980-01-01,M,white,2024-06-01,new_sentence,0\n"
           "R,CA,1980-01-01,M,white,2024-06-01,new_sentence,0\n",
           "P,1,CA:PC 459 2nd,2024-05-01,determinate,1000,,active,2026-12-31\n"
           "Q,1,CA:PC 459 2nd,2024-05-01,determinate,4000,,active,2025-12-31\n"
           "R,1,CA:PC 459 2nd,2024-05-01,determinate,4000,,active,\n",
           D("2025-01-01"));
  const Policy policy = LoadPolicyText(R"TOML(id = "t"
title = "t"
citation = "t"
eligibility = "half or near_release or after_date"
priority = "0"
[[criteria]]
id = "half"
text = "served half"
citation = "test"
expr = "served_fraction >= 0.5"
[[criteria]]
id = "near_release"
text = "within 180 days of release"
citation = "test"
expr = "remaining <= 180 days and time_served >= 6 months"
[[criteria]]
id = "after_date"
text = "a fixed date"
citation = "test"
expr = "as_of >= 2030-03-01"
)TOML");
  const Screening s = Screen(policy, facts_);
  auto on = [&](const char* id) {
    const int64_t v = s.eligible_on[pop_.FindPerson(id)];
    return v == kNa ? std::string() : Date::FromDays(static_cast<int32_t>(v)).ToString();
  };
  // P: half of 1000 days from 2024-06-01 is 2025-10-14 (500 days later).
  EXPECT_EQ(on("P"), D("2024-06-01").PlusDays(500).ToString());
  // Q: remaining <= 180 days from 2025-07-04 (2025-07-04 + 180 days = 2025-12-31).
  EXPECT_EQ(on("Q"), "2025-07-04");
  EXPECT_EQ(D("2025-07-04").PlusDays(180).ToString(), "2025-12-31");
  for (const char* id : {"P", "Q"}) EXPECT_EQ(s.status[pop_.FindPerson(id)], Status::kNotEligible) << id;
  // R: no release date, so near_release is unknown and R needs review today;
  // eligible_on is only for people who are not eligible.
  EXPECT_EQ(s.status[pop_.FindPerson("R")], Status::kNeedsReview);
  EXPECT_EQ(on("R"), "");
}

TEST_F(ScreenerTest, KleeneLogicAndSentenceAggregates) {
  LoadData("A,CA,1980-01-01,M,white,2020-01-01,new_sentence,\n"
           "B,CA,1980-01-01,M,white,2020-01-01,new_sentence,1\n",
           "A,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n"
           "A,2,CA:PC 999,2019-05-01,determinate,1000,,active,\n"
           "B,1,CA:HS 11350(a),2019-05-01,determinate,1000,,served,\n"
           "B,2,CA:HS 11351,2019-05-01,determinate,2000,,active,\n",
           D("2025-01-01"));
  const Policy policy = LoadPolicyText(R"TOML(id = "t"
title = "t"
citation = "t"
eligibility = "unknown_or_true and unknown_and_false == false and counts and maxed"
priority = "count(s.active)"
[[criteria]]
id = "unknown_or_true"
text = "t"
citation = "t"
expr = "infractions_5y < 5 or true"
[[criteria]]
id = "unknown_and_false"
text = "t"
citation = "t"
expr = "infractions_5y < 5 and false"
[[criteria]]
id = "counts"
text = "t"
citation = "t"
expr = 'count(s.category == "property") >= 1'
[[criteria]]
id = "maxed"
text = "t"
citation = "t"
expr = "max(s.term) >= 1000 days and sum(s.term) >= 2000 days and all(s.term >= 1000 days)"
)TOML");
  const Screening s = Screen(policy, facts_);
  const uint32_t a = pop_.FindPerson("A"), b = pop_.FindPerson("B");
  EXPECT_EQ(s.rules[0].ob[a], kTrue);   // unknown or true = true
  EXPECT_EQ(s.rules[1].ob[a], kFalse);  // unknown and false = false
  EXPECT_EQ(s.rules[2].ob[a], kUnknownBool);  // one sentence's category is unknown
  EXPECT_EQ(s.rules[2].ob[b], kFalse);  // B has no property offense
  EXPECT_EQ(s.rules[3].ob[a], kTrue);
  EXPECT_EQ(s.rules[3].ob[b], kTrue);
  EXPECT_EQ(s.status[a], Status::kNeedsReview);
  EXPECT_EQ(s.status[b], Status::kNotEligible);
  EXPECT_DOUBLE_EQ(s.priority[b], 1.0);
}

}  // namespace
}  // namespace clemency

namespace clemency {
namespace {

TEST_F(ScreenerTest, EqualPrioritiesRankByPersonIdAndUnknownPrioritiesLast) {
  LoadData("P10,CA,1960-01-01,M,white,2020-01-01,new_sentence,0\n"
           "P2,CA,1960-01-01,M,white,2020-01-01,new_sentence,0\n"
           "P1,CA,1960-01-01,M,white,2020-01-01,new_sentence,0\n"
           "Q,CA,1960-01-01,M,white,2020-01-01,new_sentence,\n"
           "R,CA,1990-01-01,M,white,2020-01-01,new_sentence,0\n"
           "A,CA,1990-01-01,M,white,2020-01-01,new_sentence,0\n",
           "P10,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n"
           "P2,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n"
           "P1,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n"
           "Q,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n"
           "R,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n"
           "A,1,CA:PC 459 2nd,2019-05-01,determinate,1000,,active,\n",
           D("2025-01-01"));
  const Policy policy = LoadPolicyText(R"TOML(id = "t"
title = "t"
citation = "t"
eligibility = "older"
priority = "if(infractions_5y >= 0, 1, 0)"
[[criteria]]
id = "older"
text = "older"
citation = "t"
expr = "age >= 50 years"
)TOML");
  const Screening s = Screen(policy, facts_);
  std::vector<std::string> order;
  for (uint32_t p : s.order) order.emplace_back(pop_.str(pop_.people.id[p]));
  // Eligible with priority 1, by person_id as text; Q (priority unknown) after
  // them; then the not eligible, by person_id.
  EXPECT_EQ(order, (std::vector<std::string>{"P1", "P10", "P2", "Q", "A", "R"}));
  EXPECT_EQ(s.rank[pop_.FindPerson("P1")], 1u);
  EXPECT_EQ(s.rank[pop_.FindPerson("P10")], 2u);
  EXPECT_EQ(s.rank[pop_.FindPerson("Q")], 4u);
  EXPECT_EQ(s.rank[pop_.FindPerson("A")], 0u);
}

}  // namespace
}  // namespace clemency

namespace clemency {
namespace {

// Rescreen reuses what a parameter change cannot touch; the result must be
// exactly what a full screening gives.
TEST_F(ScreenerTest, RescreenEqualsAFullScreening) {
  LoadData(kPeople, kSentences, D("2025-01-01"));
  Policy policy = Redemption();
  std::string error;
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"min_age", "50 years"}, {"max_infractions_5y", "10"}, {"weight_age", "3"},
           {"exclude_lwop_death", "false"}, {"min_age", "55 years"}}) {
    Screening quick = Screen(policy, facts_);  // before the change, with eligible_on
    ASSERT_TRUE(SetParam(policy, name, value, &error)) << error;
    const Screening full = Screen(policy, facts_, {.eligible_on = false});
    Rescreen(policy, facts_, quick);
    EXPECT_EQ(quick.status, full.status) << name;
    EXPECT_EQ(quick.order, full.order) << name;
    EXPECT_EQ(quick.rank, full.rank) << name;
    EXPECT_EQ(quick.eligible_on, full.eligible_on) << name;
    EXPECT_FALSE(quick.eligible_on_computed);
    ASSERT_EQ(quick.rules.size(), full.rules.size());
    for (size_t r = 0; r < full.rules.size(); ++r)
      for (uint32_t p = 0; p < pop_.people_count(); ++p) ASSERT_EQ(quick.rules[r].ob[p], full.rules[r].ob[p]) << name << " rule " << r;
    for (uint32_t p = 0; p < pop_.people_count(); ++p) EXPECT_DOUBLE_EQ(quick.priority[p], full.priority[p]) << name;
  }
  EXPECT_EQ(StatusName(Screen(policy, facts_).status[pop_.FindPerson("B")]), "not_eligible");
}

// The dashboard moves a slider back and forth over one screening: each
// in-place re-screening must equal a full one, whatever came before.
TEST_F(ScreenerTest, RescreeningOneScreeningAgainAndAgainEqualsFullScreenings) {
  LoadData(kPeople, kSentences, D("2025-01-01"));
  Policy policy = Redemption();
  Screening live = Screen(policy, facts_);
  std::string error;
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"min_age", "50 years"}, {"min_age", "65 years"}, {"weight_age", "3"}, {"max_infractions_5y", "0"},
           {"min_age", "50 years"}, {"exclude_lwop_death", "false"}, {"weight_age", "1"}, {"min_age", "50 years"}}) {
    ASSERT_TRUE(SetParam(policy, name, value, &error)) << error;
    Rescreen(policy, facts_, live);
    const Screening full = Screen(policy, facts_, {.eligible_on = false});
    EXPECT_EQ(live.status, full.status) << name << " = " << value;
    EXPECT_EQ(live.eligibility, full.eligibility) << name << " = " << value;
    EXPECT_EQ(live.order, full.order) << name << " = " << value;
    EXPECT_EQ(live.rank, full.rank) << name << " = " << value;
    EXPECT_EQ(live.eligible_on, full.eligible_on) << name << " = " << value;
    ASSERT_EQ(live.rules.size(), full.rules.size());
    for (size_t r = 0; r < full.rules.size(); ++r)
      for (uint32_t p = 0; p < pop_.people_count(); ++p)
        ASSERT_EQ(live.rules[r].ob[p], full.rules[r].ob[p]) << name << " = " << value << ", rule " << r;
    for (uint32_t p = 0; p < pop_.people_count(); ++p) {
      if (std::isnan(full.priority[p])) EXPECT_TRUE(std::isnan(live.priority[p])) << name;
      else EXPECT_DOUBLE_EQ(live.priority[p], full.priority[p]) << name << " = " << value;
    }
  }
}

}  // namespace
}  // namespace clemency
