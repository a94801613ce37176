// Re-screening after a parameter change, data loaded: what a dashboard slider
// costs (DESIGN.md section 7: target <= 100 ms at 1.3 million people). The
// population is loaded and validated once and the FactTable built once; each
// iteration then runs Screen() on redemption-2020 after
// SetParam(policy, "min_age", "60 years"), without eligible_on (the statuses,
// priorities and ranks a slider shows) and with it (exact next-eligibility
// dates, as `clemency screen` computes them); and Rescreen(), which reuses
// the rules the change cannot touch.
//   Run: build/bench/rescreen_bench [--benchmark_repetitions=N]
//   Data: $CLEMENCY_BENCH_DATA, or bench/out/ca-1300000 (generated there on
//   first use: CA, seed 1, as of 2026-01-01, like bench/load_validate.sh).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "bench_data.h"
#include "clemency/screen/screener.h"

namespace clemency::bench {
namespace {

struct State {
  Loaded loaded;
  FactTable facts;
  double load_seconds = 0, facts_seconds = 0;
};

// Loaded on first use, once per process.
State& Data() {
  static const std::unique_ptr<State> state = [] {
    auto s = std::make_unique<State>();
    const std::string dir = DataDir();
    if (!EnsurePopulation(dir, kDefaultPeople)) std::exit(1);
    const Date as_of = ParseDate("2026-01-01").date;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    if (!LoadAll(dir, as_of, "redemption-2020", s->loaded)) std::exit(1);
    const auto t1 = Clock::now();
    s->facts = BuildFactTable(*s->loaded.load.population, s->loaded.law(), as_of);
    const auto t2 = Clock::now();
    s->load_seconds = std::chrono::duration<double>(t1 - t0).count();
    s->facts_seconds = std::chrono::duration<double>(t2 - t1).count();
    std::fprintf(stderr, "%s: %zu people, %zu sentences; load + validate %.2f s, fact table %.2f s (once)\n",
                 dir.c_str(), s->facts.people(), s->facts.sentences(), s->load_seconds, s->facts_seconds);
    return s;
  }();
  return *state;
}

void BM_Rescreen(benchmark::State& state, bool eligible_on) {
  State& data = Data();
  Policy& policy = *data.loaded.policy;
  std::string error;
  if (!SetParam(policy, "min_age", "60 years", &error)) {
    state.SkipWithError(error.c_str());
    return;
  }
  ScreenOptions options;
  options.eligible_on = eligible_on;
  size_t eligible = 0;
  int passes = 0;
  for (auto _ : state) {
    Screening s = Screen(policy, data.facts, options);
    eligible = 0;
    for (Status st : s.status) eligible += st == Status::kEligible;
    passes = s.eligible_on_passes;
    benchmark::DoNotOptimize(s);
  }
  state.counters["people"] = static_cast<double>(data.facts.people());
  state.counters["eligible"] = static_cast<double>(eligible);
  state.counters["eligible_on_passes"] = passes;
}
BENCHMARK_CAPTURE(BM_Rescreen, without_eligible_on, false)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_Rescreen, with_eligible_on, true)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the dashboard runs: Rescreen() re-evaluates, in place, only the rules
// that read the changed parameter (here is_older and the older group, via
// min_age) and keeps the rest. The slider moves between 55 and 60 years, so
// every iteration is a real change.
void BM_RescreenIncremental(benchmark::State& state) {
  State& data = Data();
  Policy& policy = *data.loaded.policy;
  std::string error;
  if (!SetParam(policy, "min_age", "55 years", &error)) {
    state.SkipWithError(error.c_str());
    return;
  }
  ScreenOptions options;
  options.eligible_on = false;
  Screening live = Screen(policy, data.facts, options);
  size_t eligible = 0;
  bool sixty = false;
  for (auto _ : state) {
    sixty = !sixty;
    SetParam(policy, "min_age", sixty ? "60 years" : "55 years", &error);
    Rescreen(policy, data.facts, live);
    eligible = 0;
    for (Status st : live.status) eligible += st == Status::kEligible;
    benchmark::DoNotOptimize(live);
  }
  state.counters["people"] = static_cast<double>(data.facts.people());
  state.counters["eligible"] = static_cast<double>(eligible);
}
BENCHMARK(BM_RescreenIncremental)->Unit(benchmark::kMillisecond)->UseRealTime();

// For scale: building the FactTable again (done once per load, not per slider move).
void BM_BuildFactTable(benchmark::State& state) {
  const State& data = Data();
  for (auto _ : state) {
    FactTable t = BuildFactTable(*data.loaded.load.population, data.loaded.law(), data.facts.as_of);
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_BuildFactTable)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace clemency::bench

BENCHMARK_MAIN();
