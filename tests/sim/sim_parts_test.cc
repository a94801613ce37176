// The projection's parts: the grant-rate distributions, drawing a month from
// a cumulative curve, and the return curves built from the BJS tables.
#include <gtest/gtest.h>

#include <cmath>

#include "clemency/sim/grant_rate.h"
#include "clemency/sim/month_sampler.h"
#include "clemency/sim/return_curves.h"

namespace clemency::sim {
namespace {

const std::string kRules = CLEMENCY_TEST_DATA "/../../rules";

TEST(GrantRateTest, EachFormParsesAndDrawsWithItsMean) {
  struct Case {
    const char* text;
    double mean, lo, hi;
  };
  const Case cases[] = {{"0.4", 0.4, 0.4, 0.4},
                        {"uniform:0.2,0.5", 0.35, 0.2, 0.5},
                        {"triangular:0.1,0.2,0.6", 0.3, 0.1, 0.6},
                        {"beta:2,8", 0.2, 0, 1}};
  for (const Case& c : cases) {
    std::string error;
    const auto g = GrantRate::Parse(c.text, &error);
    ASSERT_TRUE(g) << c.text << ": " << error;
    EXPECT_DOUBLE_EQ(g->Mean(), c.mean) << c.text;
    EXPECT_EQ(g->ToString(), c.text);
    double sum = 0;
    constexpr int kDraws = 20000;
    for (uint64_t k = 0; k < kDraws; ++k) {
      const double v = g->Draw(k * 7919);
      ASSERT_GE(v, c.lo) << c.text;
      ASSERT_LE(v, c.hi) << c.text;
      sum += v;
    }
    EXPECT_NEAR(sum / kDraws, c.mean, 0.01) << c.text;
  }
}

TEST(GrantRateTest, BadTextSaysWhatWasExpected) {
  const std::pair<const char*, const char*> cases[] = {
      {"1.5", "a fixed rate must be one number from 0 to 1"},
      {"", "not a list of numbers"},
      {"uniform:0.5", "needs 0 <= LO <= HI <= 1"},
      {"triangular:0.5,0.4,0.6", "needs 0 <= LO <= MODE <= HI <= 1 and LO < HI"},
      {"beta:0,1", "needs two shape numbers above 0"},
      {"gamma:1,2", "unknown distribution \"gamma\""},
      {"uniform:a,b", "not a list of numbers"},
      {"nan", "not a list of numbers"}};
  for (const auto& [text, why] : cases) {
    std::string error;
    EXPECT_FALSE(GrantRate::Parse(text, &error)) << text;
    EXPECT_EQ(error, std::string("grant rate \"") + text + "\": " + why +
                         "; expected a rate in [0, 1], uniform:LO,HI, triangular:LO,MODE,HI or beta:A,B");
  }
}

TEST(MonthSamplerTest, DrawsAreTheFirstMonthWhoseCumulativeExceedsU) {
  const MonthSampler s({0.0f, 0.1f, 0.1f, 0.5f, 0.9f});
  const std::pair<double, int> cases[] = {{0.0, 1}, {0.0999, 1}, {0.1, 3}, {0.3, 3}, {0.5, 4},
                                          {0.8999, 4}, {0.9, 0}, {0.999, 0}};
  for (const auto& [u, month] : cases) EXPECT_EQ(s.Draw(u), month) << u;
  EXPECT_DOUBLE_EQ(s.Within(3), 0.5f);
  EXPECT_DOUBLE_EQ(s.Within(99), 0.9f);
  // Every bucket boundary agrees with a plain search.
  const MonthSampler g = MonthSampler::Geometric(0.03, 121);
  for (int k = 0; k < 40000; ++k) {
    const double u = k / 40000.0;
    int expected = 0;
    for (int m = 1; m <= 121 && expected == 0; ++m)
      if (g.Within(m) > static_cast<float>(u)) expected = m;
    ASSERT_EQ(g.Draw(u), expected) << u;
  }
  EXPECT_NEAR(g.Within(12), 1 - std::pow(0.97, 12), 1e-6);
}

TEST(ReturnCurvesTest, BjsCurvesFollowTheMethodInTheHeader) {
  std::string error;
  const auto rates = ReturnRates::LoadDefault(&error, kRules);
  ASSERT_TRUE(rates) << error;
  const auto curves = ReturnCurves::FromBjs(*rates, &error);
  ASSERT_TRUE(curves) << error;
  // All offenses, 55-64 at release: BJS's own returned figures (Table 8).
  EXPECT_NEAR(curves->Within(3, 0, 12), 0.204, 1e-6);
  EXPECT_NEAR(curves->Within(3, 0, 60), 0.358, 1e-6);
  EXPECT_NEAR(curves->Within(3, 0, 120), 0.377, 1e-6);
  // Between the yearly points, a straight line: month 24 halfway from 1 to 3 years.
  EXPECT_NEAR(curves->Within(3, 0, 24), (0.204 + 0.323) / 2, 1e-6);
  // Under 25, drug: 48.6 x (75.0 / 66.2) arrest ratio x (derived drug 47.6 / 48.6) at 3 years.
  EXPECT_NEAR(curves->Within(0, 3, 36), 0.486 * (75.0 / 66.2) * (47.6 / 48.6), 1e-4);
  // Older people return less; every curve is non-decreasing.
  EXPECT_LT(curves->Within(4, 0, 36), curves->Within(1, 0, 36));
  for (int b = 0; b < kAgeBands; ++b)
    for (int o = 0; o < kOffenseGroups; ++o)
      for (int m = 1; m <= ReturnCurves::kMonths; ++m) ASSERT_GE(curves->Within(b, o, m), curves->Within(b, o, m - 1));
}

}  // namespace
}  // namespace clemency::sim
