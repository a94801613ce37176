// The generic catalog (rules/offenses/generic.toml): BJS offense categories
// for jurisdictions without a catalog of their own, with each flag certain or
// unknown, never a statute.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "clemency/law/offense_catalog.h"
#include "clemency/law/offense_resolver.h"

namespace clemency {
namespace {

const std::string kRules = std::string(CLEMENCY_SOURCE_DIR) + "/rules";

int Flag(std::string_view name) {
  for (size_t i = 0; i < std::size(kOffenseFlags); ++i)
    if (kOffenseFlags[i] == name) return static_cast<int>(i);
  return -1;
}

// "true", "false" or "unknown".
std::string FlagValue(const ResolvedOffense& r, std::string_view name) {
  const int i = Flag(name);
  if (!(r.flags_known >> i & 1)) return "unknown";
  return (r.flags >> i & 1) ? "true" : "false";
}

TEST(GenericCatalog, StandsInForAStateWithoutOne) {
  std::string error;
  const auto tx = OffenseCatalog::LoadOrGeneric("TX", &error, kRules);
  ASSERT_TRUE(tx) << error;
  EXPECT_TRUE(tx->generic());
  EXPECT_EQ(tx->jurisdiction(), "TX");
  EXPECT_EQ(tx->offenses().size(), kNumBjsOffenses);  // one per BJS subcategory
  for (const Offense& o : tx->offenses()) {
    EXPECT_EQ(o.code.rfind("TX:BJS ", 0), 0u) << o.code;
    EXPECT_FALSE(o.has_statutory_range()) << o.code;  // no state's range is invented
  }
  EXPECT_EQ(ResolveOffense(&*tx, "TX:PC 211", "").how, Resolution::kUnresolved);  // statutes stay unknown
}

TEST(GenericCatalog, FlagsAreCertainOnlyWhereEveryStateAgrees) {
  std::string error;
  const auto tx = OffenseCatalog::LoadOrGeneric("TX", &error, kRules);
  ASSERT_TRUE(tx) << error;
  struct Case {
    const char* code;
    const char* category;
    const char* violent;
    const char* sex;
    const char* domestic;
  };
  const Case cases[] = {
      {"TX:BJS murder", "violent", "true", "false", "unknown"},
      {"TX:BJS robbery", "violent", "true", "false", "unknown"},
      {"TX:BJS rape sexual assault", "sex", "unknown", "true", "unknown"},
      {"TX:BJS burglary", "property", "unknown", "false", "false"},
      {"TX:BJS drug possession", "drug_possession", "false", "false", "false"},
      {"TX:BJS drug other", "drug_distribution", "false", "false", "false"},
      {"TX:BJS other unspecified", "other", "unknown", "unknown", "unknown"},
  };
  for (const Case& c : cases) {
    const ResolvedOffense r = ResolveOffense(&*tx, c.code, "");
    EXPECT_EQ(r.how, Resolution::kExact) << c.code;
    EXPECT_EQ(r.category, c.category) << c.code;
    EXPECT_EQ(FlagValue(r, "violent_felony"), c.violent) << c.code;
    EXPECT_EQ(FlagValue(r, "sex_registrable"), c.sex) << c.code;
    EXPECT_EQ(FlagValue(r, "domestic_violence"), c.domestic) << c.code;
    EXPECT_EQ(FlagValue(r, "super_strike"), "false") << c.code;  // California's statute, not Texas's
  }
}

TEST(GenericCatalog, FillsTheSubcategoriesAnOwnCatalogLacks) {
  std::string error;
  const auto ok = OffenseCatalog::LoadOrGeneric("OK", &error, kRules);
  ASSERT_TRUE(ok) << error;
  EXPECT_FALSE(ok->generic());
  EXPECT_NE(ok->generic_path().find("generic.toml"), std::string::npos);
  const ResolvedOffense r = ResolveOffense(&*ok, "OK:BJS negligent manslaughter", "");
  ASSERT_EQ(r.how, Resolution::kExact);
  EXPECT_EQ(FlagValue(r, "ok_85_percent"), "unknown");  // a flag Oklahoma's catalog uses is Oklahoma's to decide
  EXPECT_EQ(ResolveOffense(&*ok, "OK:BJS drug possession", "").how, Resolution::kUnresolved);  // OK has its own
}

TEST(GenericCatalog, AFlagCannotBeBothCertainAndUnknown) {
  const std::string path = ::testing::TempDir() + "/both.toml";
  std::ofstream(path) << "[catalog]\njurisdiction = \"generic\"\ntitle = \"t\"\n[[offense]]\ncode = \"generic:BJS x\"\n"
                         "title = \"x\"\ncategory = \"other\"\nbjs_offense = \"other_unspecified\"\n"
                         "flags = [\"violent_felony\"]\nunknown_flags = [\"violent_felony\"]\ncitation = \"c\"\n";
  std::string error;
  EXPECT_FALSE(OffenseCatalog::Load(path, &error));
  EXPECT_NE(error.find(":10:17: offense generic:BJS x: flag \"violent_felony\" is both in flags and unknown_flags"),
            std::string::npos)
      << error;
}

}  // namespace
}  // namespace clemency
