// Draws the month of an event from its cumulative distribution over months,
// by inverse transform: the first month m in 1..n whose cumulative
// probability exceeds a uniform u, or 0 when u says "not within n months".
// A table of where each 1/4096 of [0, 1) starts makes a draw a lookup and a
// step or two, with the same result as a binary search.
#ifndef CLEMENCY_SIM_MONTH_SAMPLER_H_
#define CLEMENCY_SIM_MONTH_SAMPLER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace clemency::sim {

class MonthSampler {
 public:
  MonthSampler() : MonthSampler(std::vector<float>{0}) {}
  // cdf[0] = 0 .. cdf[n]: probabilities in [0, 1], non-decreasing.
  explicit MonthSampler(std::vector<float> cdf);
  // A constant monthly probability h for n months: cdf[m] = 1 - (1 - h)^m.
  static MonthSampler Geometric(double h, int n);

  int Draw(double u) const {
    const float x = static_cast<float>(u);
    if (!(x < cdf_.back())) return 0;
    int m = start_[static_cast<size_t>(u * kBuckets)];
    while (cdf_[m] <= x) ++m;
    return m;
  }
  double Within(int months) const;  // cdf at months, clamped to 0..n
  int months() const { return static_cast<int>(cdf_.size()) - 1; }

 private:
  static constexpr int kBuckets = 4096;
  std::vector<float> cdf_;
  std::vector<int32_t> start_;  // per bucket: the draw of its lowest u (a lower bound)
};

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_MONTH_SAMPLER_H_
