// The fact table (screen/fact_columns.h) against its readers: every fact's
// storage fits its type; the evaluator, FactMissing and the reasons text agree
// on which values are unknown, fact by fact, on a small population.
#include "clemency/screen/fact_columns.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "clemency/io/population_loader.h"
#include "clemency/policy/assumable_facts.h"
#include "clemency/policy/expr_parser.h"
#include "clemency/report/person_reasons.h"
#include "clemency/screen/evaluator.h"
#include "clemency/screen/missing_facts.h"

namespace clemency {
namespace {

class FactColumnsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = ::testing::TempDir() + "/fact_columns_test_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    // A: every value given. B: no infractions, medical data or admission type;
    // a life sentence without dates and an offense not in the catalog.
    // C: an indeterminate drug sentence. D: no sentences.
    std::ofstream(dir + "/people.csv")
        << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,facility_id,infractions_5y,medical_high_risk\n"
           "A,CA,1984-06-15,F,black,2020-02-29,new_sentence,F1,3,1\n"
           "B,CA,1950-01-01,M,white,1990-01-01,,,,\n"
           "C,CA,1970-03-01,X,hispanic,2015-05-05,technical_violation,F2,0,0\n"
           "D,CA,1960-01-01,U,other,2024-01-01,other,,1,0\n";
    std::ofstream(dir + "/sentences.csv")
        << "person_id,sentence_id,offense_code,offense_date,sentence_date,sentence_type,term_days,min_term_days,"
           "max_term_days,enhancements,consecutive_to,status,projected_release_date,parole_eligibility_date,"
           "drug_type,drug_grams\n"
           "A,1,CA:PC 459 2nd,2018-10-01,2019-01-01,determinate,1000,,,CA:PC 667.5(b)=365,,active,2025-12-01,2024-01-01,,\n"
           "A,2,CA:PC 459 2nd,2019-02-01,2019-06-01,determinate,2000,,,,1,active,2028-06-01,,,\n"
           "B,1,CA:XX 999,,1989-12-01,life,,,,,,active,,,,\n"
           "B,2,CA:HS 11350(a),1985-01-01,1985-12-01,determinate,365,,,,,served,1986-06-01,,,\n"
           "C,1,CA:HS 11351,2014-01-01,2015-01-01,indeterminate,,1000,4000,,,active,2026-01-01,2020-01-01,cocaine,12.5\n";
    LoadResult r = LoadPopulation(dir, {ParseDate("2025-03-01").date, {}});
    ASSERT_EQ(r.error_count, 0u) << r.problems[0].Format();
    pop_ = new Population(std::move(*r.population));
    std::string error;
    catalog_ = new OffenseCatalog(*OffenseCatalog::LoadJurisdiction("CA", &error, CLEMENCY_TEST_DATA "/../../rules"));
    facts_ = new FactTable(BuildFactTable(*pop_, CatalogSet{{"CA", catalog_}}, ParseDate("2025-03-01").date));
  }

  // The person column of an int or bool expression.
  static Column Eval(std::string_view text, ValueType type) {
    ParseResult parsed = ParseExpression(text);
    EXPECT_TRUE(parsed.ok()) << text;
    CheckResult checked = CheckExpression(*parsed.root, NameScope{}, type);
    EXPECT_TRUE(checked.expr) << text << ": " << checked.error.message;
    return Evaluator(*facts_).Eval(*checked.expr);
  }

  static Population* pop_;
  static OffenseCatalog* catalog_;
  static FactTable* facts_;
};
Population* FactColumnsTest::pop_ = nullptr;
OffenseCatalog* FactColumnsTest::catalog_ = nullptr;
FactTable* FactColumnsTest::facts_ = nullptr;

bool IsSet(const FactInfo& f) { return f.type == ValueType::kFlagSet; }

TEST(FactColumns, EveryFactHasAnEntryThatFitsItsType) {
  ASSERT_EQ(AllFactColumns().size(), AllFacts().size());
  for (const FactInfo& info : AllFacts()) {
    const FactColumn& c = ColumnOf(info.fact);
    SCOPED_TRACE(info.name);
    EXPECT_EQ(c.fact, info.fact);
    switch (info.type) {
      case ValueType::kBool: EXPECT_TRUE(c.storage == Storage::kBool && c.bools != nullptr); break;
      case ValueType::kNumber:
        EXPECT_TRUE((c.storage == Storage::kNumber && c.numbers != nullptr) ||
                    (c.storage == Storage::kComputed && c.compute != nullptr));
        break;
      case ValueType::kSpan: EXPECT_EQ(c.storage, Storage::kSpan); break;
      case ValueType::kFlagSet:
        EXPECT_TRUE(c.storage == Storage::kFlagMask || c.storage == Storage::kEnhancements);
        break;
      case ValueType::kDate: EXPECT_TRUE((c.storage == Storage::kInt && c.ints != nullptr) || c.storage == Storage::kAsOf); break;
      default: EXPECT_TRUE(c.storage == Storage::kInt && c.ints != nullptr); break;
    }
    // A span end read at the sentence's person belongs to a sentence fact.
    if (c.start.of_person || c.end.of_person) {
      EXPECT_EQ(info.scope, Scope::kSentence);
    }
  }
}

TEST(FactColumns, AssumableFactsAreIntOrBoolColumns) {
  for (const AssumableFact& a : AssumableFacts()) {
    const Storage s = ColumnOf(a.fact).storage;
    EXPECT_TRUE(s == Storage::kInt || s == Storage::kBool) << a.name;
  }
}

// is_known(fact) in the evaluator is FactMissing negated, person by person;
// for a sentence fact, the count of unknown values over a person's sentences.
TEST_F(FactColumnsTest, EvaluatorAndFactMissingAgree) {
  const FactTable& t = *facts_;
  for (const FactInfo& info : AllFacts()) {
    if (IsSet(info)) continue;
    SCOPED_TRACE(info.name);
    const std::string name(info.name);
    if (info.scope == Scope::kPerson) {
      const Column c = Eval("is_known(" + name + ")", ValueType::kBool);
      for (uint32_t p = 0; p < t.people(); ++p) EXPECT_EQ(c.b[p] == kFalse, FactMissing(t, info.fact, p)) << p;
      continue;
    }
    const Column c = Eval("count(not is_known(" + name + "))", ValueType::kInt);
    for (uint32_t p = 0; p < t.people(); ++p) {
      int64_t missing = 0;
      for (uint32_t s = t.sentence_begin[p]; s < t.sentence_begin[p + 1]; ++s) missing += FactMissing(t, info.fact, s);
      EXPECT_EQ(c.i[p], missing) << p;
    }
  }
}

// The population has a missing value of the facts the data may lack.
TEST_F(FactColumnsTest, SomeValuesAreMissing) {
  const FactTable& t = *facts_;
  for (Fact f : {Fact::kInfractions5y, Fact::kMedicalHighRisk, Fact::kAdmissionTypeFact, Fact::kFacilityId,
                 Fact::kServedFraction, Fact::kRemaining, Fact::kMostSeriousCategory}) {
    bool any = false;
    for (uint32_t p = 0; p < t.people(); ++p) any |= FactMissing(t, f, p);
    EXPECT_TRUE(any) << FactName(f);
  }
  for (Fact f : {Fact::kSCategory, Fact::kSFlags, Fact::kSTerm, Fact::kSOffenseDate, Fact::kSAgeAtOffense,
                 Fact::kSDrugGrams, Fact::kSParoleEligibility}) {
    bool any = false;
    for (uint32_t s = 0; s < t.sentences(); ++s) any |= FactMissing(t, f, s);
    EXPECT_TRUE(any) << FactName(f);
  }
  EXPECT_FALSE(FactMissing(t, Fact::kAsOf, 0));
}

// The reasons text of a missing value says unknown; of a known one, the value.
TEST_F(FactColumnsTest, ReasonsTextAgreesWithFactMissing) {
  const FactTable& t = *facts_;
  for (const FactInfo& info : AllFacts()) {
    SCOPED_TRACE(info.name);
    for (uint32_t p = 0; p < t.people(); ++p) {
      const std::string text = FactText(t, info.fact, p);
      if (info.scope == Scope::kPerson) {
        EXPECT_EQ(text == "unknown", FactMissing(t, info.fact, p)) << p << ": " << text;
        continue;
      }
      if (t.sentence_begin[p] == t.sentence_begin[p + 1]) {
        EXPECT_EQ(text, "no sentences");
        continue;
      }
      // One value per sentence, "; "-separated.
      size_t from = 0;
      for (uint32_t s = t.sentence_begin[p]; s < t.sentence_begin[p + 1]; ++s) {
        const size_t to = std::min(text.find("; ", from), text.size());
        const std::string value = text.substr(from, to - from);
        EXPECT_EQ(value.find("unknown") != std::string::npos, FactMissing(t, info.fact, s)) << s << ": " << value;
        from = to + 2;
      }
      EXPECT_GE(from, text.size());
    }
  }
}

TEST_F(FactColumnsTest, ValuesAsPrinted) {
  const FactTable& t = *facts_;
  EXPECT_EQ(FactText(t, Fact::kAsOf, 0), "2025-03-01");
  EXPECT_EQ(FactText(t, Fact::kAge, 0), "40 years 8 months 14 days (1984-06-15 to 2025-03-01)");
  EXPECT_EQ(FactText(t, Fact::kRemaining, 1), "unknown");
  // A: 1827 days served of 3000 (1000 and 2000 consecutive).
  EXPECT_EQ(FactText(t, Fact::kServedFraction, 0), "0.609");
  EXPECT_DOUBLE_EQ(ServedFraction(t, 0, t.as_of.days()), 1827.0 / 3000.0);
  EXPECT_EQ(FactText(t, Fact::kSAgeAtOffense, 0),
            "34 years 3 months 16 days (1984-06-15 to 2018-10-01); 34 years 7 months 17 days (1984-06-15 to 2019-02-01)");
  EXPECT_EQ(FactText(t, Fact::kSTerm, 0), "1000 days; 2000 days");
  EXPECT_EQ(FactText(t, Fact::kSDrugGrams, 2), "12.5");
  EXPECT_EQ(FactText(t, Fact::kSEnhancements, 0), "CA:PC 667.5(b)=365; none");
  EXPECT_EQ(FactText(t, Fact::kMedicalHighRisk, 1), "unknown");
  EXPECT_EQ(FactText(t, Fact::kInfractions5y, 0), "3");
  EXPECT_EQ(FactText(t, Fact::kSexFact, 2), "X");
}

// eligible_on follows the as-of date only through the table: a span end, the
// as-of date itself, a computed fact's reached_on.
TEST_F(FactColumnsTest, TimeDependenceComesFromTheEntry) {
  const Column age = Eval("age", ValueType::kSpan);
  EXPECT_TRUE(age.as_of_end);
  EXPECT_FALSE(age.as_of_start);
  const Column remaining = Eval("remaining", ValueType::kSpan);
  EXPECT_TRUE(remaining.as_of_start);
  const Column fraction = Eval("served_fraction", ValueType::kNumber);
  ASSERT_NE(fraction.reached_on, nullptr);
  // A reaches half of 3000 days 1500 days after admission.
  EXPECT_DOUBLE_EQ(fraction.reached_on(*facts_, 0, 0.5), static_cast<double>(facts_->admission[0] + 1500));
  EXPECT_TRUE(Eval("as_of", ValueType::kDate).is_as_of);
  EXPECT_EQ(Eval("imposed_term", ValueType::kDuration).reached_on, nullptr);
}

}  // namespace
}  // namespace clemency
