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
// Within Iowa's review of its law (rules/reforms/IA.toml reviewed_through
// 2026-12-02), current law is decided (excess 0); after it, unknown: a path
// that took a missing or stale reform pack for "no reforms" would say 0.
class LawPaths : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info->name();  // "Test/0"
    for (char& ch : name)
      if (ch == '/') ch = '_';
    dir_ = fs::path(::testing::TempDir()) / ("population_law_paths_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const auto imported = RunClemency("import --mapping " + kRules + "/mappings/iowa-doc.toml " + CLEMENCY_TEST_DATA +
                                          "/iowa/sample.csv -o " + Data() + " --on-error quarantine --as-of 2021-12-13",
                                      dir_);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto screen = RunClemency("screen --data " + Data() + " --policy redemption-2020 --as-of " + AsOfText() +
                                        " -o " + (dir_ / "out").string(),
                                    dir_);
    ASSERT_EQ(screen.exit_code, 0) << screen.err;
    LoadOptions options;
    options.as_of = AsOf();
    load_ = LoadPopulation(Data(), options);
    ASSERT_TRUE(load_.population);
    ASSERT_EQ(load_.error_count, 0u);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string AsOfText() const { return GetParam(); }
  Date AsOf() const { return ParseDate(GetParam()).date; }
  std::string Data() const { return (dir_ / "data").string(); }
  const Population& Pop() const { return *load_.population; }
  FactTable Facts(const LawRefs& law) const { return BuildFactTable(Pop(), law, AsOf()); }

  fs::path dir_;
  LoadResult load_;
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

TEST_P(LawPaths, ScreenReadsTheFilesTheCallLoadsInItsOrder) {
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

TEST_P(LawPaths, TheFactTableGivesScreensCurrentLawColumns) {
  const PopulationLaw law = PopulationLaw::Load(Pop(), {});
  ASSERT_TRUE(law.ok());
  const std::map<std::string, std::string> screened = ScreenedCurrentLaw(dir_ / "out" / "screening.csv");
  EXPECT_EQ(screened.size(), Pop().people_count());
  EXPECT_EQ(CurrentLaw(Facts(law.refs())), screened);
  // Decided within the review, unknown after it, for everyone.
  const std::string excess = AsOf() <= law.refs().reforms.at("IA")->reviewed_through() ? "0" : "";
  for (const auto& [id, term_excess] : screened) EXPECT_EQ(term_excess.substr(term_excess.find(',') + 1), excess) << id;
}

TEST_P(LawPaths, TheWorkedCaseRunnerGetsScreensLaw) {
  const PopulationLaw screen = PopulationLaw::Load(Pop(), {});
  const PopulationLaw worked = worked::CaseLaw(Pop(), kRules);
  ASSERT_TRUE(worked.ok());
  EXPECT_TRUE(worked.warnings().empty());
  EXPECT_EQ(Files(worked.refs()), Files(screen.refs()));
  EXPECT_EQ(AllCurrentLaw(Facts(worked.refs())), AllCurrentLaw(Facts(screen.refs())));
}

TEST_P(LawPaths, TheBenchmarksGetScreensLaw) {
  bench::Loaded loaded;
  ASSERT_TRUE(bench::LoadAll(Data(), AsOf(), "redemption-2020", loaded));
  const PopulationLaw screen = PopulationLaw::Load(Pop(), {});
  EXPECT_EQ(Files(loaded.law()), Files(screen.refs()));
  EXPECT_EQ(AllCurrentLaw(BuildFactTable(*loaded.load.population, loaded.law(), AsOf())),
            AllCurrentLaw(Facts(screen.refs())));
}

INSTANTIATE_TEST_SUITE_P(AsOf, LawPaths, ::testing::Values("2021-12-13", "2027-01-04"), [](const auto& param_info) {
  std::string n = param_info.param;
  for (char& ch : n)
    if (ch == '-') ch = '_';
  return "as_of_" + n;
});

}  // namespace
}  // namespace clemency
