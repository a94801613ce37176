// What the screening benchmarks share: the 1.3 million-person synthetic
// population (generated on first use, as bench/load_validate.sh does), loaded
// and validated, with the offense catalogs and sentencing reforms of its
// jurisdictions, the jurisdiction facts of its people, and a policy: the same
// law `clemency screen` builds its fact table with.
#ifndef CLEMENCY_BENCH_BENCH_DATA_H_
#define CLEMENCY_BENCH_BENCH_DATA_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "clemency/io/population_loader.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
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
  std::deque<OffenseCatalog> catalogs;
  CatalogSet catalog_set;
  std::deque<ReformSet> reforms;
  ReformSets reform_sets;
  std::deque<JurisdictionFacts> jurisdictions;
  JurisdictionSets jurisdiction_sets;
  std::optional<Policy> policy;

  // What BuildFactTable takes.
  LawRefs law() const { return LawRefs{catalog_set, reform_sets, jurisdiction_sets}; }
};

// Loads and validates dir as of as_of, the offense catalog and reforms of
// every jurisdiction its offense codes name, the jurisdiction facts of every
// jurisdiction of its people (as `clemency screen` does), and
// rules/policies/POLICY.toml (or a file). Returns false and says why on stderr when the data has errors or a
// rule file does not load.
bool LoadAll(const std::string& dir, Date as_of, const std::string& policy, Loaded& out);

}  // namespace clemency::bench

#endif  // CLEMENCY_BENCH_BENCH_DATA_H_
