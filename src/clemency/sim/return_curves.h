// Monthly cumulative probabilities of return to prison after release, one
// curve per age band at release and offense group, built from the BJS
// release-cohort tables (law/return_rates.h, 2008 cohort, 10-year follow-up):
//   F(band, offense, y) = F_all(y) * age_factor(band, y) * offense_factor(offense, y)
// at y = 1, 3, 5, 10 years, where F_all is the cohort's return rate; the age
// factor is BJS's returned rate of the band over F_all where BJS prints one
// (55-64, 65+) and the band's arrest rate over all arrests otherwise; the
// offense factor is the file's derived offense table over F_all. Capped at
// 100 %, made non-decreasing, joined by straight lines from F(0) = 0 and flat
// after 10 years. docs/projection.md states the method and its assumptions.
#ifndef CLEMENCY_SIM_RETURN_CURVES_H_
#define CLEMENCY_SIM_RETURN_CURVES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/law/return_rates.h"
#include "clemency/sim/month_sampler.h"

namespace clemency::sim {

// Age bands at release, as BJS reports them (kReleaseAgeBands).
inline constexpr int kAgeBands = 5;
inline constexpr int kAgeBandFrom[kAgeBands] = {0, 25, 40, 55, 65};
inline constexpr std::string_view kAgeBandNames[kAgeBands] = {"under_25", "25_39", "40_54", "55_64", "65_plus"};
// The band of an age in years.
inline int AgeBand(int years) {
  int b = 0;
  while (b + 1 < kAgeBands && years >= kAgeBandFrom[b + 1]) ++b;
  return b;
}

// Offense groups: 0 = unknown or other (the cohort as a whole), then BJS's four.
inline constexpr int kOffenseGroups = 5;
inline constexpr std::string_view kOffenseGroupNames[kOffenseGroups] = {"all", "violent", "property", "drug",
                                                                        "public_order"};

class ReturnCurves {
 public:
  static constexpr int kMonths = 120;  // the follow-up the curves cover
  // Every curve zero: nobody returns.
  static ReturnCurves None();
  // From the BJS tables; nullopt with *error naming the missing figure.
  static std::optional<ReturnCurves> FromBjs(const ReturnRates& rates, std::string* error);
  // One curve for everybody, given as cumulative percents at whole years
  // (tests and what-ifs): points {year, percent}.
  static ReturnCurves Uniform(const std::vector<std::pair<int, double>>& points);

  // Cumulative probability of having returned within `months` of release.
  double Within(int band, int offense, int months) const { return Curve(band, offense).Within(months); }
  // The month after release (1..kMonths) in which a person with uniform draw u
  // returns, or 0 when u says they do not return within kMonths.
  int ReturnMonth(int band, int offense, double u) const { return Curve(band, offense).Draw(u); }
  const MonthSampler& Curve(int band, int offense) const { return curves_[band * kOffenseGroups + offense]; }
  std::string source;  // what the curves come from, for the summary

 private:
  void SetCurve(int band, int offense, const std::array<double, 4>& percent_at_1_3_5_10);
  std::vector<MonthSampler> curves_ = std::vector<MonthSampler>(kAgeBands * kOffenseGroups);
};

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_RETURN_CURVES_H_
