// The board's grant rate as a distribution, so that its uncertainty reaches
// the projection's bands: each replicate draws one rate, and each person the
// board decides is granted with that probability.
//   "0.4"                  a fixed rate
//   "uniform:LO,HI"        uniform on [LO, HI]
//   "triangular:LO,MODE,HI"
//   "beta:A,B"             Beta(A, B), mean A / (A + B)
// Every rate lies in [0, 1]. Parse errors say what was expected.
#ifndef CLEMENCY_SIM_GRANT_RATE_H_
#define CLEMENCY_SIM_GRANT_RATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace clemency::sim {

struct GrantRate {
  enum class Kind { kFixed, kUniform, kTriangular, kBeta } kind = Kind::kFixed;
  double a = 1, b = 0, c = 0;  // fixed: a; uniform: a, b; triangular: a, b (mode), c; beta: a, b

  static std::optional<GrantRate> Parse(std::string_view text, std::string* error);
  // One rate from a uniform u in [0, 1) (beta: from the key of a generator).
  double Draw(uint64_t key) const;
  double Mean() const;
  std::string ToString() const;  // as Parse accepts it
};

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_GRANT_RATE_H_
