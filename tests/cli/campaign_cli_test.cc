// clemency campaign plan end to end: a two-state synthetic population and a
// campaign with fixed assumptions, so every figure of plan.json can be worked
// out again from `clemency screen`'s own counts; a real roster standing in for
// one state; the files' shape; bad campaign files.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli_fixture.h"
#include "support/run_clemency.h"

namespace clemency {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_support::RunClemency;
using testing_support::Slurp;

constexpr const char* kCampaign = R"([campaign]
id = "two-states"
title = "Two states"
citation = "test"
confidence = "unconfirmed"
target = 400
horizon_years = 2
start = 2027-01-01
policy = "redemption-2020"
set = ["min_age=50 years"]
jurisdictions = ["CA", "TX"]
replicates = 20
sensitivity_sets = ["min_age=60 years"]

[defaults]
board_capacity_per_month = 20
grant_rate = 0.5
source = "test: fixed"

[jurisdiction.TX]
board_capacity_per_month = 10
grant_rate = "1"
start = 2027-03-01
source = "test: TX"
)";

class CampaignPlanCli : public ::testing::Test {
 public:
  void SetUp() override { dir_ = testing_support::FreshScratchDir(); }
  testing_support::CommandRun Run(const std::string& args) { return RunClemency(args, dir_); }
  fs::path dir_;
};

// Eligible people per jurisdiction as `clemency screen` counts them.
json ScreenByJurisdiction(CampaignPlanCli& t, const fs::path& data, const fs::path& out) {
  const auto r = t.Run("screen --data " + data.string() + " --policy redemption-2020 --as-of 2027-01-01 --set "
                       "\"min_age=50 years\" -o " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(Slurp(out / "summary.json"))["by_jurisdiction"];
}

TEST_F(CampaignPlanCli, EveryFigureFollowsFromTheScreeningAndTheAssumptions) {
  testing_support::WriteText(dir_ / "two.toml", kCampaign);
  ASSERT_EQ(Run("synth --jurisdiction CA,TX --people 4000 --seed 3 --as-of 2027-01-01 -o " + (dir_ / "data").string()).exit_code, 0);
  const auto r = Run("campaign plan --campaign " + (dir_ / "two.toml").string() + " --data " + (dir_ / "data").string() +
                     " -o " + (dir_ / "plan").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json by_j = ScreenByJurisdiction(*this, dir_ / "data", dir_ / "screen");
  const json plan = json::parse(Slurp(dir_ / "plan" / "plan.json"));
  EXPECT_EQ(plan["target"], 400);
  double total = 0;
  for (const json& j : plan["jurisdictions"]) {
    const std::string code = j["jurisdiction"];
    const int64_t eligible = by_j[code]["eligible"];
    EXPECT_EQ(j["eligible"], eligible) << code;
    EXPECT_EQ(j["data_source"], "synthetic");
    const int capacity = code == "TX" ? 10 : 20, start = code == "TX" ? 2 : 0;
    const double rate = code == "TX" ? 1.0 : 0.5;
    EXPECT_EQ(j["months_to_clear"], start + (eligible + capacity - 1) / capacity) << code;
    const double decided = std::min<double>(static_cast<double>(eligible), capacity * (24.0 - start));
    EXPECT_NEAR(j["expected_releases_in_horizon"].get<double>(), rate * decided, 0.05) << code;
    const double year1 = std::min<double>(static_cast<double>(eligible), capacity * (12.0 - start));
    EXPECT_NEAR(j["expected_releases_by_year"][0].get<double>(), rate * year1, 0.05) << code;
    total += rate * decided;
  }
  EXPECT_NEAR(plan["expected_releases_in_horizon"].get<double>(), total, 0.1);
  EXPECT_EQ(plan["probability_of_target"], total >= 400 ? 1.0 : 0.0);
  ASSERT_EQ(plan["sensitivity"].size(), 6u);  // capacity x2, grant rate x2, review yield 0.5, the policy set
  EXPECT_EQ(plan["sensitivity"][5]["change"], "min_age=60 years");
  EXPECT_LE(plan["sensitivity"][5]["expected_releases_in_horizon"].get<double>(), total + 0.1);
  const std::string csv = Slurp(dir_ / "plan" / "plan.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')).find("path_order,jurisdiction,data_source,people,eligible,needs_review,eligible_"), 0u);
  const std::string html = Slurp(dir_ / "plan" / "report.html");
  EXPECT_NE(html.find("The path to the target"), std::string::npos);
  for (const char* external : {"http://", "https://", "src=", "href=\"/"})  // nothing leaves the page
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_NE(r.out.find("probability of reaching the target"), std::string::npos);
}

TEST_F(CampaignPlanCli, ARealRosterStandsInForItsState) {
  testing_support::WriteText(dir_ / "two.toml", kCampaign);
  ASSERT_EQ(Run("synth --jurisdiction CA,TX --people 3000 --seed 3 --as-of 2027-01-01 -o " + (dir_ / "data").string()).exit_code, 0);
  ASSERT_EQ(Run("synth --jurisdiction TX --people 500 --seed 9 --as-of 2027-01-01 -o " + (dir_ / "tx").string()).exit_code, 0);
  const auto r = Run("campaign plan --campaign " + (dir_ / "two.toml").string() + " --data " + (dir_ / "data").string() +
                     " --data TX=" + (dir_ / "tx").string() + " -o " + (dir_ / "plan").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json plan = json::parse(Slurp(dir_ / "plan" / "plan.json"));
  for (const json& j : plan["jurisdictions"]) {
    if (j["jurisdiction"] == "TX") {
      EXPECT_EQ(j["data_source"], "real: " + (dir_ / "tx").string());
      EXPECT_EQ(j["people"], 500);
    } else {
      EXPECT_EQ(j["data_source"], "synthetic");
    }
  }
}

TEST_F(CampaignPlanCli, BadCampaignFilesAreExit4WithTheirPosition) {
  testing_support::WriteText(dir_ / "bad.toml", std::string(kCampaign) + "[jurisdiction.ZZ]\n");
  const auto r = Run("campaign plan --campaign " + (dir_ / "bad.toml").string() + " --data " + dir_.string() + " -o " +
                     (dir_ / "plan").string());
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("bad.toml:25:1: [jurisdiction.ZZ]: expected a table named by a jurisdiction code"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "plan" / "plan.json"));
  EXPECT_EQ(Run("campaign plan --campaign no-such-campaign --data x -o y").exit_code, 4);
  EXPECT_EQ(Run("campaign plan --data x -o y").exit_code, 2);
}

}  // namespace
}  // namespace clemency
