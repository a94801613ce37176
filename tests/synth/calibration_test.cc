// The calibration test: a generated California population (200,000 people)
// against the raw BJS tables in tests/data/bjs/ (parsed here with the CSV
// reader, not taken from the extract the generator uses, so a transcription
// error in rules/calibration/ fails this test too), and against the stated
// modelling assumptions where BJS has no number.
//
// Tolerance on a share p estimated from n people (stated once, used for every
// comparison):
//   p >= 5%:  within 1 percentage point absolute;
//   p <  5%:  within 20% of p (relative);
//   p == 0:   at most 0.05%;
//   and never tighter than 4 binomial standard errors, 4 * sqrt(p(1-p)/n),
//   so that sampling noise alone does not fail the test.
// Shares conditional on a category (e.g. possession within drug offenses) use
// a wider 2.5-point absolute band, because the expected value is computed
// from Table 16's race columns alone while the generator also conditions on
// sex (see expected_conditional below).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "clemency/core/codes.h"
#include "synth_test_util.h"

namespace clemency::testing {
namespace {

std::string Bjs(const char* file) { return std::string(CLEMENCY_TEST_DATA) + "/bjs/" + file; }

double Tolerance(double p, double n) {
  if (p <= 0) return 0.0005;
  const double rule = p >= 0.05 ? 0.01 : 0.2 * p;
  return std::max(rule, 4 * std::sqrt(p * (1 - p) / n));
}

// Collects every comparison so the test log shows the observed deviations.
struct Report {
  ~Report() {
    std::printf("\n%-44s %9s %9s %9s %9s\n", "share", "BJS/target", "generated", "deviation", "tolerance");
    for (const auto& l : lines) std::printf("%s\n", l.c_str());
  }
  void Add(const std::string& name, double expected, double observed, double tol) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%-44s %8.3f%% %8.3f%% %+8.3f%% %8.3f%%", name.c_str(), 100 * expected,
                  100 * observed, 100 * (observed - expected), 100 * tol);
    lines.emplace_back(buf);
  }
  std::vector<std::string> lines;
};
Report& TheReport() {
  static Report r;
  return r;
}

void ExpectShare(const std::string& name, double observed, double expected, double n, double tol = -1) {
  if (tol < 0) tol = Tolerance(expected, n);
  TheReport().Add(name, expected, observed, tol);
  EXPECT_NEAR(observed, expected, tol) << name << " (n = " << n << ")";
}

// Strips a footnote marker: "Illinois/d,e" -> "Illinois".
std::string Name(const std::string& s) {
  std::string t = s.substr(0, s.find('/'));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  return t;
}

// The first record whose first or second field names `name`.
const std::vector<std::string>& Row(const std::vector<std::vector<std::string>>& recs, const std::string& name) {
  for (const auto& r : recs)
    for (size_t i = 0; i < std::min<size_t>(2, r.size()); ++i)
      if (Name(r[i]) == name) return r;
  static const std::vector<std::string> kEmpty;
  ADD_FAILURE() << "no row \"" << name << "\"";
  return kEmpty;
}

double Field(const std::vector<std::string>& row, size_t i) {
  return i < row.size() ? BjsNumber(row[i]) : -1;
}

// BJS race columns in Tables 11 and 16: white, black, hispanic, AIAN, Asian/NHPI.
enum Col { kWhite, kBlack, kHispanic, kNative, kAsian, kOther, kAll };
Col ColOf(Race r) {
  switch (r) {
    case Race::kWhite: return kWhite;
    case Race::kBlack: return kBlack;
    case Race::kHispanic: return kHispanic;
    case Race::kNative: return kNative;
    case Race::kAsian:
    case Race::kPacific: return kAsian;
    case Race::kOther: return kOther;
    case Race::kUnknown: return kAll;
  }
  return kAll;
}

// What the test reads from the generated population.
struct Person {
  int sex;  // 0 male, 1 female
  Race race;
  int age;
  std::string admission_type;
  int sub = -1;  // BJS subcategory of the lead (most serious) sentence
  std::string lead_type;
  int64_t lead_term = -1;
};

class CalibrationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = SharedCaPopulation();
    const Date as_of = ParseDate(kTestAsOf).date;
    const Table people = ReadTable(dir + "/people.csv");
    std::map<std::string, size_t> index;
    for (const auto& r : people.rows) {
      Person p;
      p.sex = r[static_cast<size_t>(people.Col("sex"))] == "F" ? 1 : 0;
      p.race = *kRace.Parse(r[static_cast<size_t>(people.Col("race"))]);
      p.age = AgeOn(ParseDate(r[static_cast<size_t>(people.Col("birth_date"))]).date, as_of);
      p.admission_type = r[static_cast<size_t>(people.Col("admission_type"))];
      index.emplace(r[0], persons_.size());
      persons_.push_back(p);
    }
    const Table sentences = ReadTable(dir + "/sentences.csv");
    const auto c_sid = static_cast<size_t>(sentences.Col("sentence_id"));
    const auto c_code = static_cast<size_t>(sentences.Col("offense_code"));
    const auto c_type = static_cast<size_t>(sentences.Col("sentence_type"));
    const auto c_term = static_cast<size_t>(sentences.Col("term_days"));
    for (const auto& r : sentences.rows) {
      if (r[c_sid] != "S1") continue;  // the generator writes the most serious sentence first, as S1
      Person& p = persons_[index.at(r[0])];
      const Offense* o = TestCatalog().Find(r[c_code]);
      ASSERT_NE(o, nullptr) << r[c_code];
      p.sub = BjsOffenseIndex(o->bjs_offense);
      p.lead_type = r[c_type];
      if (!r[c_term].empty()) p.lead_term = std::stoll(r[c_term]);
    }
  }
  static double N() { return static_cast<double>(persons_.size()); }
  static std::vector<Person> persons_;
};
std::vector<Person> CalibrationTest::persons_;

TEST_F(CalibrationTest, SexShareMatchesTable4) {
  const auto t4 = ReadRecords(Bjs("p22stt04.csv"));
  const auto& ca = Row(t4, "California");
  const double total = Field(ca, 6), female = Field(ca, 8);  // 2022 columns
  ASSERT_GT(total, 90000);
  double f = 0;
  for (const Person& p : persons_) f += p.sex;
  ExpectShare("female (Table 4, CA 2022)", f / N(), female / total, N());
}

TEST_F(CalibrationTest, RaceSharesMatchAppendixTable1) {
  // California reports race in Appendix Table 1, so the generator rakes the
  // Table 11 sex-by-race counts to that margin.
  const auto a1 = ReadRecords(Bjs("p22stat01.csv"));
  const auto& ca = Row(a1, "California");
  auto v = [&](size_t i) { return std::max(0.0, Field(ca, i)); };
  const double total = v(2);
  const std::map<Race, double> expected = {
      {Race::kWhite, v(3) / total},           {Race::kBlack, v(4) / total},
      {Race::kHispanic, v(5) / total},        {Race::kNative, v(6) / total},
      {Race::kAsian, v(7) / total},           {Race::kPacific, v(8) / total},
      {Race::kOther, (v(9) + v(10)) / total}, {Race::kUnknown, (v(11) + v(12)) / total}};
  for (const auto& [race, share] : expected) {
    double k = 0;
    for (const Person& p : persons_) k += p.race == race;
    ExpectShare(Cat("race ", kRace.Name(race), " (Appendix Table 1, CA)"), k / N(), share, N());
  }
}

TEST_F(CalibrationTest, AgeBandsMatchTable11GivenSexAndRace) {
  const auto t11 = ReadRecords(Bjs("p22stt11.csv"));
  // The 11 age-band rows follow the "Total" row.
  size_t first = 0;
  for (size_t i = 0; i < t11.size(); ++i)
    if (t11[i].size() > 1 && t11[i][1].rfind("Total", 0) == 0) first = i + 1;
  ASSERT_GT(first, 0u);
  constexpr int kBands = 11;
  static constexpr int kLow[kBands + 1] = {18, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 1000};
  // Columns: male all 4, white 6, black 8, hispanic 10, AIAN 12, Asian 14, other 16; female +14.
  static constexpr size_t kColIndex[7] = {6, 8, 10, 12, 14, 16, 4};
  auto pct = [&](int sex, Col col, int band) {
    double sum = 0;
    for (int b = 0; b < kBands; ++b) sum += std::max(0.0, Field(t11[first + b], kColIndex[col] + 14 * sex));
    return std::max(0.0, Field(t11[first + band], kColIndex[col] + 14 * sex)) / sum;
  };
  auto band_of = [&](int age) {
    int b = 0;
    while (age >= kLow[b + 1]) ++b;
    return b;
  };
  // Expected distribution of a group = its sex-by-race mix times Table 11's
  // age distribution for each sex and race column.
  for (int group = 0; group < 3; ++group) {  // all, male, female
    const char* gname = group == 0 ? "all" : group == 1 ? "male" : "female";
    std::array<double, kBands> expected{}, observed{};
    double n = 0;
    for (const Person& p : persons_) {
      if (group == 1 && p.sex != 0) continue;
      if (group == 2 && p.sex != 1) continue;
      n += 1;
      for (int b = 0; b < kBands; ++b) expected[b] += pct(p.sex, ColOf(p.race), b);
      if (p.age >= 18) observed[band_of(p.age)] += 1;
    }
    for (int b = 0; b < kBands; ++b) {
      const std::string upper = b + 1 < kBands ? Cat("-", std::to_string(kLow[b + 1] - 1)) : std::string("+");
      const std::string name = Cat("age ", gname, " ", std::to_string(kLow[b]), upper, " (Table 11)");
      ExpectShare(name, observed[b] / n, expected[b] / n, n);
    }
    double old_e = 0, old_o = 0;
    for (int b = 8; b < kBands; ++b) old_e += expected[b], old_o += observed[b];
    ExpectShare(Cat("age ", gname, " 55+ (Table 11)"), old_o / n, old_e / n, n);
  }
  // Each large sex-by-race cell (20,000 people or more) against its own
  // Table 11 column, so an error in one column of the extract shows.
  std::map<std::pair<int, Race>, std::array<double, kBands + 1>> cells;  // [kBands] = count
  for (const Person& p : persons_) {
    auto& c = cells[{p.sex, p.race}];
    c[band_of(p.age)] += 1;
    c[kBands] += 1;
  }
  for (const auto& [key, c] : cells) {
    const double n = c[kBands];
    if (n < 20000) continue;
    for (int b = 0; b < kBands; ++b)
      ExpectShare(Cat("age ", key.first == 1 ? "female " : "male ", kRace.Name(key.second), " ",
                      std::to_string(kLow[b]), " (Table 11)"),
                  c[b] / n, pct(key.first, ColOf(key.second), b), n);
  }
  for (const Person& p : persons_) ASSERT_GE(p.age, 18);
}

TEST_F(CalibrationTest, OffenseCategoryMixMatchesTable18) {
  const auto t18 = ReadRecords(Bjs("p22stt18.csv"));
  const auto& ca = Row(t18, "California");
  std::array<double, 5> expected{};
  double sum = 0;
  for (int c = 0; c < 5; ++c) sum += expected[c] = std::max(0.0, Field(ca, 4 + 2 * c));
  ASSERT_GT(sum, 95);
  std::array<double, 5> observed{};
  for (const Person& p : persons_) {
    ASSERT_GE(p.sub, 0);
    observed[BjsCategoryIndex(BjsCategoryOf(kBjsOffenses[p.sub]))] += 1;
  }
  for (int c = 0; c < 5; ++c)
    ExpectShare(Cat("category ", kBjsCategories[c], " (Table 18, CA)"), observed[c] / N(),
                expected[c] / sum, N());
}

// Subcategory shares within each category, and possession vs trafficking
// within drug offenses, against Table 16: the expected share of subcategory k
// within category c is the mix, over the generated people in c, of each race
// column's share k / c.
TEST_F(CalibrationTest, SubcategoriesWithinCategoriesMatchTable16) {
  const auto t16 = ReadRecords(Bjs("p22stt16.csv"));
  // Subcategory rows, in kBjsOffenses order: 6 after "Violent", 5 after
  // "Property", 2 after "Drug", 3 after "Public order", and "Other/unspecified".
  std::vector<size_t> rows;
  for (size_t i = 0; i < t16.size(); ++i) {
    const std::string head = t16[i].empty() ? "" : t16[i][0];
    const int follow = head == "Violent" ? 6 : head == "Property" ? 5 : head == "Drug" ? 2 : head == "Public order" ? 3 : 0;
    for (int j = 1; j <= follow; ++j) rows.push_back(i + static_cast<size_t>(j));
    if (head.rfind("Other/unspecified", 0) == 0) rows.push_back(i);
  }
  ASSERT_EQ(rows.size(), kNumBjsOffenses);
  // Columns: white 8, black 10, hispanic 12, AIAN 14, Asian 16; all prisoners 2.
  static constexpr size_t kColIndex[7] = {8, 10, 12, 14, 16, 2, 2};
  auto pct = [&](Col col, size_t k) { return Field(t16[rows[k]], kColIndex[col]); };
  auto cat_of = [](size_t k) { return BjsCategoryIndex(BjsCategoryOf(kBjsOffenses[k])); };

  std::array<double, 5> in_cat{};
  std::array<double, kNumBjsOffenses> observed{}, expected{};
  for (const Person& p : persons_) {
    const int c = cat_of(static_cast<size_t>(p.sub));
    in_cat[c] += 1;
    observed[static_cast<size_t>(p.sub)] += 1;
    const Col col = ColOf(p.race);
    double cat_total = 0;
    for (size_t k = 0; k < kNumBjsOffenses; ++k)
      if (cat_of(k) == c) cat_total += pct(col, k);
    for (size_t k = 0; k < kNumBjsOffenses; ++k)
      if (cat_of(k) == c) expected[k] += pct(col, k) / cat_total;
  }
  for (size_t k = 0; k < kNumBjsOffenses; ++k) {
    const double n = in_cat[cat_of(k)];
    if (n < 1000 || cat_of(k) == 4) continue;  // a category too small to test (or with one subcategory)
    const double e = expected[k] / n;
    ExpectShare(Cat(kBjsOffenses[k], " within ", kBjsCategories[cat_of(k)], " (Table 16)"),
                observed[k] / n, e, n, std::max(0.025, 4 * std::sqrt(e * (1 - e) / n)));
  }
}

TEST_F(CalibrationTest, LifeSentenceSharesMatchTheAssumption) {
  const LifeShares t = TestCalibration().assumptions.LifeFor("CA");
  double lwop = 0, death = 0, lwp = 0, virt = 0;
  for (const Person& p : persons_) {
    lwop += p.lead_type == "lwop";
    death += p.lead_type == "death";
    lwp += p.lead_type == "indeterminate" || p.lead_type == "life";
    virt += p.lead_type == "determinate" && p.lead_term >= 18262;  // 50 years
  }
  ExpectShare("LWOP (assumption, CA)", lwop / N(), t.lwop, N());
  ExpectShare("death (assumption, CA)", death / N(), t.death, N());
  ExpectShare("life with parole (assumption, CA)", lwp / N(), t.life_with_parole, N());
  ExpectShare("virtual life >= 50 years (assumption, CA)", virt / N(), t.virtual_life, N());
}

TEST_F(CalibrationTest, AdmissionTypesMatchTable8AndTheAssumption) {
  // Stock share of each admission type = its share of 2022 admissions (Table
  // 8) times its relative stay, normalised; the split of supervision
  // violations into technical and new-offense returns is an assumption.
  const auto t8 = ReadRecords(Bjs("p22stt08.csv"));
  const auto& ca = Row(t8, "California");
  const double fresh = Field(ca, 8), viol = Field(ca, 10);  // 2022 columns
  ASSERT_GT(fresh, 0);
  const Assumptions& a = TestCalibration().assumptions;
  const double v = viol / (fresh + viol);
  const double tf = a.TechnicalShareOfViolationsFor("CA");
  const double tech = v * tf * a.technical_relative_stay;
  const double newoff = v * (1 - tf) * a.new_offense_relative_stay;
  const double total = tech + newoff + (1 - v);
  double n = 0, t = 0, o = 0;
  for (const Person& p : persons_) {
    if (p.admission_type.empty()) continue;
    n += 1;
    t += p.admission_type == "technical_violation";
    o += p.admission_type == "new_offense_violation";
  }
  ExpectShare("technical_violation (Table 8 + assumption)", t / n, tech / total, n);
  ExpectShare("new_offense_violation (Table 8 + assumption)", o / n, newoff / total, n);
}

TEST_F(CalibrationTest, DesignCapacityMatchesTable21Crowding) {
  const auto t21 = ReadRecords(Bjs("p22stt21.csv"));
  const auto& ca = Row(t21, "California");
  const double design = Field(ca, 4), custody = Field(ca, 5);
  ASSERT_GT(design, 0);
  const Table fac = ReadTable(SharedCaPopulation() + "/facilities.csv");
  double cap = 0;
  for (const auto& r : fac.rows) cap += std::stod(r[static_cast<size_t>(fac.Col("design_capacity"))]);
  const double ratio = N() / cap;
  TheReport().Add("custody / design capacity (Table 21, CA)", custody / design, ratio, 0.01 * custody / design);
  EXPECT_NEAR(ratio, custody / design, 0.01 * custody / design);
  // About one facility per 3,000 people.
  EXPECT_NEAR(static_cast<double>(fac.rows.size()), N() / 3000, 2);
}

}  // namespace
}  // namespace clemency::testing
