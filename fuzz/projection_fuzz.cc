// Fuzzes the projection: the first line is a grant-rate distribution
// (sim/grant_rate.h), the remaining bytes describe a small roster (each 4
// bytes: release kind and month, age, queued or not) and the board. Beyond
// not crashing:
//   - a parsed rate draws within [0, 1] and prints as text that parses back;
//   - populations are never negative, clemency releases never exceed the
//     queue, and nobody is released by the board before the lag has passed;
//   - one thread and two threads give the same result.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clemency/sim/projection.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "projection_fuzz: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace clemency::sim;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t eol = text.find('\n');
  std::string error;
  const auto rate = GrantRate::Parse(text.substr(0, eol), &error);
  if (!rate) {
    if (error.empty()) Fail("a rejected rate without a message");
    return 0;
  }
  for (uint64_t key = 0; key < 8; ++key) {
    const double g = rate->Draw(key);
    if (!(g >= 0 && g <= 1)) Fail("a drawn rate outside [0, 1]");
  }
  if (!GrantRate::Parse(rate->ToString(), &error)) Fail("a rate's text does not parse back");
  if (eol == std::string_view::npos) return 0;
  const std::string_view roster = text.substr(eol + 1);
  SimInput in;
  in.jurisdictions.push_back({"XX", (roster.empty() ? 0 : roster[0] & 7) * 0.1, 1.5, 1000, 3});
  in.curves = ReturnCurves::Uniform({{1, 30}, {3, 45}, {5, 50}, {10, 55}});
  in.months = 24;
  in.replicates = 3;
  in.plan.grant_rate = *rate;
  in.plan.board_capacity = roster.size() > 1 ? roster[1] & 3 : 0;
  in.plan.lag_months = roster.size() > 2 ? roster[2] & 3 : 0;
  in.plan.review_share = 0.5;
  in.plan.target = 2;
  for (size_t k = 3; k + 4 <= roster.size() && in.people.size() < 200; k += 4) {
    SimPerson p;
    const uint8_t kind = static_cast<uint8_t>(roster[k]);
    p.release = static_cast<ReleaseKind>(kind % 4);
    p.release_lo = static_cast<uint8_t>(roster[k + 1]) % 40;
    p.release_hi = p.release_lo + static_cast<uint8_t>(roster[k + 2]) % 10;
    p.birth_month = -12 * (18 + static_cast<uint8_t>(roster[k + 3]) % 70);
    p.vote = static_cast<VoteRule>((kind >> 2) % 3);
    p.offense = static_cast<uint8_t>((kind >> 4) % kOffenseGroups);
    const auto i = static_cast<uint32_t>(in.people.size());
    in.people.push_back(p);
    if (kind & 0x80) in.plan.queue.push_back({i, (kind & 0x40) != 0});
  }
  in.threads = 1;
  const ProjectionResult one = Project(in);
  in.threads = 2;
  if (Project(in).data != one.data) Fail("two threads differ from one");
  for (int s = 0; s < 2; ++s)
    for (int r = 0; r < in.replicates; ++r) {
      int64_t grants = 0;
      for (int m = 0; m <= in.months; ++m) {
        if (one.Population(s, r, m) < 0 || one.At(s, r, kVotesRestored, m) < 0) Fail("a negative count");
        const int32_t g = one.At(s, r, kGrants, m);
        if (g > 0 && m <= in.plan.lag_months) Fail("a grant before the lag has passed");
        grants += g;
      }
      if (grants > static_cast<int64_t>(in.plan.queue.size())) Fail("more grants than queued people");
    }
  return 0;
}
