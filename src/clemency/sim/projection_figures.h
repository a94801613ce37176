// The projection's figures: for each metric and group, each month, the mean
// and the 5th and 95th percentiles over replicates (linear interpolation
// between order statistics), for the baseline and the scenario; and the
// headline the command prints. The one table of metrics is kMetrics.
#ifndef CLEMENCY_SIM_PROJECTION_FIGURES_H_
#define CLEMENCY_SIM_PROJECTION_FIGURES_H_

#include <string>
#include <string_view>
#include <vector>

#include "clemency/sim/projection.h"

namespace clemency::sim {

struct MetricInfo {
  std::string_view name, meaning;
};
inline constexpr MetricInfo kMetrics[] = {
    {"population", "people in prison at the start of the month, roster and admissions; by race and age band, admissions take the mix of the roster's recent admissions"},
    {"releases", "roster people released during the month before (returns re-released included)"},
    {"returns", "roster people returned to prison during the month before"},
    {"admissions", "admissions from outside the roster during the month before"},
    {"clemency_releases", "people released by the board's grants during the month before (scenario)"},
    {"votes_restored", "roster people out of prison whose vote is restored"},
    {"percent_of_design_capacity", "a facility's population as a percent of its design capacity"},
    {"facilities_over_design_capacity", "facilities whose population exceeds their design capacity (of those with one)"},
    {"population_reduction", "baseline population minus scenario population (scenario)"},
    {"person_years_avoided", "prison years avoided since today, cumulative (scenario)"},
    {"cost_avoided_usd", "person-years avoided times each jurisdiction's average cost per prisoner-year, cumulative (scenario)"},
};

struct Band {
  double mean = 0, p05 = 0, p95 = 0;
};
// Mean and percentiles of values (reordered).
Band BandOf(std::vector<double>& values);

struct Figure {
  std::string scenario;  // "baseline" | "scenario"
  std::string metric;    // a kMetrics name
  std::string group;     // "all", "race:black", "age:55_64", "jurisdiction:CA", "facility:ID"
  std::vector<Band> months;
};

// Computed on `threads` threads; the result does not depend on how many.
std::vector<Figure> ProjectionFigures(const ProjectionResult& r, const SimInput& in, int threads = 1);

// A month each replicate reached something in (kNever: not within the
// horizon): the 5th, 50th and 95th percentiles over all replicates, kNever
// where that share of replicates had not reached it; and how many reached it.
struct MonthBand {
  int32_t p05 = kNever, median = kNever, p95 = kNever;
  int reached = 0, replicates = 0;
};
MonthBand MonthBandOf(std::vector<int32_t> months);

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_PROJECTION_FIGURES_H_
