#include "clemency/sim/return_curves.h"

#include <algorithm>

namespace clemency::sim {
namespace {

constexpr int kYears[4] = {1, 3, 5, 10};
constexpr std::string_view kCohort = "2008-24-states";

}  // namespace

void ReturnCurves::SetCurve(int band, int offense, const std::array<double, 4>& percent) {
  std::array<double, 4> p = percent;
  for (size_t i = 0; i < p.size(); ++i) p[i] = std::clamp(i > 0 ? std::max(p[i], p[i - 1]) : p[i], 0.0, 100.0);
  std::vector<float> cdf(kMonths + 1, 0);
  int from_month = 0;
  double from = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    const int to_month = kYears[i] * 12;
    for (int m = from_month; m <= to_month; ++m)
      cdf[m] = static_cast<float>((from + (p[i] - from) * (m - from_month) / (to_month - from_month)) / 100.0);
    from_month = to_month;
    from = p[i];
  }
  curves_[band * kOffenseGroups + offense] = MonthSampler(std::move(cdf));
}

ReturnCurves ReturnCurves::None() {
  ReturnCurves c;
  c.source = "none: nobody returns to prison";
  for (int b = 0; b < kAgeBands; ++b)
    for (int o = 0; o < kOffenseGroups; ++o) c.SetCurve(b, o, {0, 0, 0, 0});
  return c;
}

ReturnCurves ReturnCurves::Uniform(const std::vector<std::pair<int, double>>& points) {
  std::array<double, 4> p{};
  for (size_t i = 0; i < 4; ++i)
    for (const auto& [year, percent] : points)
      if (year == kYears[i]) p[i] = percent;
  ReturnCurves c;
  c.source = "one curve for everybody";
  for (int b = 0; b < kAgeBands; ++b)
    for (int o = 0; o < kOffenseGroups; ++o) c.SetCurve(b, o, p);
  return c;
}

std::optional<ReturnCurves> ReturnCurves::FromBjs(const ReturnRates& rates, std::string* error) {
  ReturnCurves c;
  const RateTable* returned = rates.TableFor(kCohort, "returned_to_prison", false);
  const RateTable* arrested = rates.TableFor(kCohort, "arrested", false);
  if (returned == nullptr || arrested == nullptr) {
    *error = "the return-rates file lacks the 2008 cohort's returned_to_prison or arrested table";
    return std::nullopt;
  }
  error->clear();
  c.source = returned->citation + "; " + arrested->citation;
  auto need = [&](std::optional<double> v, std::string_view what) {
    if (!v) *error = std::string("the return-rates file lacks ") + std::string(what);
    return v.value_or(0);
  };
  for (int b = 0; b < kAgeBands; ++b) {
    for (int o = 0; o < kOffenseGroups; ++o) {
      std::array<double, 4> p{};
      for (size_t i = 0; i < 4; ++i) {
        const int y = kYears[i];
        const double all = need(rates.CumulativeReturn(kCohort, "all", y), "the cohort's overall return rate");
        const std::string_view band = kReleaseAgeBands[b];
        double age = 1;
        if (const auto r = rates.CumulativeReturn(kCohort, band, y)) {
          age = *r / all;
        } else {
          age = need(rates.CumulativeArrest(kCohort, band, y), "an age band's arrest rate") /
                need(rates.CumulativeArrest(kCohort, "all", y), "the overall arrest rate");
        }
        double offense = 1;
        if (o > 0) {
          const auto v = rates.CumulativeReturnByOffense(kCohort, kOffenseGroupNames[o], y);
          offense = need(v ? std::optional<double>(v->percent) : std::nullopt, "an offense group's return rate") / all;
        }
        p[i] = all * age * offense;
      }
      if (!error->empty()) return std::nullopt;
      c.SetCurve(b, o, p);
    }
  }
  return c;
}

}  // namespace clemency::sim
