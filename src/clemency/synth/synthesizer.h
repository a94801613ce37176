// The synthetic prison population: writes people.csv, sentences.csv and
// facilities.csv in the canonical schema (core/input_schema.h: its columns,
// in its order) for one state, calibrated to BJS Prisoners in 2022 (see
// calibration.h and docs/synthetic-population.md).
//
// Output is a pure function of (calibration, catalog, jurisdiction, people,
// seed, as_of): every person draws from their own random stream (xoshiro256**
// seeded by splitmix64 from the seed and the person's index), no std::
// distribution is used, and the thread count does not change a byte.
#ifndef CLEMENCY_SYNTH_SYNTHESIZER_H_
#define CLEMENCY_SYNTH_SYNTHESIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/progress.h"
#include "clemency/io/atomic_file.h"
#include "clemency/io/csv_writer.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/synth/calibration.h"

namespace clemency {

struct SynthOptions {
  std::string jurisdiction = "CA";
  int64_t people = 100000;
  uint64_t seed = 1;
  Date as_of;             // required: no date in the output lies after it (except projected ones)
  std::string out_dir;    // created if missing
  std::string rules_dir;  // empty = RulesDir()
  std::string id_prefix;  // before every person_id ("TX-" in a national population)
  int threads = 0;        // worker threads; 0 = up to 2
};

enum class SynthStatus {
  kOk,
  kUsage,  // bad options: unknown jurisdiction, people <= 0, missing as_of
  kRules,  // the calibration or the offense catalog is missing or invalid
  kIo,     // an output file could not be written
};

struct SynthResult {
  SynthStatus status = SynthStatus::kOk;
  std::string error;
  int64_t people = 0;
  int64_t sentences = 0;
  int64_t facilities = 0;
  std::vector<std::string> notes;  // calibration fallbacks and targets not met
  bool ok() const { return status == SynthStatus::kOk; }
};

// The three output files, their headers written; committed (renamed into
// place) only by Commit().
struct SynthFiles {
  explicit SynthFiles(const std::string& dir);
  bool ok() const;
  std::string error() const;
  bool Commit();
  AtomicFile people, sentences;
  CsvWriter facilities;
};

// Generates one jurisdiction's people into files already open (out_dir unused).
SynthResult SynthesizeInto(const SynthOptions& options, const Calibration& calibration,
                           const OffenseCatalog& catalog, SynthFiles& files, const ProgressCallback& progress = {});

// Loads RULES_DIR/calibration/bjs-prisoners-2022.toml and
// RULES_DIR/offenses/XX.toml, then generates.
SynthResult Synthesize(const SynthOptions& options, const ProgressCallback& progress = {});

// Generates from an already loaded calibration and catalog (rules_dir unused).
SynthResult Synthesize(const SynthOptions& options, const Calibration& calibration,
                       const OffenseCatalog& catalog, const ProgressCallback& progress = {});

}  // namespace clemency

#endif  // CLEMENCY_SYNTH_SYNTHESIZER_H_
