// The projection's hand-computable cases (issue 13): known releases give an
// exact curve, the board's capacity sets the months a list takes, a zero
// return rate gives no returns, a target beyond the list is never reached;
// and with many replicates the simulated returns match the input rates.
#include "clemency/sim/projection.h"

#include "clemency/sim/projection_figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace clemency::sim {
namespace {

// n people released in the given months, aged 40 today, in one jurisdiction
// with no admissions and a year's exit rate of 0.5.
SimInput Roster(const std::vector<int32_t>& release_months) {
  SimInput in;
  in.jurisdictions.push_back({"XX", 0.5, 0, 30000, 0});
  for (int32_t r : release_months) {
    SimPerson p;
    p.release = r == kNever ? ReleaseKind::kNotReleased : ReleaseKind::kKnown;
    p.release_lo = p.release_hi = r;
    p.birth_month = -40 * 12;
    p.vote = VoteRule::kOnRelease;
    in.people.push_back(p);
  }
  in.months = 24;
  in.replicates = 20;
  in.threads = 2;
  return in;
}

// Everyone on the roster queued for the board, in roster order.
void QueueEveryone(SimInput& in) {
  for (uint32_t i = 0; i < in.people.size(); ++i) in.plan.queue.push_back({i, false});
}

std::vector<int32_t> Counts(const ProjectionResult& r, int scenario, int replicate, int series) {
  std::vector<int32_t> v;
  for (int m = 0; m <= r.months; ++m) v.push_back(r.At(scenario, replicate, series, m));
  return v;
}

std::vector<int32_t> Population(const ProjectionResult& r, int scenario, int replicate) {
  std::vector<int32_t> v;
  for (int m = 0; m <= r.months; ++m) v.push_back(static_cast<int32_t>(r.Population(scenario, replicate, m)));
  return v;
}

TEST(ProjectionTest, KnownReleaseDatesAndNoReturnsGiveAnExactCurve) {
  const SimInput in = Roster({1, 2, 2, 5, 5, 5, 12, 24, 30, kNever});
  const ProjectionResult r = Project(in);
  const std::vector<int32_t> expected = {10, 9, 7, 7, 7, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2};
  for (int rep = 0; rep < in.replicates; ++rep) {
    for (int s = 0; s < 2; ++s) {
      EXPECT_EQ(Population(r, s, rep), expected);
      const std::vector<int32_t> releases = Counts(r, s, rep, kReleases);
      EXPECT_EQ(std::accumulate(releases.begin(), releases.end(), 0), 8);
      EXPECT_EQ(releases[5], 3);
      EXPECT_EQ(r.At(s, rep, kVotesRestored, 24), 8);  // out and restored on release
      EXPECT_EQ(r.At(s, rep, SeriesLayout::kAge + 2, 0), 10);  // all 40-54
    }
    EXPECT_EQ(Counts(r, 0, rep, kReturns), std::vector<int32_t>(25, 0));
  }
}

TEST(ProjectionTest, ABoardOf100AMonthTakes12MonthsFor1200People) {
  SimInput in = Roster(std::vector<int32_t>(1200, kNever));
  QueueEveryone(in);
  in.plan.board_capacity = 100;
  in.plan.target = 1200;
  const ProjectionResult r = Project(in);
  for (int rep = 0; rep < in.replicates; ++rep) {
    EXPECT_EQ(r.clear_month[rep], 12);
    EXPECT_EQ(r.target_month[rep], 12);
    for (int m = 1; m <= 12; ++m) EXPECT_EQ(r.At(1, rep, kGrants, m), 100) << m;
    EXPECT_EQ(r.Population(1, rep, 6), 600);
    EXPECT_EQ(r.Population(1, rep, 12), 0);
    EXPECT_EQ(r.Population(0, rep, 24), 1200);
  }
  // The first in priority order leave first.
  EXPECT_EQ(r.outcomes[0].earliest, 1);
  EXPECT_EQ(r.outcomes[1199].latest, 12);
  EXPECT_EQ(r.outcomes[150].released, in.replicates);
}

TEST(ProjectionTest, AProcessingLagDelaysEveryDecision) {
  SimInput in = Roster(std::vector<int32_t>(300, kNever));
  QueueEveryone(in);
  in.plan.board_capacity = 100;
  in.plan.lag_months = 4;
  const ProjectionResult r = Project(in);
  EXPECT_EQ(r.clear_month[0], 7);
  EXPECT_EQ(r.At(1, 0, kGrants, 5), 100);
  EXPECT_EQ(r.Population(1, 0, 5), 200);
}

TEST(ProjectionTest, ATargetBeyondTheListIsNeverReached) {
  SimInput in = Roster(std::vector<int32_t>(50, kNever));
  QueueEveryone(in);
  in.plan.board_capacity = 10;
  in.plan.target = 51;
  const ProjectionResult r = Project(in);
  for (int rep = 0; rep < in.replicates; ++rep) {
    EXPECT_EQ(r.target_month[rep], kNever);
    EXPECT_EQ(r.clear_month[rep], 5);
  }
}

TEST(ProjectionTest, AListLongerThanTheHorizonIsNotCleared) {
  SimInput in = Roster(std::vector<int32_t>(100, kNever));
  QueueEveryone(in);
  in.plan.board_capacity = 4;  // 25 months for 100 people; the horizon is 24
  const ProjectionResult r = Project(in);
  EXPECT_EQ(r.clear_month[0], kNever);
  EXPECT_EQ(r.Population(1, 0, 24), 4);
}

TEST(ProjectionTest, PeopleWhoLeaveBeforeTheirTurnTakeNoDecision) {
  SimInput in = Roster({1, kNever, kNever});
  QueueEveryone(in);
  in.plan.board_capacity = 1;
  const ProjectionResult r = Project(in);
  EXPECT_EQ(r.clear_month[0], 2);  // persons 1 and 2 in months 1 and 2
  EXPECT_EQ(r.outcomes[0].released, 0);
  EXPECT_EQ(r.outcomes[2].earliest, 2);
}

TEST(ProjectionTest, TheGrantRateDecidesWhoIsReleased) {
  SimInput in = Roster(std::vector<int32_t>(4000, kNever));
  QueueEveryone(in);
  std::string error;
  in.plan.grant_rate = *GrantRate::Parse("uniform:0.2,0.4", &error);
  in.replicates = 200;
  const ProjectionResult r = Project(in);
  double sum = 0;
  for (int rep = 0; rep < in.replicates; ++rep) {
    const double share = r.At(1, rep, kGrants, 1) / 4000.0;
    EXPECT_NEAR(share, r.grant_rate[rep], 0.03);
    EXPECT_GE(r.grant_rate[rep], 0.2);
    EXPECT_LE(r.grant_rate[rep], 0.4);
    sum += share;
  }
  EXPECT_NEAR(sum / in.replicates, 0.3, 0.01);
}

TEST(ProjectionTest, AZeroReturnRateGivesZeroReturns) {
  SimInput in = Roster(std::vector<int32_t>(1000, 3));
  in.curves = ReturnCurves::Uniform({{1, 0}, {3, 0}, {5, 0}, {10, 0}});
  const ProjectionResult r = Project(in);
  for (int rep = 0; rep < in.replicates; ++rep)
    for (int m = 0; m <= in.months; ++m) EXPECT_EQ(r.At(0, rep, kReturns, m), 0);
}

// 20,000 people released in month 1, followed for 10 years: the share back in
// prison within 3 and 5 years matches the curve within 1 percentage point
// (the binomial standard error at 20,000 x 50 replicates is 0.05 points).
TEST(ProjectionTest, SimulatedReturnsMatchTheInputRates) {
  SimInput in = Roster(std::vector<int32_t>(20000, 1));
  in.months = 121;
  in.replicates = 50;
  in.curves = ReturnCurves::Uniform({{1, 30.7}, {3, 48.6}, {5, 55.0}, {10, 60.7}});
  const ProjectionResult r = Project(in);
  double within3 = 0, within5 = 0;
  for (int rep = 0; rep < in.replicates; ++rep)
    for (int m = 2; m <= 61; ++m) (m <= 37 ? within3 : within5) += r.At(0, rep, kReturns, m);
  within5 += within3;
  const double n = 20000.0 * in.replicates;
  EXPECT_NEAR(within3 / n, 0.486, 0.01);
  EXPECT_NEAR(within5 / n, 0.550, 0.01);
}

TEST(ProjectionTest, TheSameSeedGivesTheSameResultOnAnyNumberOfThreads) {
  SimInput in = Roster(std::vector<int32_t>(500, 6));
  for (SimPerson& p : in.people) p.release = ReleaseKind::kHazard;
  in.curves = ReturnCurves::Uniform({{1, 30}, {3, 50}, {5, 55}, {10, 60}});
  in.jurisdictions[0].admissions_per_month = 20;
  for (uint32_t i = 0; i < 500; i += 2) in.plan.queue.push_back({i, i % 4 == 0});
  in.plan.board_capacity = 30;
  in.plan.review_share = 0.5;
  std::string error;
  in.plan.grant_rate = *GrantRate::Parse("beta:2,3", &error);
  in.threads = 1;
  const ProjectionResult one = Project(in);
  in.threads = 3;
  const ProjectionResult three = Project(in);
  EXPECT_EQ(one.data, three.data);
  EXPECT_EQ(one.clear_month, three.clear_month);
  in.seed = 2;
  EXPECT_NE(Project(in).data, one.data);
}

TEST(ProjectionTest, ThePoolFlowsAtTheJurisdictionsRates) {
  // No roster; 10,000 in prison, 200 admissions a month, an exit rate of 0.24 a
  // year: the expected stock after m months is S(1-h)^m + 200 (1-(1-h)^m)/h.
  SimInput in = Roster({});
  in.jurisdictions[0] = {"XX", 0.24, 200, -1, 10000};
  in.months = 24;
  in.replicates = 400;
  const ProjectionResult r = Project(in);
  const double h = 1 - std::exp(-0.02);
  const double expected = 10000 * std::pow(1 - h, 24) + 200 * (1 - std::pow(1 - h, 24)) / h;
  double mean = 0;
  for (int rep = 0; rep < in.replicates; ++rep) mean += r.Population(1, rep, 24);
  EXPECT_NEAR(mean / in.replicates, expected, 5);
}

TEST(ProjectionTest, GroupFiguresAddTheirShareOfThePool) {
  // One Black roster person aged 40 who never leaves; 100 people in the pool
  // who never leave either, 30 % of them Black and all 25-39.
  SimInput in = Roster({kNever});
  in.people[0].race = 0;  // core Race::kBlack
  in.jurisdictions[0] = {"XX", 0, 0, -1, 100};
  in.pool_race_share[0] = 0.3;
  in.pool_race_share[1] = 0.7;
  in.pool_age_share[1] = 1;
  const ProjectionResult r = Project(in);
  const std::vector<Figure> figures = ProjectionFigures(r, in, 2);
  auto at = [&](const char* scenario, const char* metric, const char* group, int m) {
    for (const Figure& f : figures)
      if (f.scenario == scenario && f.metric == metric && f.group == group) return f.months[m].mean;
    ADD_FAILURE() << metric << " " << group;
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(at("baseline", "population", "all", 12), 101);
  EXPECT_DOUBLE_EQ(at("baseline", "population", "race:black", 12), 31);
  EXPECT_DOUBLE_EQ(at("scenario", "population", "race:white", 0), 70);
  EXPECT_DOUBLE_EQ(at("baseline", "population", "age:25_39", 12), 100);
  EXPECT_DOUBLE_EQ(at("baseline", "population", "age:40_54", 12), 1);
  EXPECT_DOUBLE_EQ(at("scenario", "population_reduction", "all", 12), 0);
}

}  // namespace
}  // namespace clemency::sim
