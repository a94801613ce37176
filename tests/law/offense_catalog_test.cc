#include "clemency/law/offense_catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace clemency {
namespace {

const OffenseCatalog& Ca() {
  static const OffenseCatalog cat = [] {
    std::string error;
    auto c = OffenseCatalog::LoadJurisdiction("CA", &error);
    if (!c) throw std::runtime_error(error);
    return std::move(*c);
  }();
  return cat;
}

// Writes text to a temporary .toml file and loads it.
std::string LoadError(const std::string& text, std::string* path_out = nullptr) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("clemency-catalog-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                     "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  {
    std::ofstream out(path);
    out << text;
  }
  std::string error;
  const auto cat = OffenseCatalog::Load(path.string(), &error);
  std::filesystem::remove(path);
  EXPECT_FALSE(cat.has_value());
  if (path_out != nullptr) *path_out = path.string();
  return error;
}

constexpr const char* kGoodEntry = R"(
[[offense]]
code = "CA:PC 459 2nd"
title = "Burglary, second degree"
category = "property"
bjs_offense = "burglary"
triad_months = [16, 24, 36]
citation = "Cal. Penal Code 459"
)";

TEST(OffenseCatalog, CaLoadsWithEnoughOffenses) {
  EXPECT_EQ(Ca().jurisdiction(), "CA");
  EXPECT_GE(Ca().offenses().size(), 40u);
  EXPECT_GE(Ca().enhancements().size(), 5u);
}

TEST(OffenseCatalog, EveryEntryIsCompleteAndValid) {
  std::set<std::string> codes;
  for (const Offense& o : Ca().offenses()) {
    SCOPED_TRACE(o.code);
    EXPECT_EQ(o.code.rfind("CA:", 0), 0u);
    EXPECT_TRUE(codes.insert(o.code).second) << "duplicate code";
    EXPECT_FALSE(o.title.empty());
    EXPECT_FALSE(o.citation.empty());
    EXPECT_NE(std::find(std::begin(kOffenseCategories), std::end(kOffenseCategories), o.category),
              std::end(kOffenseCategories));
    EXPECT_GE(BjsOffenseIndex(o.bjs_offense), 0);
    for (const std::string& f : o.flags) {
      EXPECT_NE(std::find(std::begin(kOffenseFlags), std::end(kOffenseFlags), f), std::end(kOffenseFlags)) << f;
    }
    // Either a triad, a life term, or (conspiracy) neither; never both.
    EXPECT_FALSE(o.life && o.has_triad());
    if (o.has_triad()) {
      EXPECT_LE(o.triad_lower_months, o.triad_middle_months);
      EXPECT_LE(o.triad_middle_months, o.triad_upper_months);
    }
    if (o.life) {
      EXPECT_GT(o.life_min_years, 0);
    }
    EXPECT_EQ(Ca().Find(o.code), &o);
  }
  for (const SentenceEnhancement& e : Ca().enhancements()) {
    SCOPED_TRACE(e.code);
    EXPECT_FALSE(e.citation.empty());
    EXPECT_TRUE(codes.insert(e.code).second) << "duplicate code";
    EXPECT_EQ(Ca().FindEnhancement(e.code), &e);
  }
}

TEST(OffenseCatalog, EveryBjsSubcategoryHasAnOffense) {
  for (std::string_view sub : kBjsOffenses) {
    bool found = false;
    for (const Offense& o : Ca().offenses()) found |= o.bjs_offense == sub;
    EXPECT_TRUE(found) << sub;
  }
}

TEST(OffenseCatalog, KeyStatutes) {
  const Offense* m1 = Ca().Find("CA:PC 187 1st");
  ASSERT_NE(m1, nullptr);
  EXPECT_TRUE(m1->life);
  EXPECT_EQ(m1->life_min_years, 25);
  EXPECT_TRUE(m1->lwop_eligible);
  EXPECT_TRUE(m1->HasFlag("violent_felony"));
  EXPECT_TRUE(m1->HasFlag("super_strike"));
  EXPECT_EQ(m1->bjs_offense, "murder");

  const Offense* rape = Ca().Find("CA:PC 261(a)(2)");
  ASSERT_NE(rape, nullptr);
  EXPECT_EQ(rape->category, "sex");
  EXPECT_TRUE(rape->HasFlag("sex_registrable"));
  EXPECT_TRUE(rape->HasFlag("super_strike"));

  const Offense* poss = Ca().Find("CA:HS 11350(a)");
  ASSERT_NE(poss, nullptr);
  EXPECT_EQ(poss->category, "drug_possession");
  EXPECT_EQ(poss->bjs_offense, "drug_possession");
  EXPECT_FALSE(poss->drugs.empty());

  const Offense* sale = Ca().Find("CA:HS 11352(a)");
  ASSERT_NE(sale, nullptr);
  EXPECT_EQ(sale->category, "drug_distribution");
  EXPECT_EQ(sale->triad_upper_months, 60);

  const Offense* burg = Ca().Find("CA:PC 459 1st");
  ASSERT_NE(burg, nullptr);
  EXPECT_TRUE(burg->HasFlag("serious_felony"));
  EXPECT_FALSE(burg->HasFlag("violent_felony"));

  for (const char* code : {"CA:PC 211 2nd", "CA:PC 245(a)(1)", "CA:PC 215(a)", "CA:PC 207(a)", "CA:PC 487(a)",
                           "CA:VC 10851(a)", "CA:PC 496(a)", "CA:PC 470(a)", "CA:PC 530.5(a)", "CA:HS 11377(a)",
                           "CA:HS 11351", "CA:HS 11378", "CA:HS 11379(a)", "CA:PC 29800(a)(1)", "CA:VC 23153(a)",
                           "CA:PC 422(a)", "CA:VC 2800.2(a)", "CA:PC 290.018(b)", "CA:PC 192(a)", "CA:PC 288(a)"})
    EXPECT_NE(Ca().Find(code), nullptr) << code;
  EXPECT_EQ(Ca().Find("CA:PC 99999"), nullptr);
  EXPECT_EQ(Ca().Find("PC 459 1st"), nullptr);
}

TEST(OffenseCatalog, EnhancementsTheSynthesizerUses) {
  struct Want {
    const char* code;
    int days;
  };
  for (Want w : {Want{"CA:PC 667.5(b)", 365}, Want{"CA:HS 11370.2", 1095}, Want{"CA:PC 667(a)", 1826},
                 Want{"CA:PC 12022.5(a)", 1461}, Want{"CA:PC 12022.53(b)", 3652}, Want{"CA:PC 12022.53(c)", 7305},
                 Want{"CA:PC 12022.53(d)", 9131}}) {
    const SentenceEnhancement* e = Ca().FindEnhancement(w.code);
    ASSERT_NE(e, nullptr) << w.code;
    EXPECT_EQ(e->days, w.days) << w.code;
  }
  ASSERT_NE(Ca().FindEnhancement("CA:PC 667(e)(2)(A)"), nullptr);
  EXPECT_EQ(Ca().FindEnhancement("CA:PC 667(e)(2)(A)")->kind, "scheme");
  EXPECT_EQ(Ca().FindEnhancement("CA:PC 667(e)(1)")->kind, "doubling");
}

TEST(OffenseCatalog, SyntaxErrorGivesFileLineColumn) {
  std::string path;
  const std::string error =
      LoadError("[catalog]\njurisdiction = \"CA\"\n\n[[offense]]\ncode = \"CA:PC 1\ntitle = \"x\"\n", &path);
  // The unterminated string is on line 5: "PATH:5:COLUMN: message".
  const std::string prefix = path + ":5:";
  ASSERT_EQ(error.rfind(prefix, 0), 0u) << error;
  EXPECT_TRUE(std::regex_search(error.substr(prefix.size()), std::regex(R"(^\d+: \S)"))) << error;
}

TEST(OffenseCatalog, BadCategoryPointsAtTheValue) {
  std::string path;
  const std::string error = LoadError(
      "[catalog]\njurisdiction = \"CA\"\n\n[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"x\"\n"
      "category = \"nonsense\"\nbjs_offense = \"fraud\"\ncitation = \"c\"\n",
      &path);
  EXPECT_NE(error.find(path + ":7:12: offense CA:PC 1: category \"nonsense\" is not one of"), std::string::npos)
      << error;
}

TEST(OffenseCatalog, SemanticErrors) {
  const std::string head = "[catalog]\njurisdiction = \"CA\"\n";
  EXPECT_NE(LoadError(head + kGoodEntry + kGoodEntry).find(":13:8: code \"CA:PC 459 2nd\" is listed twice"),
            std::string::npos)
      << LoadError(head + kGoodEntry + kGoodEntry);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\n")
                .find("offense CA:PC 1 has no \"citation\""),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"TX:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\n")
                .find("must start with \"CA:\""),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\ntriad_months = [36, 24, 16]\n")
                .find("triad_months must be [lower, middle, upper]"),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\ntriad = [1, 2, 3]\n")
                .find(":9:1: unknown key \"triad\""),
            std::string::npos);
  EXPECT_NE(LoadError(head + "[[offense]]\ncode = \"CA:PC 1\"\ntitle = \"t\"\ncategory = \"other\"\n"
                             "bjs_offense = \"fraud\"\ncitation = \"c\"\nflags = [\"violent\"]\n")
                .find("flag \"violent\" is not one of"),
            std::string::npos);
  EXPECT_NE(LoadError("jurisdiction = \"CA\"\n").find("unknown key \"jurisdiction\""), std::string::npos);
  // Codes go unquoted into "CODE=DAYS;..." enhancement lists.
  EXPECT_NE(LoadError(head + kGoodEntry + "[[enhancement]]\ncode = \"CA:PC 1;2\"\ntitle = \"t\"\nkind = \"fixed\"\n"
                             "days = 5\ncitation = \"c\"\n")
                .find(":12:8: code \"CA:PC 1;2\" must not contain"),
            std::string::npos);
}

TEST(OffenseCatalog, MissingFile) {
  std::string error;
  EXPECT_FALSE(OffenseCatalog::Load("/nonexistent/XX.toml", &error).has_value());
  EXPECT_NE(error.find("/nonexistent/XX.toml"), std::string::npos) << error;
  EXPECT_FALSE(OffenseCatalog::LoadJurisdiction("ZZ", &error).has_value());
  EXPECT_NE(error.find("no offense catalog for jurisdiction ZZ"), std::string::npos) << error;
}

TEST(OffenseCatalog, BjsCategories) {
  EXPECT_EQ(BjsCategoryOf("murder"), "violent");
  EXPECT_EQ(BjsCategoryOf("other_violent"), "violent");
  EXPECT_EQ(BjsCategoryOf("burglary"), "property");
  EXPECT_EQ(BjsCategoryOf("drug_other"), "drug");
  EXPECT_EQ(BjsCategoryOf("dui"), "public_order");
  EXPECT_EQ(BjsCategoryOf("other_unspecified"), "other_unspecified");
  EXPECT_EQ(BjsCategoryOf("nope"), "");
}

}  // namespace
}  // namespace clemency
