// The Iowa DOC import (rules/mappings/iowa-doc.toml) checked against the raw
// files in shared/data/real/iowa-prison-pop: for each snapshot, the people
// aged 55 or more on the report date, the lead offenses the DOC types as
// "Drug", and the admissions that were returns without a new sentence are
// counted here from the raw CSV with nothing but the CSV reader, and must
// equal the same counts taken from the imported population (loaded by the
// validating loader, offense categories from rules/offenses/IA.toml). Every
// row of each snapshot is now a person: the serious and simple misdemeanor
// rows come back as determinate sentences of unknown length (the file does
// not record it; iowa-doc.toml), each with an unknown_term warning. Then the
// 2021-12-13 snapshot is screened with redemption-2020: what the file lacks
// (disciplinary record, sentence length) must make results needs_review with
// the missing field named, never eligible by a guess; the review triage must
// name infractions_5y as absent from the data and count the decisions that
// hang on it, and --assume infractions_5y=0 must decide exactly those that
// hang on it alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "clemency/core/date.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/population_loader.h"
#include "clemency/law/offense_catalog.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;
using testing_support::RunClemency;
using testing_support::Slurp;

const std::string kIowaDir = std::string(CLEMENCY_SHARED_DIR) + "/data/real/iowa-prison-pop";
const std::string kRules = std::string(CLEMENCY_TEST_DATA) + "/../../rules";

struct Counts {
  int64_t rows = 0, misdemeanors = 0, aged_55 = 0, drug = 0, returns_no_new_sentence = 0;
};

// Straight from the raw file: the columns by name, nothing else.
Counts RawCounts(const std::string& path) {
  std::string error;
  auto reader = CsvReader::Open(path, &error);
  EXPECT_TRUE(reader) << error;
  Counts c;
  CsvRecord rec;
  std::map<std::string, size_t> col;
  bool header = true;
  while (reader && reader->Next(rec)) {
    EXPECT_TRUE(rec.error.empty()) << path << ":" << rec.line << ": " << rec.error;
    if (header) {
      for (size_t i = 0; i < rec.fields.size(); ++i) col[std::string(rec.fields[i])] = i;
      header = false;
      continue;
    }
    ++c.rows;
    const std::string_view cls = rec.fields[col.at("Offense Classification")];
    if (cls == "Serious Misdemeanor" || cls == "Simple Misdemeanor") ++c.misdemeanors;  // determinate, length unknown
    if (std::stoi(std::string(rec.fields[col.at("Age")])) >= 55) ++c.aged_55;
    if (rec.fields[col.at("Offense Type")] == "Drug") ++c.drug;
    if (rec.fields[col.at("Prison Admission Type")] == "Return No New Sentence") ++c.returns_no_new_sentence;
  }
  return c;
}

class IowaImport : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (!fs::exists(kIowaDir)) GTEST_SKIP() << kIowaDir << " is not present";
    dir_ = fs::path(::testing::TempDir()) / (std::string("iowa_") + GetParam() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Raw() const { return kIowaDir + "/iowa_current_prison_population_" + GetParam() + ".csv"; }
  fs::path dir_;
};

TEST_P(IowaImport, CountsMatchTheRawFileAndEveryRowIsAccountedFor) {
  const std::string as_of = GetParam();
  const Counts raw = RawCounts(Raw());
  // Rows and misdemeanor rows of each published snapshot (counted once by hand from the files).
  const std::map<std::string, std::pair<int64_t, int64_t>> kKnown = {
      {"2020-09-15", {7383, 13}}, {"2021-10-13", {7867, 8}}, {"2021-12-13", {8070, 7}}};
  EXPECT_EQ(raw.rows, kKnown.at(as_of).first);
  EXPECT_EQ(raw.misdemeanors, kKnown.at(as_of).second);
  const fs::path out = dir_ / "imported";
  const auto imported_run = RunClemency("import --mapping " + kRules + "/mappings/iowa-doc.toml " + Raw() + " -o " +
                                             out.string() + " --on-error quarantine --as-of " + as_of,
                                         dir_);
  ASSERT_EQ(imported_run.exit_code, 0) << imported_run.err;
  // rows read = imported + rejected, and nothing is rejected: every row is a person.
  const std::string log = imported_run.out + imported_run.err;
  EXPECT_NE(log.find(std::to_string(raw.rows) + " rows read = " + std::to_string(raw.rows) + " imported + 0 rejected"),
            std::string::npos)
      << log;
  EXPECT_EQ(Slurp(out / "rejected.csv"), "file,line,reason,record\n");
  EXPECT_NE(log.find(std::to_string(raw.misdemeanors) + " warnings unknown_term"), std::string::npos) << log;

  // The imported population, through the validating loader.
  const Date report = ParseDate(as_of).date;
  LoadOptions options;
  options.as_of = report;
  const LoadResult load = LoadPopulation(out.string(), options);
  ASSERT_TRUE(load.population);
  EXPECT_EQ(load.error_count, 0u);
  const Population& pop = *load.population;
  ASSERT_EQ(static_cast<int64_t>(pop.people_count()), raw.rows);
  std::string error;
  const auto catalog = OffenseCatalog::LoadJurisdiction("IA", &error, kRules);
  ASSERT_TRUE(catalog) << error;
  Counts imported;
  for (uint32_t p = 0; p < pop.people_count(); ++p) {
    const IndexRange s = pop.SentencesOf(p);
    if (s.size() == 1 && pop.sentences.type[s.begin] == SentenceType::kDeterminate) {
      ++imported.misdemeanors;
      EXPECT_EQ(pop.sentences.term_days[s.begin], kMissingInt);  // unknown, never zero
    }
    EXPECT_EQ(pop.people.birth_precision[p], BirthPrecision::kYear);
    if (AgeOn(pop.people.birth_date[p], report) >= 55) ++imported.aged_55;
    if (pop.people.admission_type[p] == AdmissionType::kTechnicalViolation) ++imported.returns_no_new_sentence;
    const IndexRange r = pop.SentencesOf(p);
    ASSERT_EQ(r.size(), 1u);  // the lead offense
    const Offense* o = catalog->Find(pop.str(pop.sentences.offense_code[r.begin]));
    ASSERT_NE(o, nullptr) << pop.str(pop.sentences.offense_code[r.begin]);
    if (o->category == "drug_possession" || o->category == "drug_distribution") ++imported.drug;
  }
  EXPECT_EQ(imported.misdemeanors, raw.misdemeanors);
  EXPECT_EQ(imported.aged_55, raw.aged_55);
  EXPECT_EQ(imported.drug, raw.drug);
  EXPECT_EQ(imported.returns_no_new_sentence, raw.returns_no_new_sentence);
}

INSTANTIATE_TEST_SUITE_P(Snapshots, IowaImport, ::testing::Values("2020-09-15", "2021-10-13", "2021-12-13"),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           for (char& ch : n)
                             if (ch == '-') ch = '_';
                           return "as_of_" + n;
                         });

TEST(IowaScreen, WhatTheFileLacksMakesResultsNeedReviewNotEligible) {
  if (!fs::exists(kIowaDir)) GTEST_SKIP() << kIowaDir << " is not present";
  const fs::path dir = fs::path(::testing::TempDir()) / ("iowa_screen_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string raw = kIowaDir + "/iowa_current_prison_population_2021-12-13.csv";
  ASSERT_EQ(RunClemency("import --mapping " + kRules + "/mappings/iowa-doc.toml " + raw + " -o " + (dir / "data").string() +
                            " --on-error quarantine --as-of 2021-12-13",
                        dir)
                .exit_code,
            0);
  const auto screen = RunClemency("screen --data " + (dir / "data").string() +
                                      " --policy redemption-2020 --as-of 2021-12-13 -o " + (dir / "out").string(),
                                  dir);
  ASSERT_EQ(screen.exit_code, 0) << screen.err;
  const std::string csv = Slurp(dir / "out" / "screening.csv");
  // No infraction counts: nobody is eligible on a guess.
  EXPECT_EQ(csv.find(",eligible,"), std::string::npos);
  EXPECT_NE(csv.find(",needs_review,"), std::string::npos);
  const std::string reasons = Slurp(dir / "out" / "reasons.jsonl");
  EXPECT_NE(reasons.find("\"infractions_5y\":\"unknown\""), std::string::npos);
  EXPECT_NE(reasons.find("\"current_law\":{\"imposed_days\":null"), std::string::npos);
  // Iowa's law was reviewed through 2026-12-02 and no reform shortens an imposed term
  // (rules/reforms/IA.toml): current law is decided, not unknown.
  EXPECT_EQ(screen.out.find("current law: unknown"), std::string::npos) << screen.out;
  EXPECT_EQ(reasons.find("\"remedy\":\"unknown\""), std::string::npos);
  fs::remove_all(dir);
}

// The needs_review rows of screening.csv and their review_reason (the last column).
std::vector<std::string> ReviewReasons(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);)
    if (line.find(",needs_review,") != std::string::npos) out.push_back(line.substr(line.rfind(',') + 1));
  return out;
}

TEST(IowaScreen, TriageNamesTheAbsentFactAndAnAssumptionDecidesWhatHangsOnItAlone) {
  if (!fs::exists(kIowaDir)) GTEST_SKIP() << kIowaDir << " is not present";
  const fs::path dir = fs::path(::testing::TempDir()) / ("iowa_triage_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string raw = kIowaDir + "/iowa_current_prison_population_2021-12-13.csv";
  ASSERT_EQ(RunClemency("import --mapping " + kRules + "/mappings/iowa-doc.toml " + raw + " -o " + (dir / "data").string() +
                            " --on-error quarantine --as-of 2021-12-13",
                        dir)
                .exit_code,
            0);
  const std::string inputs = "screen --data " + (dir / "data").string() + " --policy redemption-2020 --as-of 2021-12-13 ";
  const auto plain = RunClemency(inputs + "-o " + (dir / "plain").string(), dir);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const auto before = nlohmann::json::parse(Slurp(dir / "plain" / "summary.json"));
  const int64_t people = before["counts"]["people"], review = before["counts"]["needs_review"];
  ASSERT_GT(review, 0);

  // infractions_5y: absent for every Iowa person, and in every needs_review
  // person's triage (the misconduct exclusion is unknown for all of them).
  bool named = false;
  for (const auto& e : before["data_coverage"]["absent_from_data"]) {
    if (e["fact"] != "infractions_5y") continue;
    named = true;
    EXPECT_EQ(e["jurisdiction"], "IA");
    EXPECT_EQ(e["people"], people);
    EXPECT_EQ(e["needs_review"], review);
  }
  EXPECT_TRUE(named) << before["data_coverage"].dump(1);
  const int64_t alone = before["review_triage"]["by_fact"]["infractions_5y"]["alone"];
  EXPECT_GT(alone, 0);
  int64_t grouped = 0;
  for (const auto& g : before["review_triage"]["groups"]) grouped += g["people"].get<int64_t>();
  EXPECT_EQ(grouped, review);
  EXPECT_NE(plain.out.find("infractions_5y is absent from the data for IA"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find(" undecided only because infractions_5y is absent from the data"), std::string::npos);
  EXPECT_NE(plain.out.find("suggested by the policy, not applied: --assume infractions_5y=0"), std::string::npos);
  const std::vector<std::string> reasons_before = ReviewReasons(Slurp(dir / "plain" / "screening.csv"));
  EXPECT_EQ(static_cast<int64_t>(reasons_before.size()), review);
  for (const std::string& r : reasons_before) EXPECT_NE(r.find("infractions_5y"), std::string::npos) << r;

  // With the assumption: exactly the people who hung on infractions_5y alone
  // are decided (eligible: nothing else was unknown and nothing excluded them);
  // everyone still under review is explained by named facts without it.
  const auto assumed = RunClemency(inputs + "--assume infractions_5y=0 -o " + (dir / "assumed").string(), dir);
  ASSERT_EQ(assumed.exit_code, 0) << assumed.err;
  const auto after = nlohmann::json::parse(Slurp(dir / "assumed" / "summary.json"));
  EXPECT_EQ(after["counts"]["needs_review"], review - alone);
  EXPECT_EQ(after["counts"]["eligible"], before["counts"]["eligible"].get<int64_t>() + alone);
  EXPECT_EQ(after["counts"]["not_eligible"], before["counts"]["not_eligible"]);
  EXPECT_EQ(after["manifest"]["assumptions"][0]["filled"], people);
  const std::vector<std::string> reasons_after = ReviewReasons(Slurp(dir / "assumed" / "screening.csv"));
  EXPECT_EQ(static_cast<int64_t>(reasons_after.size()), review - alone);
  for (const std::string& r : reasons_after) {
    EXPECT_FALSE(r.empty());
    EXPECT_EQ(r.find("infractions_5y"), std::string::npos) << r;
  }
  EXPECT_NE(Slurp(dir / "assumed" / "reasons.jsonl").find("\"infractions_5y\":\"0 (assumed: --assume)\""),
            std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace clemency
