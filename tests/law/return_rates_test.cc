#include "clemency/law/return_rates.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace clemency {
namespace {

const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";
constexpr std::string_view k2008 = "2008-24-states";
constexpr std::string_view k2012 = "2012-34-states";

const ReturnRates& Bjs() {
  static const ReturnRates rates = [] {
    std::string error;
    auto r = ReturnRates::LoadDefault(&error, kRules);
    if (!r) throw std::runtime_error(error);
    return std::move(*r);
  }();
  return rates;
}

// Writes text to a .toml file unique to this test and loads it; returns the
// error (the load must fail) with the path replaced by FILE.
std::string LoadError(const std::string& text) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto path = std::filesystem::temp_directory_path() /
                    ("clemency-return-rates-test-" +
                     std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                     info->test_suite_name() + "-" + info->name() + ".toml");
  {
    std::ofstream out(path);
    out << text;
  }
  std::string error;
  const auto r = ReturnRates::Load(path.string(), &error);
  std::filesystem::remove(path);
  EXPECT_FALSE(r.has_value());
  // The message starts with the file's path; tests compare the rest.
  if (error.rfind(path.string(), 0) == 0) error.replace(0, path.string().size(), "FILE");
  return error;
}

// A table whose header ends on line 12; `rows` starts on line 13.
std::string Table(std::string_view id, std::string_view measure, std::string_view extra,
                  std::string_view rows) {
  return std::string("[[table]]\n") + "id = \"" + std::string(id) + "\"\n" + "measure = \"" +
         std::string(measure) +
         "\"\n"
         "cohort = \"2008-24-states\"\n"
         "study = \"S\"\n"
         "authors = \"A\"\n"
         "published = \"2021\"\n"
         "ncj = \"NCJ 1\"\n"
         "cohort_description = \"C\"\n"
         "follow_up_years = 10\n"
         "years = [1, 3, 5, 10]\n"
         "citation = \"T\"\n" +
         std::string(extra) + "rows = [\n" + std::string(rows) + "]\n";
}

const std::string kReturnRows = "  { group = \"all\", percent = [30.7, 48.6, 55.0, 60.7] },\n";
const std::string kArrestRows =
    "  { group = \"all\", percent = [42.9, 66.2, 74.8, 81.9] },\n"
    "  { group = \"violent\", percent = [38.4, 60.7, 69.4, 76.7] },\n";
const std::string kDerivedExtra =
    "derived = true\n"
    "method = \"return[all] * arrest[violent] / arrest[all]\"\n"
    "base_table = \"ret\"\n"
    "ratio_table = \"arr\"\n";

TEST(return_rates, BjsValuesAsPublished) {
  EXPECT_EQ(Bjs().tables().size(), 6u);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "all", 10), 60.7);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "all", 1), 30.7);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "age_55_64", 10), 37.7);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "age_65_plus", 5), 32.1);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "male", 10), 62.4);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "female", 10), 47.2);
  EXPECT_EQ(Bjs().CumulativeReturn(k2012, "age_65_plus", 5), 14.4);
  EXPECT_EQ(Bjs().CumulativeReturn(k2012, "age_24_or_younger", 3), 47.8);
  EXPECT_EQ(Bjs().CumulativeReturn(k2012, "all", 5), 45.8);
  EXPECT_EQ(Bjs().CumulativeReturn(k2012, "asian_nhpi", 5), 28.4);
  EXPECT_EQ(Bjs().CumulativeArrest(k2008, "all", 10), 81.9);
  EXPECT_EQ(Bjs().CumulativeArrest(k2008, "age_65_plus", 10), 40.1);
  EXPECT_EQ(Bjs().CumulativeArrest(k2012, "drug_trafficking", 5), 67.2);
  EXPECT_EQ(Bjs().CumulativeArrest(k2012, "all", 1), 36.8);

  const RateTable* t = Bjs().TableFor(k2008, "returned_to_prison", false);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->ncj, "NCJ 256094");
  EXPECT_EQ(t->follow_up_years, 10);
  EXPECT_FALSE(t->derived);
  EXPECT_EQ(Bjs().TableFor(k2012, "returned_to_prison", false)->ncj, "NCJ 255947");
}

TEST(return_rates, NoInterpolationOrGuessing) {
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "all", 2), std::nullopt);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "male", 5), std::nullopt);   // only year 10 published
  EXPECT_EQ(Bjs().CumulativeReturn(k2012, "all", 1), std::nullopt);    // years 3 and 5 only
  EXPECT_EQ(Bjs().CumulativeReturn(k2012, "all", 10), std::nullopt);
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "age_25_39", 5), std::nullopt);
  EXPECT_EQ(Bjs().CumulativeReturn("2005-30-states", "all", 3), std::nullopt);
  // Offense groups have no BJS return figures: CumulativeReturn does not fall back to derived ones.
  EXPECT_EQ(Bjs().CumulativeReturn(k2008, "violent", 10), std::nullopt);
}

TEST(return_rates, ByOffenseIsDerivedAndSaysSo) {
  const auto v = Bjs().CumulativeReturnByOffense(k2008, "violent", 10);
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(v->derived);
  EXPECT_DOUBLE_EQ(v->percent, 56.8);
  ASSERT_NE(v->table, nullptr);
  EXPECT_TRUE(v->table->derived);
  EXPECT_NE(v->table->method.find("Not a BJS figure"), std::string::npos);
  EXPECT_NE(v->table->citation.find("not published by BJS"), std::string::npos);

  const auto p = Bjs().CumulativeReturnByOffense(k2012, "property", 5);
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(p->derived);
  EXPECT_DOUBLE_EQ(p->percent, 50.7);
  EXPECT_EQ(Bjs().CumulativeReturnByOffense(k2012, "drug", 1), std::nullopt);
  EXPECT_EQ(Bjs().CumulativeReturnByOffense(k2008, "male", 10), std::nullopt);  // not an offense group
}

TEST(return_rates, DerivedTablesFollowTheirFormula) {
  int derived = 0;
  for (const RateTable& t : Bjs().tables()) {
    if (!t.derived) {
      EXPECT_TRUE(t.method.empty()) << t.id;
      continue;
    }
    ++derived;
    const RateTable* base = Bjs().Find(t.base_table);
    const RateTable* ratio = Bjs().Find(t.ratio_table);
    ASSERT_NE(base, nullptr);
    ASSERT_NE(ratio, nullptr);
    for (const RateRow& row : t.rows)
      for (int y : row.years) {
        const double expected =
            *base->Row("all")->At(y) * *ratio->Row(row.group)->At(y) / *ratio->Row("all")->At(y);
        EXPECT_NEAR(*row.At(y), expected, 0.0501) << t.id << " " << row.group << " " << y;
      }
  }
  EXPECT_EQ(derived, 2);
}

TEST(return_rates_errors, FallingCumulativeRateRejectedWithPosition) {
  const std::string error = LoadError(
      Table("r", "returned_to_prison", "",
            "  { group = \"all\", percent = [30.7, 48.6, 44.0, 60.7] },\n"));
  EXPECT_EQ(error, "FILE:14:43: table r row all: 44.0% at year 5 is below 48.6% at year 3; "
                          "cumulative rates cannot fall as years grow");
}

TEST(return_rates_errors, PercentOutOfRange) {
  EXPECT_EQ(LoadError(Table("r", "returned_to_prison", "",
                            "  { group = \"all\", percent = [30.7, 48.6, 55.0, 160.7] },\n")),
            "FILE:14:49: table r row all: a percent must be a number from 0 to 100");
  EXPECT_EQ(LoadError(Table("r", "returned_to_prison", "",
                            "  { group = \"all\", percent = [30.7, 48.6, 55.0] },\n")),
            "FILE:14:30: table r row all: \"percent\" has 3 values but there are 4 years");
}

TEST(return_rates_errors, DerivedValueMustMatchItsFormula) {
  const std::string text = Table("ret", "returned_to_prison", "", kReturnRows) +
                           Table("arr", "arrested", "", kArrestRows) +
                           Table("der", "returned_to_prison", kDerivedExtra,
                                 "  { group = \"violent\", percent = [27.5, 44.6, 52.0, 56.8] },\n");
  EXPECT_EQ(LoadError(text),
            "FILE:49:47: table der: derived value 52.0 for violent at year 5 does not match "
                   "the method: expected 51.0 (= 55.0 * 69.4 / 74.8)");
}

TEST(return_rates_errors, DerivedNeedsMethodAndBjsTablesNeedNone) {
  std::string extra = kDerivedExtra;
  extra.erase(extra.find("method"), extra.find("base_table") - extra.find("method"));
  const std::string text = Table("ret", "returned_to_prison", "", kReturnRows) +
                           Table("arr", "arrested", "", kArrestRows) +
                           Table("der", "returned_to_prison", extra,
                                 "  { group = \"violent\", percent = [27.5, 44.6, 51.0, 56.8] },\n");
  EXPECT_EQ(LoadError(text), "FILE:32:1: table der has no \"method\"");

  EXPECT_EQ(LoadError(Table("r", "returned_to_prison", "method = \"guess\"\n", kReturnRows)),
            "FILE:13:10: table r: \"method\" is only for derived = true");
}

TEST(return_rates_errors, VocabulariesAndKeys) {
  std::string error = LoadError(
      Table("r", "returned_to_prison", "", "  { group = \"elderly\", percent = [1, 2, 3, 4] },\n"));
  EXPECT_EQ(error.rfind("FILE:14:13: table r: group \"elderly\" is not one of: all, male, female,", 0), 0u)
      << error;
  EXPECT_EQ(LoadError(Table("r", "reconvicted", "", kReturnRows)),
            "FILE:3:11: table r: measure \"reconvicted\" is not one of: returned_to_prison, arrested");
  error = LoadError(Table("r", "returned_to_prison", "source = \"x\"\n", kReturnRows));
  EXPECT_EQ(error.rfind("FILE:13:1: unknown key \"source\" in [[table]] (expected one of: id,", 0), 0u)
      << error;
  // Two BJS tables for one cohort and measure would make lookups ambiguous.
  error = LoadError(Table("a", "arrested", "", kArrestRows) + Table("b", "arrested", "", kArrestRows));
  EXPECT_EQ(error, "FILE:17:1: table b: table a already gives BJS arrested rates for cohort 2008-24-states");
}

}  // namespace
}  // namespace clemency
