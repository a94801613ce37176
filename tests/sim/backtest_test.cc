// Back-test of the projection's baseline on real history (issue 13): for
// every state in the BJS National Prisoner Statistics series, start from the
// 2015 year-end count of sentenced prisoners and 2015's admissions and
// releases, project 48 months with the projection's pool (admissions at the
// 2015 rate, exits at 2015's releases / stock), and compare with the counts
// BJS reported for 2016-2019. Writes the per-state table to
// $CLEMENCY_BACKTEST_OUT (docs/projection.md quotes it) when that is set.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "clemency/io/csv_reader.h"
#include "clemency/sim/projection.h"

namespace clemency::sim {
namespace {

const std::string kSeries = CLEMENCY_SHARED_DIR "/data/real/bjs-nps-state-timeseries/";

// state -> year -> value (NA left out).
std::map<std::string, std::map<int, double>> ReadWide(const std::string& file) {
  std::map<std::string, std::map<int, double>> out;
  std::string error;
  auto reader = CsvReader::Open(kSeries + file, &error);
  EXPECT_TRUE(reader) << error;
  if (!reader) return out;
  CsvRecord rec;
  std::vector<int> years;
  while (reader->Next(rec)) {
    EXPECT_TRUE(rec.ok()) << file << ":" << rec.error_line << ": " << rec.error;
    if (years.empty()) {
      for (size_t i = 1; i < rec.fields.size(); ++i) years.push_back(std::stoi(std::string(rec.fields[i])));
      continue;
    }
    for (size_t i = 1; i < rec.fields.size() && i <= years.size(); ++i)
      if (rec.fields[i] != "NA" && !rec.fields[i].empty())
        out[std::string(rec.fields[0])][years[i - 1]] = std::stod(std::string(rec.fields[i]));
  }
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

TEST(BacktestTest, TheBaselineFrom2015AgainstWhatHappenedIn2016To2019) {
  if (!std::filesystem::exists(kSeries)) GTEST_SKIP() << "no " << kSeries;
  const auto stock = ReadWide("sentenced_prisoners.csv");
  const auto admissions = ReadWide("admissions.csv");
  const auto releases = ReadWide("releases.csv");
  constexpr int kStart = 2015, kYears = 4;
  std::vector<std::vector<double>> errors(kYears), naive(kYears);
  std::string table =
      "| state | 2015 stock | exit rate | admissions/yr | 2016 | 2017 | 2018 | 2019 | error 12 mo | error 48 mo |\n"
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  std::vector<std::string> skipped;
  for (const auto& [state, years] : stock) {
    const auto a = admissions.find(state), r = releases.find(state);
    bool complete = a != admissions.end() && r != releases.end() && a->second.count(kStart) && r->second.count(kStart);
    for (int y = kStart; y <= kStart + kYears; ++y) complete = complete && years.count(y);
    if (!complete) {
      skipped.push_back(state);
      continue;
    }
    const double s0 = years.at(kStart);
    SimInput in;
    in.jurisdictions.push_back({state, r->second.at(kStart) / s0, a->second.at(kStart) / 12.0, -1,
                                static_cast<int64_t>(std::llround(s0))});
    in.months = 12 * kYears;
    in.replicates = 200;
    in.seed = 2015;
    const ProjectionResult p = Project(in);
    std::string row = "| " + state + " | " + std::to_string(std::llround(s0)) + " | " +
                      std::to_string(std::lround(1000 * in.jurisdictions[0].exit_rate_per_year) / 1000.0).substr(0, 5) +
                      " | " + std::to_string(std::llround(a->second.at(kStart))) + " |";
    double first = 0, last = 0;
    for (int k = 1; k <= kYears; ++k) {
      double mean = 0;
      for (int rep = 0; rep < in.replicates; ++rep) mean += static_cast<double>(p.Population(0, rep, 12 * k));
      mean /= in.replicates;
      const double actual = years.at(kStart + k);
      const double error = 100 * std::abs(mean - actual) / actual;
      errors[k - 1].push_back(error);
      naive[k - 1].push_back(100 * std::abs(s0 - actual) / actual);
      row += " " + std::to_string(std::llround(mean)) + " (" + std::to_string(std::llround(actual)) + ") |";
      (k == 1 ? first : last) = error;
    }
    char cells[64];
    std::snprintf(cells, sizeof cells, " %.1f %% | %.1f %% |\n", first, last);
    table += row + cells;
  }
  std::string summary = "\n| horizon | states | median error | mean error | no-change forecast, median |\n|---|---:|---:|---:|---:|\n";
  for (int k = 0; k < kYears; ++k) {
    double mean = 0;
    for (double e : errors[k]) mean += e;
    mean /= static_cast<double>(errors[k].size());
    char line[160];
    std::snprintf(line, sizeof line, "| %d months | %zu | %.1f %% | %.1f %% | %.1f %% |\n", 12 * (k + 1), errors[k].size(),
                  Median(errors[k]), mean, Median(naive[k]));
    summary += line;
  }
  std::string note = "\nStates left out (a 2015-2019 figure missing): ";
  for (const std::string& s : skipped) note += s + "; ";
  std::printf("%s%s%s\n", table.c_str(), summary.c_str(), note.c_str());
  if (const char* out = std::getenv("CLEMENCY_BACKTEST_OUT")) std::ofstream(out) << table << summary << note << "\n";
  EXPECT_GE(errors[0].size(), 45u);
  // What docs/projection.md reports; a change to the model that moves the
  // median 12-month error past this fails here and must update the doc.
  EXPECT_LT(Median(errors[0]), 6.0);
}

}  // namespace
}  // namespace clemency::sim
