// Review triage as a table: small policies over three hand-made people, and
// for each person the status and the facts the triage names, worked out by
// hand from Kleene logic.
//
//   A  infractions 5, medical_high_risk 1, new_sentence; an active possession
//      (CA:HS 11350(a), in the catalog) and a served CA:PC 99999 (not in it)
//   B  infractions, medical_high_risk and admission_type all missing; an
//      active CA:PC 99999 and an active possession
//   C  infractions 0, medical_high_risk missing, technical_violation; an
//      active burglary (CA:PC 459 2nd: property)
#include "clemency/screen/review_triage.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "clemency/io/population_loader.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/screen/assumptions.h"
#include "clemency/screen/data_coverage.h"

namespace clemency {
namespace {

const char* kRulesDir = CLEMENCY_TEST_DATA "/../../rules";

class ReviewTriageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/triage_" + ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ + "/people.csv")
        << "person_id,jurisdiction,birth_date,sex,race,admission_date,admission_type,infractions_5y,medical_high_risk\n"
           "A,CA,1950-01-01,M,white,2015-01-01,new_sentence,5,1\n"
           "B,CA,1990-01-01,F,black,2018-01-01,,,\n"
           "C,CA,1960-01-01,M,hispanic,2019-01-01,technical_violation,0,\n";
    std::ofstream(dir_ + "/sentences.csv")
        << "person_id,sentence_id,offense_code,sentence_date,sentence_type,term_days,status\n"
           "A,1,CA:HS 11350(a),2014-06-01,determinate,1000,active\n"
           "A,2,CA:PC 99999,2010-06-01,determinate,300,served\n"
           "B,1,CA:PC 99999,2017-06-01,determinate,2000,active\n"
           "B,2,CA:HS 11350(a),2017-06-01,determinate,900,active\n"
           "C,1,CA:PC 459 2nd,2018-06-01,determinate,1500,active\n";
    LoadResult r = LoadPopulation(dir_, {ParseDate("2025-01-01").date, {}});
    ASSERT_EQ(r.error_count, 0u) << (r.problems.empty() ? "" : r.problems[0].Format());
    pop_ = std::move(*r.population);
    std::string error;
    catalog_ = OffenseCatalog::LoadJurisdiction("CA", &error, kRulesDir);
    ASSERT_TRUE(catalog_) << error;
    facts_ = BuildFactTable(pop_, CatalogSet{{"CA", &*catalog_}}, ParseDate("2025-01-01").date);
  }

  Policy MakePolicy(const std::string& eligibility, const std::string& criteria, const std::string& exclusion) {
    std::string toml = "id = \"t\"\ntitle = \"t\"\ncitation = \"t\"\neligibility = '" + eligibility +
                       "'\npriority = \"1\"\n";
    if (!criteria.empty()) toml += criteria;
    if (!exclusion.empty())
      toml += "[[exclusions]]\nid = \"x\"\ntext = \"t\"\ncitation = \"t\"\nexpr = '" + exclusion + "'\n";
    const std::string path = dir_ + "/policy.toml";
    std::ofstream(path) << toml;
    std::vector<PolicyProblem> problems;
    auto p = LoadPolicy(path, &problems);
    for (const auto& pr : problems)
      if (!pr.lint) ADD_FAILURE() << pr.Format();
    return std::move(*p);
  }

  // "E/R:infractions_5y/N": per person, E eligible, N not eligible, or R and
  // the triage's facts; checks that exactly the needs_review people have facts.
  std::string Triage(const Policy& policy) {
    const Screening s = Screen(policy, facts_);
    const ReviewTriage t = TriageReview(policy, facts_, s);
    std::string out;
    for (uint32_t p = 0; p < pop_.people_count(); ++p) {
      if (p > 0) out += "/";
      const bool review = s.status[p] == Status::kNeedsReview;
      EXPECT_EQ(review, !t.FactsOf(p).empty()) << "person " << p;
      out += s.status[p] == Status::kEligible ? "E" : s.status[p] == Status::kNotEligible ? "N" : "R:" + t.Joined(p, ";");
    }
    return out;
  }

  static std::string Criterion(const std::string& id, const std::string& expr) {
    return "[[criteria]]\nid = \"" + id + "\"\ntext = \"t\"\ncitation = \"t\"\nexpr = '" + expr + "'\n";
  }

  std::string dir_;
  Population pop_;
  std::optional<OffenseCatalog> catalog_;
  FactTable facts_;
};

TEST_F(ReviewTriageTest, NamesTheUnknownFactsTheStatusHingesOn) {
  struct Case {
    const char* what;
    std::string eligibility, criteria, exclusion;
    std::string expected;
  };
  const Case cases[] = {
      {"a missing fact", "infractions_5y <= 3", "", "", "N/R:infractions_5y/E"},
      {"and: only the unknown operands", "infractions_5y <= 3 and medical_high_risk", "", "",
       "N/R:infractions_5y;medical_high_risk/R:medical_high_risk"},
      {"or: a true operand decides", "infractions_5y <= 3 or medical_high_risk", "", "",
       "E/R:infractions_5y;medical_high_risk/E"},
      {"not", "not (infractions_5y > 3)", "", "", "N/R:infractions_5y/E"},
      {"all() over active sentences only: a served sentence's unknown category does not count",
       "all(not s.active or s.category == \"drug_possession\")", "", "", "E/R:s.category[CA:PC 99999]/N"},
      {"any(): a true sentence decides", "any(s.active and s.category == \"drug_possession\")", "", "", "E/E/N"},
      {"a derived fact names the code it lacks", "most_serious_category == \"drug_possession\"", "", "",
       "E/R:most_serious_category[CA:PC 99999]/N"},
      {"an unknown exclusion", "true", "", "infractions_5y > 3", "N/R:infractions_5y/E"},
      {"an unknown exclusion does not matter when eligibility is false", "admission_type == \"new_sentence\"", "",
       "infractions_5y > 3 or medical_high_risk", "N/R:admission_type;infractions_5y;medical_high_risk/N"},
      {"through a criterion", "calm", Criterion("calm", "infractions_5y <= 3 and medical_high_risk == false"), "",
       "N/R:infractions_5y;medical_high_risk/R:medical_high_risk"},
      {"a known derived value hides the fact under it", "coalesce(infractions_5y, 0) <= 3 and not medical_high_risk",
       "", "", "N/R:medical_high_risk/R:medical_high_risk"},
      {"a rule unknown by design, with no fact to name", "infractions_5y <= 3 and checked",
       Criterion("checked", "unknown"), "", "N/R:checked (not in the data);infractions_5y/R:checked (not in the data)"},
  };
  for (const Case& c : cases) EXPECT_EQ(Triage(MakePolicy(c.eligibility, c.criteria, c.exclusion)), c.expected) << c.what;
}

TEST_F(ReviewTriageTest, AnAssumptionFillsOnlyMissingValuesAndDecides) {
  const Policy policy = MakePolicy("true", "", "infractions_5y > 3");
  Assumption a;
  std::string error;
  ASSERT_TRUE(ParseAssumption("infractions_5y=0", &a, &error)) << error;
  ApplyAssumption(facts_, a);
  EXPECT_EQ(a.filled, 1);  // B only: A's 5 and C's 0 stay
  EXPECT_EQ(facts_.infractions_5y[0], 5);
  EXPECT_EQ(facts_.infractions_5y[1], 0);
  EXPECT_EQ(std::vector<uint8_t>(a.applied), (std::vector<uint8_t>{0, 1, 0}));
  EXPECT_EQ(Triage(policy), "N/E/E");
  EXPECT_FALSE(ParseAssumption("age=3", &a, &error));
  EXPECT_NE(error.find("infractions_5y, medical_high_risk, admission_type"), std::string::npos) << error;
  EXPECT_FALSE(ParseAssumption("infractions_5y=none", &a, &error));
  EXPECT_FALSE(ParseAssumption("admission_type=unknown", &a, &error));
  EXPECT_TRUE(ParseAssumption("medical_high_risk=0", &a, &error)) << error;
}

TEST_F(ReviewTriageTest, CoverageCountsPeopleLackingEachFactAndWhenItIsAbsent) {
  const Policy policy = MakePolicy("infractions_5y <= 3 and medical_high_risk == false", "",
                                   "any(s.active and s.flags has \"sex_registrable\")");
  const Screening s = Screen(policy, facts_);
  const ReviewTriage t = TriageReview(policy, facts_, s);
  std::string got;
  for (const CoverageEntry& e : DataCoverage(policy, facts_, t))
    got += e.fact + " " + e.jurisdiction + " " + std::to_string(e.missing) + "/" + std::to_string(e.people) +
           (e.absent() ? " absent" : "") + " review " + std::to_string(e.needs_review) + "/" +
           std::to_string(e.needs_review_only) + "\n";
  // medical_high_risk: B and C lack it; infractions_5y: B; s.flags: B's active CA:PC 99999
  // (A's is served). B hinges on all three, C on medical_high_risk alone.
  EXPECT_EQ(got,
            "infractions_5y CA 1/3 review 1/0\n"
            "medical_high_risk CA 2/3 review 2/1\n"
            "s.flags CA 1/3 review 1/0\n");
  // Remove C's and A's values: the fact is then absent for the whole jurisdiction.
  facts_.medical_high_risk.assign(3, kUnknownBool);
  const ReviewTriage t2 = TriageReview(policy, facts_, Screen(policy, facts_));
  bool absent = false;
  for (const CoverageEntry& e : DataCoverage(policy, facts_, t2)) absent |= e.fact == "medical_high_risk" && e.absent();
  EXPECT_TRUE(absent);
}

}  // namespace
}  // namespace clemency
