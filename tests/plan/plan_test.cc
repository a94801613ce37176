// The campaign plan's board model on a case small enough to compute by hand
// (docs/campaign.md), and the campaign file's errors.
#include "clemency/campaign/plan.h"

#include <gtest/gtest.h>

#include <fstream>

namespace clemency {
namespace {

Campaign TwoStates() {
  Campaign c;
  c.target = 80;
  c.horizon_years = 2;
  c.start = ParseDate("2027-01-01").date;
  c.review_yield = 0.5;
  c.replicates = 10;
  c.defaults = {10, *sim::GrantRate::Parse("0.5", nullptr), c.start, "test"};
  c.by_jurisdiction["BB"] = {5, *sim::GrantRate::Parse("1", nullptr), ParseDate("2027-04-15").date, "test"};
  return c;
}

std::vector<PlanJurisdiction> TwoStatesIn() {
  PlanJurisdiction a;
  a.code = "AA";
  a.eligible = 120;
  a.needs_review = 40;  // half found eligible: 20
  a.cost_per_year = 12000;
  a.exit_rate_per_year = 2;  // a mean stay of 6 months
  a.vote_restoration = "on_release";
  PlanJurisdiction b;
  b.code = "BB";
  b.eligible = 30;
  b.vote_restoration = "after_sentence";
  return {a, b};
}

TEST(Plan, TwoStatesByHand) {
  const PlanResult r = ComputePlan(TwoStates(), TwoStatesIn());
  ASSERT_EQ(r.jurisdictions.size(), 2u);
  const JurisdictionPlan& a = r.jurisdictions[0];  // the path: most releases first
  const JurisdictionPlan& b = r.jurisdictions[1];
  EXPECT_EQ(a.in.code, "AA");
  // AA: 140 candidates, 10 decisions a month from month 0: 14 months; year 1 decides 120
  // (60 granted at 0.5), year 2 the last 20 (10 granted).
  EXPECT_EQ(a.candidates, 140);
  EXPECT_EQ(a.months_to_clear, 14);
  EXPECT_EQ(a.releases_by_year, (std::vector<double>{60, 10}));
  EXPECT_DOUBLE_EQ(a.releases_in_horizon, 70);
  EXPECT_DOUBLE_EQ(a.votes_restored, 70);
  // Cost: a release saves min(24 - month, 6) months at 1,000 a month: every month's 5 grants
  // save 6 months (the last decision is in month 13) = 70 x 6 x 1,000.
  EXPECT_DOUBLE_EQ(a.cost_avoided, 420000);
  // BB: 30 candidates, 5 a month from 15 April, month 3 (1 January to 15 April is three whole months):
  // months 3 to 8, all 30 granted in year 1.
  EXPECT_EQ(b.start_month, 3);
  EXPECT_EQ(b.months_to_clear, 9);
  EXPECT_EQ(b.releases_by_year, (std::vector<double>{30, 0}));
  EXPECT_DOUBLE_EQ(b.votes_restored, 0);  // the vote returns after the sentence, not on release
  EXPECT_DOUBLE_EQ(b.cost_avoided, -1);   // no cost figure
  EXPECT_DOUBLE_EQ(r.releases_in_horizon, 100);
  EXPECT_EQ(r.cumulative_by_year, (std::vector<double>{90, 100}));
  EXPECT_EQ(r.reached_with, 2);  // 70 < 80 <= 100
  EXPECT_DOUBLE_EQ(r.probability, 1);
  EXPECT_DOUBLE_EQ(r.low, 100);
  EXPECT_DOUBLE_EQ(r.high, 100);
}

TEST(Plan, ATargetOutOfReachHasProbabilityZero) {
  Campaign c = TwoStates();
  c.target = 101;
  const PlanResult r = ComputePlan(c, TwoStatesIn());
  EXPECT_EQ(r.reached_with, -1);
  EXPECT_DOUBLE_EQ(r.probability, 0);
}

TEST(Plan, AnUncertainGrantRateGivesABandAndAProbability) {
  Campaign c = TwoStates();
  c.replicates = 2000;
  c.defaults.grant_rate = *sim::GrantRate::Parse("uniform:0,1", nullptr);
  c.by_jurisdiction["BB"].grant_rate = c.defaults.grant_rate;
  c.target = 85;  // AA decides 140 and BB 30 in the horizon: 170 x rate >= 85 when the rates average 0.5 or more
  const PlanResult r = ComputePlan(c, TwoStatesIn());
  EXPECT_NEAR(r.releases_in_horizon, 85, 4);
  EXPECT_LT(r.low, 40);
  EXPECT_GT(r.high, 130);
  EXPECT_GT(r.probability, 0.4);
  EXPECT_LT(r.probability, 0.6);
}

TEST(Plan, SensitivityMovesEachAssumption) {
  const auto rows = AssumptionSensitivity(TwoStates(), TwoStatesIn());
  ASSERT_EQ(rows.size(), 5u);  // the review yield of 0.5 is the campaign's own: not a variation
  EXPECT_EQ(rows[0].assumption, "board capacity");
  // Halved: AA 5 a month for 24 months decides 120 (60 granted); BB 2.5 rounds to 3 a month
  // from month 3: 30 decided by month 12 (30 granted).
  EXPECT_DOUBLE_EQ(rows[0].releases_in_horizon, 90);
  EXPECT_DOUBLE_EQ(rows[1].releases_in_horizon, 100);  // doubled: everyone decided anyway
  EXPECT_DOUBLE_EQ(rows[2].releases_in_horizon, 35 + 15);  // half the rate
  EXPECT_DOUBLE_EQ(rows[4].releases_in_horizon, 60 + 30);  // review yield 0: AA has 120 candidates
}

TEST(Plan, MonthsBetweenCountsWholeMonths) {
  auto d = [](const char* s) { return ParseDate(s).date; };
  EXPECT_EQ(MonthsBetween(d("2027-01-01"), d("2027-01-31")), 0);
  EXPECT_EQ(MonthsBetween(d("2027-01-31"), d("2027-02-28")), 0);
  EXPECT_EQ(MonthsBetween(d("2027-01-31"), d("2027-03-31")), 2);
  EXPECT_EQ(MonthsBetween(d("2027-06-01"), d("2027-01-01")), 0);
}

std::string LoadError(const std::string& text) {
  const std::string path = ::testing::TempDir() + "/campaign.toml";
  std::ofstream(path, std::ios::trunc) << text;
  std::string error;
  EXPECT_FALSE(Campaign::Load(path, &error));
  return error.substr(error.find(".toml") + 5);
}

constexpr const char* kHead =
    "[campaign]\nid = \"t\"\ntitle = \"t\"\ncitation = \"c\"\nconfidence = \"secondary\"\ntarget = 10\n"
    "start = 2027-01-01\npolicy = \"redemption-2020\"\n";

TEST(CampaignFile, ErrorsSayWhereAndWhat) {
  EXPECT_EQ(LoadError(std::string(kHead) + "[defaults]\nboard_capacity_per_month = 10\ngrant_rate = \"0.3\"\n"),
            ":9:1: [defaults] needs board_capacity_per_month (> 0), grant_rate and source: the plan states every "
            "assumption");
  EXPECT_EQ(LoadError(std::string(kHead) +
                      "[defaults]\nboard_capacity_per_month = 10\ngrant_rate = \"beta:x\"\nsource = \"s\"\n"),
            ":11:14: grant_rate: " + [] {
              std::string e;
              sim::GrantRate::Parse("beta:x", &e);
              return e;
            }());
  EXPECT_EQ(LoadError(std::string(kHead) + "jurisdictions = [\"CA\", \"ZZ\"]\n"),
            ":9:24: \"ZZ\" is not a jurisdiction code (two-letter state, DC or US)");
  EXPECT_EQ(LoadError(std::string(kHead) +
                      "[defaults]\nboard_capacity_per_month = 10\ngrant_rate = 0.3\nsource = \"s\"\n[jurisdiction.CA]\n"
                      "capacity = 3\n"),
            ":14:1: unknown key \"capacity\" in [jurisdiction.CA] (expected one of: board_capacity_per_month, "
            "grant_rate, start, source)");
}

TEST(CampaignFile, TheShippedCampaignLoads) {
  std::string error;
  const auto c = Campaign::Load(Campaign::Resolve("redemption-50k", std::string(CLEMENCY_SOURCE_DIR) + "/rules"), &error);
  ASSERT_TRUE(c) << error;
  EXPECT_EQ(c->target, 50000);
  EXPECT_EQ(c->horizon_years, 5);
  EXPECT_EQ(c->policy, "redemption-2020");
  EXPECT_EQ(c->jurisdictions.size(), 50u);  // state prisons: the 50 states
  EXPECT_FALSE(c->defaults.source.empty());
}

}  // namespace
}  // namespace clemency
