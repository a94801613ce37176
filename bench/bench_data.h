// What the screening benchmarks share: the 1.3 million-person synthetic
// population (generated on first use, as bench/load_validate.sh does), loaded
// and validated, with the offense catalogs and sentencing reforms of its
// jurisdictions, the jurisdiction facts of its people, and a policy: the same
// law `clemency screen` builds its fact table with.
#ifndef CLEMENCY_BENCH_BENCH_DATA_H_
#define CLEMENCY_BENCH_BENCH_DATA_H_

#include <cstdint>
#include <optional>
#include <string>

#include "clemency/io/population_loader.h"
#include "clemency/law/population_law.h"
#include "clemency/policy/policy.h"
#include "clemency/screen/fact_table.h"

namespace clemency::bench {

inline constexpr int64_t kDefaultPeople = 1300000;

// $CLEMENCY_BENCH_DATA, or bench/out/ca-1300000 in the source tree.
std::string DataDir();

// Generates the population into dir (CA, seed 1, as of 2026-01-01, `people`
// people) unless dir/sentences.csv exists. Returns false and says why on
// stderr when it cannot.
bool EnsurePopulation(const std::string& dir, int64_t people);

struct Loaded {
  LoadResult load;
  PopulationLaw population_law;  // as `clemency screen` loads it (law/population_law.h)
  std::optional<Policy> policy;

  // What BuildFactTable takes.
  const LawRefs& law() const { return population_law.refs(); }
};

// Loads and validates dir as of as_of, the law for it through the call
// `clemency screen` uses (PopulationLaw::Load, a missing catalog allowed:
// its offenses stay unknown), and rules/policies/POLICY.toml (or a file).
// Returns false and says why on stderr when the data has errors or a rule
// file does not load.
bool LoadAll(const std::string& dir, Date as_of, const std::string& policy, Loaded& out);

}  // namespace clemency::bench

#endif  // CLEMENCY_BENCH_BENCH_DATA_H_
