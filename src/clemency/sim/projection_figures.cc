#include "clemency/sim/projection_figures.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "clemency/core/codes.h"
#include "clemency/io/run_each.h"

namespace clemency::sim {
namespace {

// The q-th quantile, linear between order statistics (reorders v).
double Quantile(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  const double at = q * static_cast<double>(v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(at));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
  const double low = v[lo];
  if (lo + 1 >= v.size()) return low;
  const double high = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end());
  return low + (high - low) * (at - static_cast<double>(lo));
}

// value(replicate, month) for every month, as bands. Replicate by replicate,
// so that each reads its months from one block of the result.
std::vector<Band> Bands(const ProjectionResult& r, const std::function<double(int, int)>& value) {
  const size_t reps = static_cast<size_t>(r.replicates);
  std::vector<double> by_month(reps * (r.months + 1));
  for (int k = 0; k < r.replicates; ++k)
    for (int m = 0; m <= r.months; ++m) by_month[m * reps + k] = value(k, m);
  std::vector<Band> out(r.months + 1);
  std::vector<double> v(reps);
  for (int m = 0; m <= r.months; ++m) {
    std::copy_n(by_month.begin() + static_cast<std::ptrdiff_t>(m * reps), reps, v.begin());
    out[m] = BandOf(v);
  }
  return out;
}

// A cumulative per-replicate series: sum over months before m of step(k, month).
std::vector<Band> CumulativeBands(const ProjectionResult& r, const std::function<double(int, int)>& step) {
  std::vector<double> sums(static_cast<size_t>(r.replicates) * (r.months + 1), 0);
  for (int k = 0; k < r.replicates; ++k)
    for (int m = 1; m <= r.months; ++m)
      sums[static_cast<size_t>(k) * (r.months + 1) + m] = sums[static_cast<size_t>(k) * (r.months + 1) + m - 1] + step(k, m - 1);
  return Bands(r, [&](int k, int m) { return sums[static_cast<size_t>(k) * (r.months + 1) + m]; });
}

}  // namespace

Band BandOf(std::vector<double>& values) {
  Band b;
  if (values.empty()) return b;
  b.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  b.p05 = Quantile(values, 0.05);
  b.p95 = Quantile(values, 0.95);
  return b;
}

MonthBand MonthBandOf(std::vector<int32_t> months) {
  MonthBand mb;
  mb.replicates = static_cast<int>(months.size());
  if (months.empty()) return mb;
  std::sort(months.begin(), months.end());
  // Nearest rank: a month some replicate actually reached, never a blend with "not reached".
  auto at = [&months](double q) { return months[static_cast<size_t>(std::ceil(q * months.size())) - (q > 0 ? 1 : 0)]; };
  mb.p05 = at(0.05);
  mb.median = at(0.5);
  mb.p95 = at(0.95);
  mb.reached = static_cast<int>(std::count_if(months.begin(), months.end(), [](int32_t m) { return m != kNever; }));
  return mb;
}

namespace {

using Value = std::function<double(int, int)>;

// The figures to compute: each a label and its value per (replicate, month).
class FigureSpecs {
 public:
  FigureSpecs(const ProjectionResult& r, const SimInput& in) : r_(r), in_(in) {
    // Admissions and returns of roster people are spread over facilities in
    // proportion to the roster's first stays there today.
    for (int f = 0; f < r.layout.facilities; ++f) placed_ += r.At(0, 0, r.layout.Facility(f), 0);
  }
  void Add(int s, std::string metric, std::string group, Value v, bool cumulative = false) {
    static constexpr const char* kNames[2] = {"baseline", "scenario"};
    specs_.push_back({{kNames[s], std::move(metric), std::move(group), {}}, std::move(v), cumulative});
  }
  void Series(int s, std::string metric, std::string group, int index) {
    Add(s, std::move(metric), std::move(group), [&r = r_, s, index](int k, int m) { return r.At(s, k, index, m); });
  }
  void Groups(int s);
  void Facilities(int s);
  void Differences();
  std::vector<Figure> Compute(int threads);

 private:
  struct Spec {
    Figure figure;
    Value value;
    bool cumulative = false;
  };
  const ProjectionResult& r_;
  const SimInput& in_;
  double placed_ = 0;
  std::vector<Spec> specs_;
};

void FigureSpecs::Groups(int s) {
  const ProjectionResult& r = r_;
  Add(s, "population", "all", [&r, s](int k, int m) { return r.Population(s, k, m); });
  // A group: its roster people plus its share of the admissions pool.
  auto group = [&](std::string name, int index, double pool_share) {
    Add(s, "population", std::move(name), [&r, s, index, pool_share](int k, int m) {
      return r.At(s, k, index, m) + pool_share * r.At(s, k, kPool, m);
    });
  };
  for (size_t race = 0; race < std::size(kRaceNames); ++race)
    group("race:" + std::string(kRaceNames[race]), SeriesLayout::kRace + static_cast<int>(race), in_.pool_race_share[race]);
  for (int b = 0; b < kAgeBands; ++b) group("age:" + std::string(kAgeBandNames[b]), SeriesLayout::kAge + b, in_.pool_age_share[b]);
  for (int j = 0; j < r.layout.jurisdictions; ++j)
    Add(s, "population", "jurisdiction:" + in_.jurisdictions[j].code,
        [&r, s, j](int k, int m) { return r.JurisdictionPopulation(s, k, j, m); });
}

void FigureSpecs::Facilities(int s) {
  const ProjectionResult& r = r_;
  std::vector<std::pair<int, double>> rated;  // (facility, share) of those with a design capacity
  for (int f = 0; f < r.layout.facilities; ++f) {
    const int cap = in_.facilities[f].design_capacity;
    const double share = placed_ > 0 ? r.At(0, 0, r.layout.Facility(f), 0) / placed_ : 0;
    const int index = r.layout.Facility(f);
    auto population = [&r, s, index, share](int k, int m) {
      return r.At(s, k, index, m) + (r.At(s, k, kPool, m) + r.At(s, k, kReturnedInPrison, m)) * share;
    };
    Add(s, "population", "facility:" + in_.facilities[f].id, population);
    if (cap <= 0) continue;
    rated.emplace_back(f, share);
    Add(s, "percent_of_design_capacity", "facility:" + in_.facilities[f].id,
        [population, cap](int k, int m) { return 100.0 * population(k, m) / cap; });
  }
  if (rated.empty()) return;
  Add(s, "facilities_over_design_capacity", "all", [&r, &in = in_, s, rated](int k, int m) {
    const double others = r.At(s, k, kPool, m) + r.At(s, k, kReturnedInPrison, m);
    int over = 0;
    for (const auto& [f, share] : rated)
      over += r.At(s, k, r.layout.Facility(f), m) + others * share > in.facilities[f].design_capacity;
    return static_cast<double>(over);
  });
}

void FigureSpecs::Differences() {
  const ProjectionResult& r = r_;
  auto reduction = [&r](int k, int m) { return static_cast<double>(r.Population(0, k, m) - r.Population(1, k, m)); };
  Add(1, "population_reduction", "all", reduction);
  Add(1, "person_years_avoided", "all", [reduction](int k, int m) { return reduction(k, m) / 12.0; }, true);
  Add(1, "cost_avoided_usd", "all", [&r, &in = in_](int k, int m) {
        double usd = 0;
        for (int j = 0; j < r.layout.jurisdictions; ++j)
          if (in.jurisdictions[j].cost_per_year >= 0)
            usd += static_cast<double>(r.JurisdictionPopulation(0, k, j, m) - r.JurisdictionPopulation(1, k, j, m)) /
                   12.0 * in.jurisdictions[j].cost_per_year;
        return usd;
      }, true);
}

std::vector<Figure> FigureSpecs::Compute(int threads) {
  const size_t n = static_cast<size_t>(std::max(1, threads));
  RunEach(n, [&](size_t t) {
    for (size_t k = t; k < specs_.size(); k += n)
      specs_[k].figure.months = specs_[k].cumulative ? CumulativeBands(r_, specs_[k].value) : Bands(r_, specs_[k].value);
  });
  std::vector<Figure> out;
  for (Spec& spec : specs_) out.push_back(std::move(spec.figure));
  return out;
}

}  // namespace

std::vector<Figure> ProjectionFigures(const ProjectionResult& r, const SimInput& in, int threads) {
  FigureSpecs specs(r, in);
  for (int s = 0; s < 2; ++s) {
    specs.Groups(s);
    specs.Facilities(s);
    specs.Series(s, "releases", "all", kReleases);
    specs.Series(s, "returns", "all", kReturns);
    specs.Series(s, "admissions", "all", kAdmissions);
    specs.Series(s, "votes_restored", "all", kVotesRestored);
  }
  specs.Series(1, "clemency_releases", "all", kGrants);
  specs.Differences();
  return specs.Compute(threads);
}

}  // namespace clemency::sim
