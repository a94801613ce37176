// PopulationLaw (law/population_law.h): what it loads for a set of
// jurisdictions, in what order, what a missing or broken file gives, and that
// the loaded law keeps its addresses when the object moves.
#include "clemency/law/population_law.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace clemency {
namespace {

namespace fs = std::filesystem;
const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";

// A rules folder of this test's own: files copied from rules/ or written here.
class ScratchRules : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / (std::string("population-law-") + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    for (const char* folder : {"offenses", "reforms", "jurisdictions"}) fs::create_directories(dir_ / folder);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Copy(const std::string& file) { fs::copy_file(kRules + "/" + file, dir_ / file); }
  void Write(const std::string& file, const std::string& text) { std::ofstream(dir_ / file) << text; }
  PopulationLawOptions Options(bool allow_missing = false) const { return {dir_.string(), allow_missing}; }
  fs::path dir_;
};

// The file names of paths, as FOLDER/NAME.
std::vector<std::string> Names(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const fs::path p : paths) out.push_back((p.parent_path().filename() / p.filename()).generic_string());
  return out;
}

TEST(PopulationLaw, LoadsCatalogsReformsAndJurisdictionFactsInJurisdictionOrder) {
  const PopulationLaw law = PopulationLaw::Load({"IA", "CA"}, {"IA", "CA"}, {kRules, false});
  ASSERT_TRUE(law.ok()) << law.error()->message;
  EXPECT_TRUE(law.warnings().empty());
  const LawRefs& refs = law.refs();
  ASSERT_EQ(refs.catalogs.size(), 2u);
  EXPECT_EQ(refs.catalogs.at("CA")->jurisdiction(), "CA");
  EXPECT_EQ(refs.catalogs.at("IA")->jurisdiction(), "IA");
  EXPECT_EQ(refs.reforms.at("IA")->jurisdiction(), "IA");
  EXPECT_EQ(refs.jurisdictions.at("CA")->code, "CA");
  EXPECT_TRUE(refs.unknown_without_reforms);
  EXPECT_EQ(Names(law.rule_files()),
            (std::vector<std::string>{"offenses/CA.toml", "offenses/IA.toml", "reforms/CA.toml", "reforms/IA.toml",
                                      "jurisdictions/CA.toml", "jurisdictions/IA.toml"}));
}

TEST(PopulationLaw, JurisdictionFactsAreThePeoplesNotTheOffenses) {
  // A Californian serving a federal sentence: the US catalog and reforms, California's facts.
  const PopulationLaw law = PopulationLaw::Load({"US"}, {"CA"}, {kRules, false});
  ASSERT_TRUE(law.ok());
  EXPECT_EQ(law.refs().catalogs.count("US"), 1u);
  EXPECT_EQ(law.refs().catalogs.count("CA"), 0u);
  EXPECT_EQ(law.refs().jurisdictions.count("US"), 0u);
  EXPECT_EQ(law.refs().jurisdictions.at("CA")->code, "CA");
}

TEST_F(ScratchRules, AMissingCatalogIsAnErrorNamingThePathUnlessAllowed) {
  Copy("offenses/IA.toml");
  const PopulationLaw refused = PopulationLaw::Load({"IA", "ZZ"}, {"ZZ"}, Options());
  ASSERT_FALSE(refused.ok());
  const LawProblem& e = *refused.error();
  EXPECT_TRUE(e.missing_catalog());
  EXPECT_EQ(e.jurisdiction, "ZZ");
  EXPECT_EQ(e.path, (dir_ / "offenses" / "ZZ.toml").string());
  EXPECT_EQ(e.message, "no offense catalog for ZZ: looked for " + e.path);

  const PopulationLaw allowed = PopulationLaw::Load({"IA", "ZZ"}, {"ZZ"}, Options(true));
  ASSERT_TRUE(allowed.ok());
  ASSERT_EQ(allowed.warnings().size(), 1u);
  EXPECT_EQ(allowed.warnings()[0].jurisdiction, "ZZ");
  EXPECT_EQ(allowed.refs().catalogs.count("ZZ"), 0u);
  EXPECT_EQ(allowed.refs().catalogs.count("IA"), 1u);
}

TEST_F(ScratchRules, NoReformPackOrJurisdictionFileIsNoEntryAndNoError) {
  Copy("offenses/IA.toml");
  const PopulationLaw law = PopulationLaw::Load({"IA"}, {"IA"}, Options());
  ASSERT_TRUE(law.ok());
  EXPECT_TRUE(law.refs().reforms.empty());  // so IA's current law is unknown
  EXPECT_TRUE(law.refs().unknown_without_reforms);
  EXPECT_TRUE(law.refs().jurisdictions.empty());
  EXPECT_EQ(Names(law.rule_files()), (std::vector<std::string>{"offenses/IA.toml"}));
}

TEST_F(ScratchRules, ABrokenFileStopsTheLoadWithItsPositionAndNothingAfterIt) {
  Copy("offenses/IA.toml");
  Copy("jurisdictions/IA.toml");
  Write("reforms/IA.toml", "[reforms]\njurisdiction = \"IA\"\nbogus = 1\n");
  const PopulationLaw law = PopulationLaw::Load({"IA"}, {"IA"}, Options());
  ASSERT_FALSE(law.ok());
  EXPECT_FALSE(law.error()->missing_catalog());
  EXPECT_EQ(law.error()->message.rfind((dir_ / "reforms" / "IA.toml").string() + ":", 0), 0u) << law.error()->message;
  EXPECT_TRUE(law.refs().jurisdictions.empty());
  EXPECT_EQ(Names(law.rule_files()), (std::vector<std::string>{"offenses/IA.toml"}));
}

TEST(PopulationLaw, TheLoadedLawKeepsItsAddressesWhenMoved) {
  PopulationLaw law = PopulationLaw::Load({"CA", "IA", "OK", "US"}, {"CA"}, {kRules, false});
  ASSERT_TRUE(law.ok());
  const LawRefs before = law.refs();
  const PopulationLaw moved = std::move(law);
  EXPECT_EQ(moved.refs().catalogs, before.catalogs);
  EXPECT_EQ(moved.refs().reforms, before.reforms);
  for (const auto& [j, catalog] : moved.refs().catalogs) EXPECT_EQ(catalog->jurisdiction(), j);
  for (const auto& [j, reforms] : moved.refs().reforms) EXPECT_EQ(reforms->jurisdiction(), j);
}

}  // namespace
}  // namespace clemency
