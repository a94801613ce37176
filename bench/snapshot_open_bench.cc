// Opening a snapshot of the 1.3 million-person population (issue 12 goal:
// at most 100 ms): mapping the file, checking every index and code in it
// (io/snapshot_check.h) and reading its load report, as `--data FILE` does.
// The snapshot is saved once from the CSV folder when it does not exist; the
// file is then in the page cache, as for a dashboard or a repeated screen.
//   Run: build/bench/snapshot_open_bench [--benchmark_repetitions=N]
//   Data: $CLEMENCY_BENCH_DATA (the folder, default bench/out/ca-1300000) and
//   $CLEMENCY_BENCH_SNAPSHOT (default bench/out/ca-1300000.snap in the source tree).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "bench_data.h"
#include "clemency/io/population_snapshot.h"

namespace clemency::bench {
namespace {

const Date kAsOf = ParseDate("2026-01-01").date;

std::string SnapshotPath() {
  if (const char* env = std::getenv("CLEMENCY_BENCH_SNAPSHOT"); env != nullptr && *env != '\0') return env;
  return std::string(CLEMENCY_SOURCE_DIR) + "/bench/out/ca-" + std::to_string(kDefaultPeople) + ".snap";
}

// The snapshot, saved from the folder on first use.
const std::string& Snapshot() {
  static const std::string path = [] {
    const std::string snap = SnapshotPath();
    if (std::filesystem::exists(snap)) return snap;
    const std::string dir = DataDir();
    if (!EnsurePopulation(dir, kDefaultPeople)) std::exit(1);
    LoadOptions options;
    options.as_of = kAsOf;
    const LoadResult loaded = LoadPopulation(dir, options);
    std::string error;
    if (!loaded.population || !SaveSnapshot(loaded, kAsOf, snap, &error)) {
      std::fprintf(stderr, "snapshot_open_bench: cannot save %s: %s\n", snap.c_str(), error.c_str());
      std::exit(1);
    }
    std::fprintf(stderr, "saved %s from %s\n", snap.c_str(), dir.c_str());
    return snap;
  }();
  return path;
}

void BM_OpenSnapshot(benchmark::State& state) {
  const std::string& path = Snapshot();
  size_t people = 0, sentences = 0;
  for (auto _ : state) {
    OpenedSnapshot opened;
    std::string error;
    if (!OpenSnapshot(path, &opened, &error)) {
      state.SkipWithError(error.c_str());
      return;
    }
    people = opened.load.population->people_count();
    sentences = opened.load.population->sentence_count();
    benchmark::DoNotOptimize(opened);
  }
  state.counters["people"] = static_cast<double>(people);
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_OpenSnapshot)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace clemency::bench

BENCHMARK_MAIN();
