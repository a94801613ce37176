// Schema checks on the generated population (DESIGN.md section 3): headers,
// references between files, date order, terms and enhancements, missing
// values; and the project's own loader accepts it without errors or warnings.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "clemency/core/codes.h"
#include "clemency/core/input_schema.h"
#include "clemency/io/population_loader.h"
#include "clemency/synth/synthesizer.h"
#include "synth_test_util.h"

namespace clemency::testing {
namespace {

class SynthSchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = SharedCaPopulation();
    people_ = ReadTable(dir_ + "/people.csv");
    sentences_ = ReadTable(dir_ + "/sentences.csv");
    facilities_ = ReadTable(dir_ + "/facilities.csv");
  }
  static std::string dir_;
  static Table people_, sentences_, facilities_;
};
std::string SynthSchemaTest::dir_;
Table SynthSchemaTest::people_, SynthSchemaTest::sentences_, SynthSchemaTest::facilities_;

std::vector<std::string> Names(InputFile file) {
  const std::vector<std::string_view> names = ColumnNames(file);
  return std::vector<std::string>(names.begin(), names.end());
}

Date D(const std::string& s) {
  const DateParseResult r = ParseDate(s);
  EXPECT_TRUE(r.ok()) << "bad date \"" << s << "\"";
  return r.date;
}

TEST_F(SynthSchemaTest, HeadersAreTheSchemaColumnsInOrder) {
  EXPECT_EQ(people_.header,
            (std::vector<std::string>{"person_id", "jurisdiction", "birth_date", "birth_date_precision", "sex",
                                      "race", "admission_date", "admission_type", "facility_id", "infractions_5y",
                                      "medical_high_risk"}));
  EXPECT_EQ(people_.header, Names(InputFile::kPeople));
  EXPECT_EQ(sentences_.header, Names(InputFile::kSentences));
  EXPECT_EQ(facilities_.header, Names(InputFile::kFacilities));
  EXPECT_EQ(sentences_.header,
            (std::vector<std::string>{"person_id", "sentence_id", "offense_code", "offense_description",
                                      "offense_date", "sentence_date", "sentence_type", "term_days",
                                      "min_term_days", "max_term_days", "enhancements", "drug_type", "drug_grams",
                                      "consecutive_to", "status", "credits_days", "projected_release_date",
                                      "parole_eligibility_date"}));
  EXPECT_EQ(facilities_.header,
            (std::vector<std::string>{"facility_id", "name", "jurisdiction", "design_capacity", "housing"}));
  for (const auto* t : {&people_, &sentences_, &facilities_})
    for (const auto& r : t->rows) ASSERT_EQ(r.size(), t->header.size());
}

TEST_F(SynthSchemaTest, PeopleRows) {
  const Date as_of = D(kTestAsOf);
  std::set<std::string> facility_ids;
  for (const auto& r : facilities_.rows) facility_ids.insert(r[0]);
  const std::regex id_re("P[0-9]{7}");
  std::set<std::string> ids;
  size_t missing_infractions = 0, missing_medical = 0, missing_facility = 0, year_precision = 0;
  for (const auto& r : people_.rows) {
    SCOPED_TRACE(r[0]);
    ASSERT_TRUE(std::regex_match(r[0], id_re));
    ASSERT_TRUE(ids.insert(r[0]).second) << "duplicate person_id";
    EXPECT_EQ(r[1], "CA");
    const Date birth = D(r[2]), admission = D(r[6]);
    EXPECT_TRUE(r[3].empty() || r[3] == "year");
    year_precision += r[3] == "year";
    EXPECT_TRUE(r[4] == "M" || r[4] == "F");
    EXPECT_TRUE(kRace.Parse(r[5]).has_value());
    EXPECT_LT(birth, admission);
    EXPECT_LE(admission, as_of);
    if (r[3].empty()) {
      EXPECT_GE(AgeOn(birth, admission), 18) << "admitted before the 18th birthday";
    }
    EXPECT_TRUE(r[7].empty() || kAdmissionType.Parse(r[7]).has_value());
    if (r[8].empty()) ++missing_facility;
    else {
      EXPECT_EQ(facility_ids.count(r[8]), 1u) << r[8];
    }
    if (r[9].empty()) ++missing_infractions;
    else {
      EXPECT_GE(std::stoi(r[9]), 0);
    }
    if (r[10].empty()) ++missing_medical;
    else {
      EXPECT_TRUE(r[10] == "0" || r[10] == "1");
    }
  }
  // Some optional values are deliberately unknown (about 3%), never all.
  const double n = static_cast<double>(people_.rows.size());
  for (size_t k : {missing_infractions, missing_medical}) {
    EXPECT_GT(static_cast<double>(k) / n, 0.01);
    EXPECT_LT(static_cast<double>(k) / n, 0.05);
  }
  EXPECT_GT(missing_facility, 0u);
  EXPECT_GT(year_precision, 0u);
}

TEST_F(SynthSchemaTest, SentenceRows) {
  const Date as_of = D(kTestAsOf);
  std::map<std::string, Date> birth_of;
  for (const auto& r : people_.rows) birth_of.emplace(r[0], D(r[2]));
  std::map<std::string, std::set<std::string>> ids_of;
  for (const auto& r : sentences_.rows) ids_of[r[0]].insert(r[1]);
  std::map<std::string, int> active;
  std::map<std::string, size_t> rows_of;
  size_t with_enhancements = 0, drug_rows = 0, missing_credits = 0;
  std::set<std::string> types;
  for (const auto& r : sentences_.rows) {
    SCOPED_TRACE(r[0] + " " + r[1]);
    // Every sentence's person exists.
    ASSERT_EQ(birth_of.count(r[0]), 1u) << "sentence of an unknown person";
    ++rows_of[r[0]];
    const Offense* off = TestCatalog().Find(r[2]);
    ASSERT_NE(off, nullptr) << "offense code not in the catalog: " << r[2];
    EXPECT_EQ(r[3], off->title);
    const Date sent = D(r[5]);
    EXPECT_LE(sent, as_of);
    EXPECT_GE(sent, birth_of[r[0]]);
    if (!r[4].empty()) {
      EXPECT_LE(D(r[4]), sent);
    }
    const std::string& type = r[6];
    types.insert(type);
    ASSERT_TRUE(kSentenceType.Parse(type).has_value()) << type;
    // Enhancements: CODE=DAYS;... with catalog codes.
    int64_t enh_total = 0;
    if (!r[10].empty()) {
      ++with_enhancements;
      size_t start = 0;
      while (start <= r[10].size()) {
        size_t end = r[10].find(';', start);
        if (end == std::string::npos) end = r[10].size();
        const std::string item = r[10].substr(start, end - start);
        const size_t eq = item.rfind('=');
        ASSERT_NE(eq, std::string::npos) << item;
        EXPECT_NE(TestCatalog().FindEnhancement(item.substr(0, eq)), nullptr) << item;
        enh_total += std::stoll(item.substr(eq + 1));
        start = end + 1;
      }
    }
    if (type == "determinate") {
      ASSERT_FALSE(r[7].empty()) << "determinate without term_days";
      const int64_t term = std::stoll(r[7]);
      EXPECT_GT(term, 0);
      EXPECT_GE(term, enh_total) << "enhancements exceed the term, which includes them";
      EXPECT_TRUE(r[8].empty() && r[9].empty());
    } else if (type == "indeterminate") {
      EXPECT_TRUE(r[7].empty());
      ASSERT_FALSE(r[8].empty()) << "indeterminate without min_term_days";
      EXPECT_GE(std::stoll(r[8]), 15 * 365 + enh_total);
      EXPECT_TRUE(r[9].empty()) << "all CA indeterminate terms have a life maximum";
    } else {
      EXPECT_TRUE(r[7].empty()) << "term_days on a " << type << " sentence";
    }
    if (!off->drugs.empty()) {
      ++drug_rows;
      if (!r[11].empty()) {
        EXPECT_NE(std::find(off->drugs.begin(), off->drugs.end(), r[11]), off->drugs.end()) << r[11];
      }
      if (!r[12].empty()) {
        EXPECT_GT(std::stod(r[12]), 0);
      }
    } else {
      EXPECT_TRUE(r[11].empty() && r[12].empty());
    }
    if (!r[13].empty()) {
      EXPECT_EQ(ids_of[r[0]].count(r[13]), 1u) << "consecutive_to names no sentence of this person";
      EXPECT_NE(r[13], r[1]);
    }
    ASSERT_TRUE(r[14] == "active" || r[14] == "served") << r[14];
    if (r[14] == "active") ++active[r[0]];
    if (r[15].empty()) {
      ++missing_credits;
    } else {
      EXPECT_GE(std::stoll(r[15]), 0);
    }
    if (!r[16].empty()) {
      const Date proj = D(r[16]);
      EXPECT_GE(proj, sent);
      if (r[14] == "active") {
        EXPECT_GT(proj, as_of) << "an active sentence's projected release has passed";
      }
      if (!r[17].empty()) {
        EXPECT_LE(D(r[17]), proj);
      }
    }
    if (type == "lwop" || type == "death") {
      EXPECT_TRUE(r[16].empty() && r[17].empty());
    }
  }
  // Every person has 1-4 sentences, a lead S1, and at least one active sentence.
  for (const auto& r : people_.rows) {
    SCOPED_TRACE(r[0]);
    EXPECT_GE(rows_of[r[0]], 1u);
    EXPECT_LE(rows_of[r[0]], 4u);
    EXPECT_EQ(ids_of[r[0]].count("S1"), 1u);
    EXPECT_EQ(ids_of[r[0]].size(), rows_of[r[0]]) << "sentence_id not unique within the person";
    EXPECT_GE(active[r[0]], 1);
  }
  EXPECT_EQ(types, (std::set<std::string>{"determinate", "indeterminate", "life", "lwop", "death"}));
  EXPECT_GT(with_enhancements, sentences_.rows.size() / 50);
  EXPECT_GT(drug_rows, 0u);
  EXPECT_GT(missing_credits, 0u);
}

TEST_F(SynthSchemaTest, LeadSentenceIsTheLongest) {
  std::map<std::string, int64_t> lead_term;
  for (const auto& r : sentences_.rows)
    if (r[1] == "S1" && r[6] == "determinate") lead_term[r[0]] = std::stoll(r[7]);
  for (const auto& r : sentences_.rows) {
    if (r[1] == "S1" || r[6] != "determinate") continue;
    auto it = lead_term.find(r[0]);
    if (it == lead_term.end()) continue;  // the lead is a life-type sentence
    EXPECT_LE(std::stoll(r[7]), it->second) << r[0] << " " << r[1];
  }
}

TEST_F(SynthSchemaTest, ReformCasesExist) {
  // The law work that follows needs sentences each reform touches.
  std::map<std::string, size_t> count;
  for (const auto& r : sentences_.rows) {
    for (const char* code : {"CA:PC 667.5(b)=", "CA:HS 11370.2=", "CA:PC 667(e)(2)(A)=", "CA:PC 667(e)(1)=",
                             "CA:PC 667(a)=", "CA:PC 12022.53("})
      if (r[10].find(code) != std::string::npos) ++count[code];
    if (r[2] == "CA:HS 11350(a)" || r[2] == "CA:HS 11377(a)") ++count["possession"];
  }
  for (const char* code : {"CA:PC 667.5(b)=", "CA:HS 11370.2=", "CA:PC 667(e)(2)(A)=", "CA:PC 667(e)(1)=",
                           "CA:PC 667(a)=", "CA:PC 12022.53(", "possession"})
    EXPECT_GT(count[code], 10u) << code;
}

TEST_F(SynthSchemaTest, ProjectLoaderAcceptsEveryRow) {
  LoadOptions o;
  o.as_of = D(kTestAsOf);
  const LoadResult result = LoadPopulation(dir_, o);
  ASSERT_FALSE(result.fatal);
  std::string problems;
  for (const auto& [code, n] : result.count_by_code) problems += Cat(code, ": ", std::to_string(n), "\n");
  EXPECT_EQ(result.error_count, 0u) << problems;
  EXPECT_EQ(result.warning_count, 0u) << problems;
  EXPECT_EQ(result.people.accepted, people_.rows.size());
  EXPECT_EQ(result.sentences.accepted, sentences_.rows.size());
  EXPECT_EQ(result.facilities.accepted, facilities_.rows.size());
}

}  // namespace
}  // namespace clemency::testing
