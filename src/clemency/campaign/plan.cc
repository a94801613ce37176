#include "clemency/campaign/plan.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "clemency/sim/random.h"

namespace clemency {
namespace {

// The value at quantile q of sorted values (nearest rank).
double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const size_t i = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size()))) - (q > 0 ? 1 : 0);
  return sorted[std::min(i, sorted.size() - 1)];
}

// Decisions month by month within the horizon.
std::vector<int64_t> Decisions(int64_t candidates, int64_t capacity, int start, int months) {
  std::vector<int64_t> d(static_cast<size_t>(months), 0);
  int64_t left = candidates;
  for (int m = std::max(start, 0); m < months && left > 0 && capacity > 0; ++m) {
    d[static_cast<size_t>(m)] = std::min(capacity, left);
    left -= d[static_cast<size_t>(m)];
  }
  return d;
}

// One jurisdiction: its board's months and, per replicate, its grant rate.
JurisdictionPlan PlanOne(const Campaign& c, const PlanJurisdiction& in, const PlanVariation& v, size_t index,
                         std::vector<double>& rates) {
  JurisdictionPlan p;
  p.in = in;
  p.board = c.AssumptionFor(in.code);
  const int64_t capacity = std::llround(static_cast<double>(p.board.capacity_per_month) * v.capacity_scale);
  const double yield = v.review_yield >= 0 ? v.review_yield : c.review_yield;
  const int months = c.horizon_years * 12;
  p.start_month = MonthsBetween(c.start, p.board.start);
  p.candidates = in.eligible + std::llround(yield * static_cast<double>(in.needs_review));
  p.months_to_clear = p.candidates == 0 ? 0
                      : capacity <= 0   ? -1
                                        : p.start_month + static_cast<int>((p.candidates + capacity - 1) / capacity);
  const std::vector<int64_t> d = Decisions(p.candidates, capacity, p.start_month, months);
  std::vector<double> decided_by_year(static_cast<size_t>(c.horizon_years), 0);
  const double stay = in.exit_rate_per_year > 0 ? 12 / in.exit_rate_per_year : std::numeric_limits<double>::infinity();
  double saved_months = 0;
  for (int m = 0; m < months; ++m) {
    decided_by_year[static_cast<size_t>(m / 12)] += static_cast<double>(d[static_cast<size_t>(m)]);
    saved_months += static_cast<double>(d[static_cast<size_t>(m)]) * std::min<double>(months - m, stay);
  }
  rates.resize(static_cast<size_t>(c.replicates));
  for (int r = 0; r < c.replicates; ++r)
    rates[static_cast<size_t>(r)] =
        std::min(1.0, p.board.grant_rate.Draw(sim::StreamKey(c.seed, static_cast<uint64_t>(r), index)) * v.grant_scale);
  const double mean_rate = std::accumulate(rates.begin(), rates.end(), 0.0) / static_cast<double>(rates.size());
  std::vector<double> sorted = rates;
  std::sort(sorted.begin(), sorted.end());
  double cumulative = 0;
  for (double y : decided_by_year) {
    cumulative += y;
    p.releases_by_year.push_back(mean_rate * y);
    p.releases_by_year_low.push_back(Quantile(sorted, 0.05) * cumulative);
    p.releases_by_year_high.push_back(Quantile(sorted, 0.95) * cumulative);
  }
  p.releases_in_horizon = mean_rate * cumulative;
  p.decisions_in_horizon = static_cast<int64_t>(cumulative);
  if (in.cost_per_year >= 0) p.cost_avoided = mean_rate * saved_months * in.cost_per_year / 12;
  if (in.vote_restoration == "on_release") p.votes_restored = p.releases_in_horizon;
  return p;
}

}  // namespace

int MonthsBetween(const Date& from, const Date& to) {
  if (to.missing() || from.missing() || to.days() <= from.days()) return 0;
  int m = (to.year() - from.year()) * 12 + (to.month() - from.month());
  if (to.day() < from.day()) --m;
  return std::max(m, 0);
}

PlanResult ComputePlan(const Campaign& campaign, const std::vector<PlanJurisdiction>& in,
                       const PlanVariation& variation) {
  PlanResult out;
  std::vector<double> totals(static_cast<size_t>(campaign.replicates), 0), rates;
  out.cumulative_by_year.assign(static_cast<size_t>(campaign.horizon_years), 0);
  for (size_t j = 0; j < in.size(); ++j) {
    JurisdictionPlan p = PlanOne(campaign, in[j], variation, j, rates);
    for (size_t r = 0; r < rates.size(); ++r) totals[r] += rates[r] * static_cast<double>(p.decisions_in_horizon);
    for (size_t y = 0; y < p.releases_by_year.size(); ++y) out.cumulative_by_year[y] += p.releases_by_year[y];
    out.releases_in_horizon += p.releases_in_horizon;
    out.jurisdictions.push_back(std::move(p));
  }
  for (size_t y = 1; y < out.cumulative_by_year.size(); ++y) out.cumulative_by_year[y] += out.cumulative_by_year[y - 1];
  std::stable_sort(out.jurisdictions.begin(), out.jurisdictions.end(), [](const auto& a, const auto& b) {
    return a.releases_in_horizon > b.releases_in_horizon;
  });
  double running = 0;
  for (size_t i = 0; i < out.jurisdictions.size() && out.reached_with < 0; ++i)
    if ((running += out.jurisdictions[i].releases_in_horizon) >= static_cast<double>(campaign.target) - 1e-9)
      out.reached_with = static_cast<int>(i) + 1;
  const auto reached = std::count_if(totals.begin(), totals.end(),
                                     [&](double t) { return t >= static_cast<double>(campaign.target) - 1e-9; });
  out.probability = static_cast<double>(reached) / static_cast<double>(totals.size());
  std::sort(totals.begin(), totals.end());
  out.low = Quantile(totals, 0.05);
  out.high = Quantile(totals, 0.95);
  return out;
}

std::vector<SensitivityRow> AssumptionSensitivity(const Campaign& campaign, const std::vector<PlanJurisdiction>& in) {
  struct Variant {
    const char* assumption;
    const char* change;
    PlanVariation v;
  };
  const Variant variants[] = {
      {"board capacity", "halved in every jurisdiction", {0.5, 1, -1}},
      {"board capacity", "doubled in every jurisdiction", {2, 1, -1}},
      {"grant rate", "half the assumed rate", {1, 0.5, -1}},
      {"grant rate", "one and a half times the assumed rate (at most 1)", {1, 1.5, -1}},
      {"review yield", "no needs_review person found eligible", {1, 1, 0}},
      {"review yield", "half of the needs_review people found eligible", {1, 1, 0.5}},
  };
  std::vector<SensitivityRow> rows;
  for (const Variant& v : variants) {
    if (v.v.review_yield >= 0 && v.v.review_yield == campaign.review_yield) continue;
    const PlanResult r = ComputePlan(campaign, in, v.v);
    rows.push_back({v.assumption, v.change, r.releases_in_horizon, r.probability});
  }
  return rows;
}

}  // namespace clemency
