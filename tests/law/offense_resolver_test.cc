// Offense codes as agencies and lawyers write them, resolved against the
// shipped catalogs: one row per spelling, with how it must resolve.
#include "clemency/law/offense_resolver.h"

#include <gtest/gtest.h>

#include <map>

namespace clemency {
namespace {

const OffenseCatalog& Catalog(const std::string& jurisdiction) {
  static std::map<std::string, OffenseCatalog> loaded;
  auto it = loaded.find(jurisdiction);
  if (it == loaded.end()) {
    std::string error;
    auto c = OffenseCatalog::Load(std::string(CLEMENCY_SOURCE_DIR) + "/rules/offenses/" + jurisdiction + ".toml", &error);
    EXPECT_TRUE(c.has_value()) << error;
    it = loaded.emplace(jurisdiction, std::move(*c)).first;
  }
  return it->second;
}

struct Case {
  const char* written;      // with its jurisdiction prefix, as the loader supplies it
  Resolution how;
  const char* resolves_to;  // the one catalog code, or "" when there is none
  const char* category;     // "" when unknown
};

constexpr Case kCases[] = {
    // California: CDCR and lawyers' spellings.
    {"CA:PC 211 1st", Resolution::kExact, "CA:PC 211 1st", "violent"},
    {"CA:PC211 1ST", Resolution::kNormalised, "CA:PC 211 1st", "violent"},
    {"CA:pc 211  1st", Resolution::kNormalised, "CA:PC 211 1st", "violent"},
    {"CA:P.C. 211 1st", Resolution::kNormalised, "CA:PC 211 1st", "violent"},
    {"CA:Pen. Code 211 1st", Resolution::kNormalised, "CA:PC 211 1st", "violent"},
    {"CA:PC187 2nd", Resolution::kNormalised, "CA:PC 187 2nd", "violent"},
    {"CA:PC187 2nd(664)", Resolution::kNormalised, "CA:PC 664/187", "violent"},
    {"CA:PC 664/187", Resolution::kExact, "CA:PC 664/187", "violent"},
    {"CA:PC 664 / 187", Resolution::kNormalised, "CA:PC 664/187", "violent"},
    {"CA:PC 187(664)", Resolution::kNormalised, "CA:PC 664/187", "violent"},
    {"CA:HS11352(a)", Resolution::kNormalised, "CA:HS 11352(a)", "drug_distribution"},
    {"CA:H&S 11350 (a)", Resolution::kNormalised, "CA:HS 11350(a)", "drug_possession"},
    {"CA:VC23153(a)", Resolution::kNormalised, "CA:VC 23153(a)", "public_order"},
    {"CA:HS 11352", Resolution::kSection, "", "drug_distribution"},
    {"CA:PC 29800", Resolution::kSection, "", "public_order"},
    {"CA:PC 211", Resolution::kSection, "", "violent"},
    {"CA:PC 187", Resolution::kSection, "", "violent"},
    {"CA:HS11352(a)(1)", Resolution::kParent, "CA:HS 11352(a)", "drug_distribution"},
    {"CA:PC 664/211 1st", Resolution::kAttempt, "", "violent"},
    {"CA:PC211 1st(664)", Resolution::kAttempt, "", "violent"},
    {"CA:PC 18", Resolution::kUnresolved, "", ""},      // never a refinement: 187 is not 18 (x)
    {"CA:PC 212", Resolution::kUnresolved, "", ""},     // nor 212.5
    {"CA:PC 99999", Resolution::kUnresolved, "", ""},
    // Federal.
    {"US:21 U.S.C. § 841(b)(1)(A)", Resolution::kNormalised, "US:21 USC 841(b)(1)(A)", "drug_distribution"},
    {"US:21 USC 841(B)(1)(a)", Resolution::kNormalised, "US:21 USC 841(b)(1)(A)", "drug_distribution"},
    {"US:21USC844", Resolution::kNormalised, "US:21 USC 844", "drug_possession"},
    {"US:18 U.S.C.A. 922(g)", Resolution::kNormalised, "US:18 USC 922(g)", "public_order"},
    {"US:21 USC 841", Resolution::kSection, "", "drug_distribution"},
    {"US:18 USC 2113", Resolution::kSection, "", "violent"},
    // Iowa: DOC's own codes, and lawyers' citations of them.
    {"IA:124.401(1)(c)(3)", Resolution::kExact, "IA:124.401(1)(c)(3)", "drug_distribution"},
    {"IA:Iowa Code 124.401(1)(c)(3)", Resolution::kNormalised, "IA:124.401(1)(c)(3)", "drug_distribution"},
    {"IA:I.C.A. § 124.401 (1)(C)(3)", Resolution::kNormalised, "IA:124.401(1)(c)(3)", "drug_distribution"},
};

class ResolveOffenseTest : public ::testing::TestWithParam<Case> {};

TEST_P(ResolveOffenseTest, ResolvesAsTheTableSays) {
  const Case& c = GetParam();
  const std::string code = c.written;
  const ResolvedOffense r = ResolveOffense(&Catalog(code.substr(0, 2)), code, "");
  EXPECT_EQ(ResolutionName(r.how), ResolutionName(c.how)) << code << ": " << r.Describe();
  EXPECT_EQ(r.offense != nullptr ? r.offense->code : "", c.resolves_to) << code;
  EXPECT_EQ(r.category, c.category) << code << ": " << r.Describe();
}

INSTANTIATE_TEST_SUITE_P(Spellings, ResolveOffenseTest, ::testing::ValuesIn(kCases));

TEST(ResolveOffense, SectionKnowsWhatItsRefinementsAgreeOn) {
  // Robbery: both degrees are violent and serious felonies; the triads differ.
  const ResolvedOffense robbery = ResolveOffense(&Catalog("CA"), "CA:PC 211", "");
  ASSERT_EQ(robbery.candidates.size(), 2u);
  EXPECT_EQ(robbery.flags_known, kAllOffenseFlags);
  EXPECT_EQ(robbery.Describe(), "section -> CA:PC 211 1st, CA:PC 211 2nd (they differ in: triad)");
  // Murder: both degrees are violent; the degrees differ in their life terms.
  const ResolvedOffense murder = ResolveOffense(&Catalog("CA"), "CA:PC 187", "");
  EXPECT_EQ(murder.category, "violent");
  EXPECT_TRUE(murder.complete() || !murder.differing.empty());
  // 18 U.S.C. 2113: (a) and (d) are both robbery, but (d) is armed.
  const ResolvedOffense bank = ResolveOffense(&Catalog("US"), "US:18 USC 2113", "");
  EXPECT_EQ(bank.candidates.size(), 2u);
}

TEST(ResolveOffense, AttemptKeepsTheCategoryAndLeavesEveryFlagUnknown) {
  const ResolvedOffense r = ResolveOffense(&Catalog("CA"), "CA:PC 664/211 1st", "");
  EXPECT_EQ(r.how, Resolution::kAttempt);
  EXPECT_EQ(r.flags_known, 0u);
  EXPECT_FALSE(r.complete());
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(r.candidates[0]->code, "CA:PC 211 1st");
}

TEST(ResolveOffense, NoCatalogIsSaidAsSuch) {
  const ResolvedOffense r = ResolveOffense(nullptr, "TX:PC 29.02", "Robbery");
  EXPECT_EQ(r.how, Resolution::kNoCatalog);
  EXPECT_FALSE(r.category_known());
}

TEST(ResolveEnhancement, CdcrSpellingsFindTheCatalogEnhancement) {
  const OffenseCatalog& ca = Catalog("CA");
  for (const char* written : {"CA:PC 12022.5(a)", "CA:PC12022.5(a)", "CA:P12022.5(A)", "CA:P.C. 12022.5 (a)"}) {
    const SentenceEnhancement* e = ResolveEnhancement(ca, written);
    ASSERT_NE(e, nullptr) << written;
    EXPECT_EQ(e->code, "CA:PC 12022.5(a)") << written;
  }
  EXPECT_EQ(ResolveEnhancement(ca, "CA:PC 12022.99"), nullptr);
}

}  // namespace
}  // namespace clemency
