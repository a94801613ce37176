#include "clemency/sim/month_sampler.h"

#include <algorithm>
#include <cmath>

namespace clemency::sim {

MonthSampler::MonthSampler(std::vector<float> cdf) : cdf_(std::move(cdf)), start_(kBuckets) {
  const int n = months();
  int m = 1;
  for (int b = 0; b < kBuckets; ++b) {
    const float u = static_cast<float>(static_cast<double>(b) / kBuckets);
    while (m < n && cdf_[m] <= u) ++m;
    start_[b] = std::min(m, std::max(n, 1));
  }
}

MonthSampler MonthSampler::Geometric(double h, int n) {
  std::vector<float> cdf(n + 1, 0);
  for (int m = 1; m <= n; ++m) cdf[m] = static_cast<float>(-std::expm1(m * std::log1p(-std::clamp(h, 0.0, 1.0))));
  return MonthSampler(std::move(cdf));
}

double MonthSampler::Within(int months_after) const { return cdf_[std::clamp(months_after, 0, months())]; }

}  // namespace clemency::sim
