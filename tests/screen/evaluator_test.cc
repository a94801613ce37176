// Worked cases for every operator and function of the policy language,
// evaluated over a two-person population whose values are worked out by hand.
#include "clemency/screen/evaluator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "clemency/io/population_loader.h"
#include "clemency/policy/expr_parser.h"

namespace clemency {
namespace {

class EvaluatorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One directory per process: ctest runs each test in its own process, in parallel.
    const std::string dir = ::testing::TempDir() + "/evaluator_test_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    // A: born 1984-06-15, admitted 2020-02-29, as of 2025-03-01: age 40, served 5 years 1 day.
    //    Sentences: burglary 1000 days with a prison prior, and 2000 days consecutive to it.
    // B: no infractions or medical data; one LWOP sentence for murder, one served possession.
    std::ofstream(dir + "/people.csv")
        << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y,medical_high_risk\n"
           "A,CA,1984-06-15,F,black,2020-02-29,new_sentence,3,1\n"
           "B,CA,1950-01-01,M,white,1990-01-01,,,\n";
    std::ofstream(dir + "/sentences.csv")
        << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,enhancements,consecutive_to,status,projected_release_date\n"
           "A,1,CA:PC 459 2nd,2019-01-01,determinate,1000,CA:PC 667.5(b)=365,,active,2025-12-01\n"
           "A,2,CA:PC 459 2nd,2019-06-01,determinate,2000,,1,active,2028-06-01\n"
           "B,1,CA:PC 187 1st,1989-12-01,lwop,,,,active,\n"
           "B,2,CA:HS 11350(a),1985-12-01,determinate,365,,,served,\n";
    LoadResult r = LoadPopulation(dir, {ParseDate("2025-03-01").date, {}});
    ASSERT_EQ(r.error_count, 0u) << r.problems[0].Format();
    pop_ = new Population(std::move(*r.population));
    std::string error;
    catalog_ = new OffenseCatalog(*OffenseCatalog::LoadJurisdiction("CA", &error, CLEMENCY_TEST_DATA "/../../rules"));
    facts_ = new FactTable(BuildFactTable(*pop_, CatalogSet{{"CA", catalog_}}, ParseDate("2025-03-01").date));
  }

  // "A/B" results of a bool expression: t, f or ? (unknown).
  static std::string E(std::string_view text) {
    ParseResult parsed = ParseExpression(text);
    if (!parsed.ok()) return "parse error: " + parsed.error.message;
    NameScope names;
    names.params = {{"min_age", ValueType::kDuration}};
    CheckResult checked = CheckExpression(*parsed.root, names, ValueType::kBool);
    if (!checked.expr) return "type error: " + checked.error.message;
    std::vector<Value> params(1);
    params[0].type = ValueType::kDuration;
    params[0].duration = CalendarDuration::Years(40);
    Evaluator ev(*facts_);
    ev.set_params(&params);
    const Column c = ev.Eval(*checked.expr);
    std::string out;
    for (uint32_t p = 0; p < 2; ++p) {
      const uint8_t v = c.b[p];
      out += (p ? "/" : "") + std::string(v == kTrue ? "t" : v == kFalse ? "f" : "?");
    }
    return out;
  }

  static Population* pop_;
  static OffenseCatalog* catalog_;
  static FactTable* facts_;
};
Population* EvaluatorTest::pop_ = nullptr;
OffenseCatalog* EvaluatorTest::catalog_ = nullptr;
FactTable* EvaluatorTest::facts_ = nullptr;

TEST_F(EvaluatorTest, KleeneLogic) {
  EXPECT_EQ(E("true and unknown"), "?/?");
  EXPECT_EQ(E("false and unknown"), "f/f");
  EXPECT_EQ(E("true or unknown"), "t/t");
  EXPECT_EQ(E("false or unknown"), "?/?");
  EXPECT_EQ(E("not unknown"), "?/?");
  EXPECT_EQ(E("unknown == true"), "?/?");
  EXPECT_EQ(E("infractions_5y > 2"), "t/?");
  EXPECT_EQ(E("infractions_5y > 2 or true"), "t/t");
  EXPECT_EQ(E("infractions_5y > 2 and false"), "f/f");
  EXPECT_EQ(E("not (infractions_5y > 2)"), "f/?");
  EXPECT_EQ(E("medical_high_risk"), "t/?");
  EXPECT_EQ(E("medical_high_risk != false"), "t/?");
}

TEST_F(EvaluatorTest, ArithmeticAndComparisons) {
  EXPECT_EQ(E("1 + 2 * 3 == 7"), "t/t");
  EXPECT_EQ(E("10 / 4 == 2.5"), "t/t");
  EXPECT_EQ(E("7 - 10 == -3"), "t/t");
  EXPECT_EQ(E("1 / 0 == 1"), "?/?");  // division by zero is unknown, not an error
  EXPECT_EQ(E("2.5 > 2 and 2 >= 2 and 1 < 1.5 and 1 <= 1 and 3 != 4"), "t/t");
  EXPECT_EQ(E("infractions_5y * 2 == 6"), "t/?");
  EXPECT_EQ(E("-(2 days) == 0 days - 2 days"), "t/t");
  EXPECT_EQ(E("3 days * 2 == 6 days and 6 days / 2 == 3 days"), "t/t");
  EXPECT_EQ(E("1 years > 365 days and 1 years < 366 days"), "t/t");  // an average year, with no date to anchor it
}

TEST_F(EvaluatorTest, DatesSpansAndTheCalendar) {
  // A was admitted on 2020-02-29: a year later is 2021-03-01 (no 29 February in 2021).
  EXPECT_EQ(E("admission_date + 1 years == 2021-03-01"), "t/f");
  EXPECT_EQ(E("admission_date + 4 years == 2024-02-29"), "t/f");
  EXPECT_EQ(E("as_of - 1 months == 2025-02-01"), "t/t");
  EXPECT_EQ(E("time_served >= 5 years"), "t/t");  // 2020-02-29 + 5 years = 2025-03-01
  EXPECT_EQ(E("time_served > 5 years"), "f/t");
  EXPECT_EQ(E("as_of - admission_date >= 5 years"), "t/t");
  EXPECT_EQ(E("age >= params.min_age"), "t/t");
  EXPECT_EQ(E("age >= 41 years"), "f/t");
  EXPECT_EQ(E("days(time_served) == 1827"), "t/f");
  EXPECT_EQ(E("years(age) > 40.7 and years(age) < 40.8"), "t/f");
  EXPECT_EQ(E("time_served < age"), "t/t");  // span against span: by length
  EXPECT_EQ(E("remaining < 4 years"), "t/?");  // B has no projected release date
  EXPECT_EQ(E("remaining >= 3 years"), "t/?");  // 2025-03-01 to 2028-06-01
  EXPECT_EQ(E("as_of > 2025-02-28 and as_of <= 2025-03-01"), "t/t");
}

TEST_F(EvaluatorTest, PersonFacts) {
  EXPECT_EQ(E("sex == \"F\""), "t/f");
  EXPECT_EQ(E("race in [\"black\", \"hispanic\"]"), "t/f");
  EXPECT_EQ(E("race in [\"purple\"]"), "f/f");  // a value no one has is not unknown
  EXPECT_EQ(E("admission_type == \"new_sentence\""), "t/?");
  EXPECT_EQ(E("most_serious_category == \"property\""), "t/f");
  EXPECT_EQ(E("most_serious_category == \"violent\""), "f/t");
  EXPECT_EQ(E("active_sentences == 2"), "t/f");
  EXPECT_EQ(E("imposed_term == 3000 days"), "t/?");  // consecutive: 1000 + 2000; LWOP has no length
  EXPECT_EQ(E("served_fraction > 0.6 and served_fraction < 0.62"), "t/?");  // 1827 / 3000
  EXPECT_EQ(E("current_law.excess == 0 days"), "t/t");
  EXPECT_EQ(E("jurisdiction == \"CA\""), "t/t");
}

TEST_F(EvaluatorTest, SentenceAggregates) {
  EXPECT_EQ(E("any(s.flags has \"violent_felony\")"), "f/t");
  EXPECT_EQ(E("any(s.active and s.category == \"drug_possession\")"), "f/f");  // B's possession is served
  EXPECT_EQ(E("any(s.category == \"drug_possession\")"), "f/t");
  EXPECT_EQ(E("all(s.active)"), "t/f");
  EXPECT_EQ(E("count(s.active) == 2"), "t/f");
  EXPECT_EQ(E("sum(s.term) == 3000 days"), "t/?");
  EXPECT_EQ(E("max(s.term) == 2000 days"), "t/?");
  EXPECT_EQ(E("min(s.sentence_date) == 2019-01-01"), "t/f");
  EXPECT_EQ(E("max(s.sentence_date) == 1989-12-01"), "f/t");
  EXPECT_EQ(E("any(s.enhancements has \"CA:PC 667.5(b)\")"), "t/f");
  EXPECT_EQ(E("sum(s.enhancement_days) == 365 days"), "t/f");
  EXPECT_EQ(E("any(s.type in [\"lwop\", \"death\"])"), "f/t");
  EXPECT_EQ(E("any(s.age_at_offense < 18 years)"), "?/?");  // no offense dates in this data
  EXPECT_EQ(E("any(s.sentence_date - birth_date < 35 years)"), "t/f");  // person facts inside any(): A was 34
  EXPECT_EQ(E("count(s.term > 1500 days) == 1"), "t/?");
}

TEST_F(EvaluatorTest, Functions) {
  EXPECT_EQ(E("max(1, 2.5) == 2.5 and min(3, 4) == 3"), "t/t");
  EXPECT_EQ(E("min(as_of, 2000-01-01) == 2000-01-01"), "t/t");
  EXPECT_EQ(E("max(infractions_5y, 1) == 3"), "t/?");
  EXPECT_EQ(E("if(sex == \"F\", 1, 2) == 1"), "t/f");
  EXPECT_EQ(E("if(infractions_5y > 2, 1, 0) == 1"), "t/?");
  EXPECT_EQ(E("is_known(infractions_5y)"), "t/f");
  EXPECT_EQ(E("is_known(remaining) or is_known(imposed_term)"), "t/f");
  EXPECT_EQ(E("coalesce(infractions_5y, 0) == 0"), "f/t");
  EXPECT_EQ(E("coalesce(medical_high_risk, false)"), "t/f");
  EXPECT_EQ(E("years(10 years) > 9.99 and days(2 days) == 2"), "t/t");
}

}  // namespace
}  // namespace clemency

namespace clemency {
namespace {

// The evaluator decides `span OP duration` two ways: per person on the
// calendar (when it also tracks when the answer changes, for eligible_on), and
// by one threshold date for everyone (otherwise). They must always agree.
TEST(EvaluatorPathsTest, ThresholdAndCalendarAgreeForEveryBirthday) {
  const std::string dir = ::testing::TempDir() + "/evaluator_paths_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  {
    std::ofstream people(dir + "/people.csv");
    std::ofstream sentences(dir + "/sentences.csv");
    people << "person_id,jurisdiction,birth_date,sex,race,admission_date\n";
    sentences << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status,projected_release_date\n";
    Date birth = ParseDate("1966-01-01").date;
    Date release = ParseDate("2025-01-01").date;
    for (int i = 0; i < 1500; ++i, birth = birth.PlusDays(1), release = release.PlusDays(1)) {
      people << "P" << i << ",CA," << birth.ToString() << ",M,white," << birth.PlusYears(20).ToString() << "\n";
      sentences << "P" << i << ",1,CA:PC 459 2nd,2000-01-01,determinate,100,active," << release.ToString() << "\n";
    }
  }
  LoadResult r = LoadPopulation(dir, {ParseDate("2025-03-01").date, {}});
  ASSERT_EQ(r.error_count, 0u);
  const FactTable facts = BuildFactTable(*r.population, CatalogSet{}, ParseDate("2025-03-01").date);
  for (const char* text : {"age >= 57 years", "age > 57 years", "age < 57 years", "age <= 58 years",
                           "time_served >= 37 years", "time_served > 450 months", "age >= 21000 days",
                           "remaining <= 1 years", "remaining > 6 months", "remaining < 400 days"}) {
    ParseResult parsed = ParseExpression(text);
    CheckResult checked = CheckExpression(*parsed.root, NameScope{}, ValueType::kBool);
    ASSERT_TRUE(checked.expr) << text;
    Evaluator fast(facts);
    const Column a = fast.Eval(*checked.expr);
    Evaluator calendar(facts);
    std::vector<int64_t> next(facts.people(), kNa);
    calendar.set_next_change(&next);
    const Column b = calendar.Eval(*checked.expr);
    int trues = 0;
    for (size_t k = 0; k < facts.people(); ++k) {
      ASSERT_EQ(a.b[k], b.b[k]) << text << " person " << k;
      trues += a.b[k] == kTrue;
    }
    EXPECT_GT(trues, 0) << text;
    EXPECT_LT(trues, 1500) << text;
  }
}

}  // namespace
}  // namespace clemency

namespace clemency {
namespace {

TEST_F(EvaluatorTest, IntegerOverflowIsUnknown) {
  EXPECT_EQ(E("infractions_5y * 999999999999999 * 999999999999999 > 0"), "?/?");
  EXPECT_EQ(E("999999999999999 * 9999 > 0"), "?/?");  // past 2^63
  EXPECT_EQ(E("99999999 * 99999999 > 0"), "t/t");
}

}  // namespace
}  // namespace clemency

namespace clemency {
namespace {

// The built-in exclusions of a policy's dates (program_ended: as_of > ENDS;
// program_not_in_force: as_of < IN_FORCE) decide everyone alike, and note
// the day their answer changes, which bounds eligible_on.
TEST_F(EvaluatorTest, ProgramDateRulesAndTheDayTheyChange) {
  struct Row {
    const char* expr;
    const char* result;
    const char* next_change;  // for both people
  };
  const Row rows[] = {
      {"as_of > 2025-02-28", "t/t", ""},            // ended the day before: stays ended
      {"as_of > 2025-03-01", "f/f", "2025-03-02"},  // the last day itself still runs
      {"as_of < 2025-03-01", "f/f", ""},            // in force from the as-of date
      {"as_of < 2025-06-01", "t/t", "2025-06-01"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.expr);
    EXPECT_EQ(E(row.expr), row.result);
    ParseResult parsed = ParseExpression(row.expr);
    CheckResult checked = CheckExpression(*parsed.root, NameScope{}, ValueType::kBool);
    ASSERT_TRUE(checked.expr);
    Evaluator ev(*facts_);
    std::vector<int64_t> next(facts_->people(), kNa);
    ev.set_next_change(&next);
    ev.Eval(*checked.expr);
    for (int64_t day : next)
      EXPECT_EQ(day == kNa ? "" : Date::FromDays(static_cast<int32_t>(day)).ToString(), row.next_change);
  }
}

}  // namespace
}  // namespace clemency
