// The law for a population is loaded by one call (law/population_law.h) on
// every path: `clemency screen`, the worked-case runner and the benchmarks.
// On an Iowa sample (tests/data/iowa/sample.csv, imported with
// rules/mappings/iowa-doc.toml) each path must get the same law (the same
// catalogs, reform packs and jurisdiction files) and the same current-law
// results as the screening.csv and summary.json `clemency screen` writes.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "bench_data.h"
#include "clemency/io/csv_reader.h"
#include "support/run_clemency.h"
#include "worked_cases.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;
using testing_support::RunClemency;
using testing_support::Slurp;

const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";
const std::string kAsOf = "2021-12-13";

class LawPaths : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::path(::testing::TempDir()) / ("population_law_paths_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    import_ = RunClemency("import --mapping " + kRules + "/mappings/iowa-doc.toml " + CLEMENCY_TEST_DATA +
                              "/iowa/sample.csv -o " + Data() + " --on-error quarantine --as-of " + kAsOf,
                          dir_);
    screen_ = RunClemency("screen --data " + Data() + " --policy redemption-2020 --as-of " + kAsOf + " -o " +
                              (dir_ / "out").string(),
                          dir_);
    LoadOptions options;
    options.as_of = ParseDate(kAsOf).date;
    load_ = new LoadResult(LoadPopulation(Data(), options));
  }
  static void TearDownTestSuite() {
    delete load_;
    fs::remove_all(dir_);
  }
  void SetUp() override {
    ASSERT_EQ(import_.exit_code, 0) << import_.err;
    ASSERT_EQ(screen_.exit_code, 0) << screen_.err;
    ASSERT_TRUE(load_->population);
    ASSERT_EQ(load_->error_count, 0u);
  }
  static std::string Data() { return (dir_ / "data").string(); }
  static const Population& Pop() { return *load_->population; }
  static FactTable Facts(const LawRefs& law) { return BuildFactTable(Pop(), law, ParseDate(kAsOf).date); }

  static inline fs::path dir_;
  static inline testing_support::CommandRun import_, screen_;
  static inline LoadResult* load_ = nullptr;
};

// person_id -> "current_law_term_days,current_law_excess_days" of screening.csv.
std::map<std::string, std::string> ScreenedCurrentLaw(const fs::path& csv) {
  std::string error;
  auto reader = CsvReader::Open(csv.string(), &error);
  EXPECT_TRUE(reader) << error;
  std::map<std::string, std::string> out;
  std::map<std::string, size_t> col;
  CsvRecord rec;
  while (reader && reader->Next(rec)) {
    if (col.empty()) {
      for (size_t i = 0; i < rec.fields.size(); ++i) col[std::string(rec.fields[i])] = i;
      continue;
    }
    out[std::string(rec.fields[col.at("person_id")])] = std::string(rec.fields[col.at("current_law_term_days")]) +
                                                         "," + std::string(rec.fields[col.at("current_law_excess_days")]);
  }
  return out;
}

std::string Days(int64_t v) { return v == kNa ? "" : std::to_string(v); }

// The same, from a fact table.
std::map<std::string, std::string> CurrentLaw(const FactTable& f) {
  std::map<std::string, std::string> out;
  const Population& pop = *f.population;
  for (uint32_t p = 0; p < f.people(); ++p)
    out[std::string(pop.str(pop.people.id[p]))] = Days(f.current_law_term[p]) + "," + Days(f.current_law_excess[p]);
  return out;
}

// Every current-law column, people and sentences, remedies as text.
std::vector<std::string> AllCurrentLaw(const FactTable& f) {
  std::vector<std::string> out;
  for (uint32_t p = 0; p < f.people(); ++p)
    out.push_back(Days(f.current_law_term[p]) + "," + Days(f.current_law_term_low[p]) + "," +
                  Days(f.current_law_excess[p]) + "," + Days(f.current_law_excess_max[p]) + "," +
                  std::string(f.strings.View(static_cast<StrId>(f.current_law_remedy[p]))));
  for (uint32_t s = 0; s < f.sentences(); ++s)
    out.push_back(Days(f.s_current_law_term[s]) + "," + Days(f.s_current_law_excess[s]) + "," +
                  std::string(f.strings.View(static_cast<StrId>(f.s_current_law_remedy[s]))));
  return out;
}

// The files a LawRefs points into, by map and jurisdiction, as canonical paths.
std::vector<std::string> Files(const LawRefs& law) {
  std::vector<std::string> out;
  auto add = [&](std::string_view kind, const std::string& j, const std::string& path) {
    out.push_back(std::string(kind) + " " + j + " " + fs::weakly_canonical(path).string());
  };
  for (const auto& [j, c] : law.catalogs) add("catalog", j, c->path());
  for (const auto& [j, r] : law.reforms) add("reforms", j, r->path());
  for (const auto& [j, f] : law.jurisdictions) add("jurisdiction", j, f->path);
  out.push_back(law.unknown_without_reforms ? "unknown without reforms" : "no reforms without a pack");
  return out;
}

TEST_F(LawPaths, ScreenReadsTheFilesTheCallLoadsInItsOrder) {
  const PopulationLaw law = PopulationLaw::Load(Pop(), {});
  ASSERT_TRUE(law.ok()) << law.error()->message;
  EXPECT_EQ(law.refs().catalogs.count("IA"), 1u);
  EXPECT_EQ(law.refs().reforms.count("IA"), 1u);
  EXPECT_EQ(law.refs().jurisdictions.count("IA"), 1u);
  std::vector<std::string> want = {"policies/redemption-2020.toml"};
  for (const fs::path p : law.rule_files()) want.push_back((p.parent_path().filename() / p.filename()).string());
  std::vector<std::string> got;
  const auto summary = nlohmann::json::parse(Slurp(dir_ / "out" / "summary.json"));
  for (const auto& f : summary["manifest"]["rule_files"]) got.push_back(f["file"]);
  EXPECT_EQ(got, want);
}

TEST_F(LawPaths, TheFactTableGivesScreensCurrentLawColumns) {
  const PopulationLaw law = PopulationLaw::Load(Pop(), {});
  ASSERT_TRUE(law.ok());
  const std::map<std::string, std::string> screened = ScreenedCurrentLaw(dir_ / "out" / "screening.csv");
  EXPECT_EQ(screened.size(), Pop().people_count());
  EXPECT_EQ(CurrentLaw(Facts(law.refs())), screened);
}

TEST_F(LawPaths, TheWorkedCaseRunnerGetsScreensLaw) {
  const PopulationLaw screen = PopulationLaw::Load(Pop(), {});
  const PopulationLaw worked = worked::CaseLaw(Pop(), kRules);
  ASSERT_TRUE(worked.ok());
  EXPECT_TRUE(worked.warnings().empty());
  EXPECT_EQ(Files(worked.refs()), Files(screen.refs()));
  EXPECT_EQ(AllCurrentLaw(Facts(worked.refs())), AllCurrentLaw(Facts(screen.refs())));
}

TEST_F(LawPaths, TheBenchmarksGetScreensLaw) {
  bench::Loaded loaded;
  ASSERT_TRUE(bench::LoadAll(Data(), ParseDate(kAsOf).date, "redemption-2020", loaded));
  const PopulationLaw screen = PopulationLaw::Load(Pop(), {});
  EXPECT_EQ(Files(loaded.law()), Files(screen.refs()));
  EXPECT_EQ(AllCurrentLaw(BuildFactTable(*loaded.load.population, loaded.law(), ParseDate(kAsOf).date)),
            AllCurrentLaw(Facts(screen.refs())));
}

}  // namespace
}  // namespace clemency
