// The national synthetic population (`synth --jurisdiction ALL`) against the
// BJS tables it is calibrated to, read from the raw CSVs in tests/data/bjs:
// every jurisdiction at its Table 4 count (so the total is the U.S. total),
// each one's female share and, where its Appendix Table 1 record is usable,
// its race shares within sampling tolerance.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>

#include "clemency/core/codes.h"
#include "clemency/synth/national.h"
#include "synth_test_util.h"

namespace clemency::testing {
namespace {

struct Tally {
  int64_t people = 0, female = 0;
  std::map<std::string, int64_t> race;
};

// The whole national population, generated once for the process.
const std::map<std::string, Tally> &NationalTallies() {
  static const std::map<std::string, Tally> tallies = [] {
    const std::string dir = TempDir("national");
    NationalOptions o;
    std::string error;
    o.jurisdictions = ParseJurisdictionList("ALL", TestCalibration(), &error);
    o.seed = 7;
    o.as_of = ParseDate(kTestAsOf).date;
    o.out_dir = dir;
    const NationalResult r = SynthesizeNational(o);
    EXPECT_TRUE(r.ok()) << r.error;
    std::map<std::string, Tally> out;
    const Table people = ReadTable(dir + "/people.csv");
    const int jur = people.Col("jurisdiction"), sex = people.Col("sex"),
              race = people.Col("race");
    const int id = people.Col("person_id");
    for (const auto &row : people.rows) {
      Tally &t = out[row[static_cast<size_t>(jur)]];
      EXPECT_EQ(row[static_cast<size_t>(id)].rfind(
                    row[static_cast<size_t>(jur)] + "-P", 0),
                0u);
      ++t.people;
      t.female += row[static_cast<size_t>(sex)] == "F";
      ++t.race[row[static_cast<size_t>(race)]];
    }
    return out;
  }();
  return tallies;
}

// Raw Table 4 rows by BJS name ("Federal/a", "California"): 2022 total, female.
std::map<std::string, std::pair<double, double>> Table4() {
  std::map<std::string, std::pair<double, double>> out;
  for (const auto &rec :
       ReadRecords(std::string(CLEMENCY_TEST_DATA) + "/bjs/p22stt04.csv")) {
    if (rec.size() < 9)
      continue;
    std::string name = !rec[0].empty() ? rec[0] : rec[1];
    if (const size_t slash = name.find('/'); slash != std::string::npos)
      name.resize(slash);
    if (BjsNumber(rec[6]) > 0)
      out[name] = {BjsNumber(rec[6]), BjsNumber(rec[8])};
  }
  return out;
}

// Table 4's row names.
std::string JurisdictionName(const std::string &code) {
  static const std::map<std::string, std::string> names = {
      {"AL", "Alabama"},        {"AK", "Alaska"},
      {"AZ", "Arizona"},        {"AR", "Arkansas"},
      {"CA", "California"},     {"CO", "Colorado"},
      {"CT", "Connecticut"},    {"DE", "Delaware"},
      {"FL", "Florida"},        {"GA", "Georgia"},
      {"HI", "Hawaii"},         {"ID", "Idaho"},
      {"IL", "Illinois"},       {"IN", "Indiana"},
      {"IA", "Iowa"},           {"KS", "Kansas"},
      {"KY", "Kentucky"},       {"LA", "Louisiana"},
      {"ME", "Maine"},          {"MD", "Maryland"},
      {"MA", "Massachusetts"},  {"MI", "Michigan"},
      {"MN", "Minnesota"},      {"MS", "Mississippi"},
      {"MO", "Missouri"},       {"MT", "Montana"},
      {"NE", "Nebraska"},       {"NV", "Nevada"},
      {"NH", "New Hampshire"},  {"NJ", "New Jersey"},
      {"NM", "New Mexico"},     {"NY", "New York"},
      {"NC", "North Carolina"}, {"ND", "North Dakota"},
      {"OH", "Ohio"},           {"OK", "Oklahoma"},
      {"OR", "Oregon"},         {"PA", "Pennsylvania"},
      {"RI", "Rhode Island"},   {"SC", "South Carolina"},
      {"SD", "South Dakota"},   {"TN", "Tennessee"},
      {"TX", "Texas"},          {"UT", "Utah"},
      {"VT", "Vermont"},        {"VA", "Virginia"},
      {"WA", "Washington"},     {"WV", "West Virginia"},
      {"WI", "Wisconsin"},      {"WY", "Wyoming"},
      {"US", "Federal"}};
  return names.at(code);
}

double Tolerance(double p, double n) {
  return 4 * std::sqrt(p * (1 - p) / n) + 0.002;
}

TEST(NationalSynth, EveryJurisdictionAtItsBjsCountAndTheTotalIsTheUsTotal) {
  const auto t4 = Table4();
  const auto &tallies = NationalTallies();
  int64_t total = 0;
  for (const auto &[j, t] : tallies)
    total += t.people;
  EXPECT_EQ(
      total,
      static_cast<int64_t>(
          t4.at("U.S. total").first)); // 1,185,648: exact, within 1 % asked
  EXPECT_EQ(tallies.at("US").people,
            static_cast<int64_t>(t4.at("Federal").first));
  EXPECT_EQ(tallies.count("DC"),
            0u); // no prison system: its felons are federal prisoners
  for (const std::string &j : TestCalibration().Jurisdictions()) {
    if (j == "US")
      continue;
    const auto row = t4.find(JurisdictionName(j));
    ASSERT_NE(row, t4.end()) << j;
    EXPECT_EQ(tallies.at(j).people, static_cast<int64_t>(row->second.first))
        << j;
  }
}

TEST(NationalSynth, FemaleSharesMatchTable4) {
  const auto t4 = Table4();
  for (const auto &[j, t] : NationalTallies()) {
    const auto &row = t4.at(JurisdictionName(j));
    const double want = row.second / row.first,
                 got = static_cast<double>(t.female) /
                       static_cast<double>(t.people);
    EXPECT_NEAR(got, want, Tolerance(want, static_cast<double>(t.people))) << j;
  }
}

TEST(NationalSynth, RaceSharesMatchAppendixTable1WhereUsable) {
  const Calibration &cal = TestCalibration();
  int checked = 0;
  for (const auto &[j, t] : NationalTallies()) {
    std::string error;
    const auto model = BuildJurisdictionModel(cal, j, &error);
    ASSERT_TRUE(model) << error;
    if (!model->state_race_margin)
      continue;
    const auto &a = cal.race_by_state.at(
        j); // total, white, black, hispanic, native, asian, pacific, ...
    const double named = static_cast<double>(a[1] + a[2] + a[3] + a[4] +
                                             std::max<int64_t>(a[5], 0) +
                                             std::max<int64_t>(a[6], 0));
    const std::pair<const char *, int> races[] = {
        {"white", 1}, {"black", 2}, {"hispanic", 3}, {"native", 4}};
    for (const auto &[race, col] : races) {
      const double want =
          static_cast<double>(a[static_cast<size_t>(col)]) / named;
      const double got =
          static_cast<double>(t.race.count(race) ? t.race.at(race) : 0) /
          static_cast<double>(t.people);
      // Shares of the named races; BJS's other/unknown columns are drawn as
      // other/unknown.
      EXPECT_NEAR(got, want,
                  Tolerance(want, static_cast<double>(t.people)) + 0.03)
          << j << " " << race;
    }
    ++checked;
  }
  EXPECT_GE(checked, 20);
  EXPECT_TRUE(BuildJurisdictionModel(cal, "US", nullptr)->state_race_margin);
}

TEST(NationalSynth, PeopleAreSharedOutByBjsCounts) {
  EXPECT_EQ(ApportionPeople(10, {1, 1, 2}), (std::vector<int64_t>{3, 2, 5}));
  EXPECT_EQ(ApportionPeople(7, {0, 5, 5}), (std::vector<int64_t>{0, 4, 3}));
  const std::vector<int64_t> shares =
      ApportionPeople(1000, {97483, 137035, 146108});
  EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), int64_t{0}), 1000);
  // 256.11, 360.03, 383.86: floors 256 + 360 + 383 = 999, the one left to the largest remainder.
  EXPECT_EQ(shares, (std::vector<int64_t>{256, 360, 384}));
}

TEST(NationalSynth, JurisdictionListsAreChecked) {
  std::string error;
  const auto all = ParseJurisdictionList("ALL", TestCalibration(), &error);
  EXPECT_EQ(all.size(), 52u); // 50 states, DC and US
  EXPECT_EQ(ParseJurisdictionList("CA,TX", TestCalibration(), &error),
            (std::vector<std::string>{"CA", "TX"}));
  EXPECT_TRUE(
      ParseJurisdictionList("CA,ZZ", TestCalibration(), &error).empty());
  EXPECT_NE(error.find("\"ZZ\""), std::string::npos) << error;
  EXPECT_TRUE(
      ParseJurisdictionList("CA,CA", TestCalibration(), &error).empty());
  EXPECT_NE(error.find("twice"), std::string::npos) << error;
}

} // namespace
} // namespace clemency::testing
