#include "clemency/sim/grant_rate.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <random>
#include <vector>

#include "clemency/sim/random.h"

namespace clemency::sim {
namespace {

constexpr std::string_view kForms = "a rate in [0, 1], uniform:LO,HI, triangular:LO,MODE,HI or beta:A,B";

std::optional<std::vector<double>> Numbers(std::string_view text) {
  std::vector<double> out;
  while (true) {
    const size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    double v = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (ec != std::errc() || end != part.data() + part.size() || !std::isfinite(v)) return std::nullopt;
    out.push_back(v);
    if (comma == std::string_view::npos) return out;
    text.remove_prefix(comma + 1);
  }
}

bool InUnit(double v) { return v >= 0 && v <= 1; }

}  // namespace

std::optional<GrantRate> GrantRate::Parse(std::string_view text, std::string* error) {
  const size_t colon = text.find(':');
  const std::string_view kind = colon == std::string_view::npos ? "" : text.substr(0, colon);
  const auto numbers = Numbers(colon == std::string_view::npos ? text : text.substr(colon + 1));
  auto fail = [&](std::string_view why) -> std::optional<GrantRate> {
    *error = fmt::format("grant rate \"{}\": {}; expected {}", text, why, kForms);
    return std::nullopt;
  };
  if (!numbers) return fail("not a list of numbers");
  const std::vector<double>& v = *numbers;
  GrantRate g;
  if (kind.empty()) {
    if (v.size() != 1 || !InUnit(v[0])) return fail("a fixed rate must be one number from 0 to 1");
    g.a = v[0];
  } else if (kind == "uniform") {
    if (v.size() != 2 || !InUnit(v[0]) || !InUnit(v[1]) || v[0] > v[1]) return fail("needs 0 <= LO <= HI <= 1");
    g = {Kind::kUniform, v[0], v[1], 0};
  } else if (kind == "triangular") {
    if (v.size() != 3 || !InUnit(v[0]) || !InUnit(v[2]) || !(v[0] <= v[1] && v[1] <= v[2]) || v[0] == v[2])
      return fail("needs 0 <= LO <= MODE <= HI <= 1 and LO < HI");
    g = {Kind::kTriangular, v[0], v[1], v[2]};
  } else if (kind == "beta") {
    if (v.size() != 2 || v[0] <= 0 || v[1] <= 0 || v[0] > 1e6 || v[1] > 1e6)
      return fail("needs two shape numbers above 0");
    g = {Kind::kBeta, v[0], v[1], 0};
  } else {
    return fail(fmt::format("unknown distribution \"{}\"", kind));
  }
  return g;
}

double GrantRate::Draw(uint64_t key) const {
  const double u = ToUnit(Mix64(key));
  switch (kind) {
    case Kind::kFixed: return a;
    case Kind::kUniform: return a + (b - a) * u;
    case Kind::kTriangular: {
      const double f = (b - a) / (c - a);
      return u < f ? a + std::sqrt(u * (c - a) * (b - a)) : c - std::sqrt((1 - u) * (c - a) * (c - b));
    }
    case Kind::kBeta: {
      SplitMix gen(key);
      const double x = std::gamma_distribution<double>(a, 1.0)(gen);
      const double y = std::gamma_distribution<double>(b, 1.0)(gen);
      return x + y > 0 ? x / (x + y) : 0.5;
    }
  }
  return a;
}

double GrantRate::Mean() const {
  switch (kind) {
    case Kind::kFixed: return a;
    case Kind::kUniform: return (a + b) / 2;
    case Kind::kTriangular: return (a + b + c) / 3;
    case Kind::kBeta: return a / (a + b);
  }
  return a;
}

std::string GrantRate::ToString() const {
  switch (kind) {
    case Kind::kFixed: return fmt::format("{}", a);
    case Kind::kUniform: return fmt::format("uniform:{},{}", a, b);
    case Kind::kTriangular: return fmt::format("triangular:{},{},{}", a, b, c);
    case Kind::kBeta: return fmt::format("beta:{},{}", a, b);
  }
  return "";
}

}  // namespace clemency::sim
