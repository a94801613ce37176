// Counter-based random numbers for the projection: every draw is a pure
// function of (seed, replicate, stream, index), so a replicate's result does
// not depend on which thread ran it or in what order, and the baseline and the
// scenario see the same draws for the same person (common random numbers).
// SplitMix64 (Steele, Lea and Flood 2014) as the mixing function.
#ifndef CLEMENCY_SIM_RANDOM_H_
#define CLEMENCY_SIM_RANDOM_H_

#include <cstdint>
#include <limits>

namespace clemency::sim {

inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A uniform double in [0, 1) from 64 random bits.
inline double ToUnit(uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// The key of one replicate's stream (people, the pool, the grant rate).
inline uint64_t StreamKey(uint64_t seed, uint64_t replicate, uint64_t stream) {
  return Mix64(Mix64(seed) ^ Mix64(replicate * 0x632be59bd9b4e019ULL + stream));
}

// The k-th (k < 8) uniform of item `index` in a stream: the SplitMix64 sequence
// started at `key`, at position index * 8 + k.
inline double UniformAt(uint64_t key, uint64_t index, uint64_t k) {
  return ToUnit(Mix64(key + (index * 8 + k) * 0x9e3779b97f4a7c15ULL));
}

// A generator for the <random> distributions (Poisson, binomial, gamma).
class SplitMix {
 public:
  using result_type = uint64_t;
  explicit SplitMix(uint64_t key) : state_(key) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<uint64_t>::max(); }
  result_type operator()() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }

 private:
  uint64_t state_;
};

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_RANDOM_H_
