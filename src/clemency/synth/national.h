// Several jurisdictions' synthetic populations in one folder: `clemency synth
// --jurisdiction ALL|XX,YY,...`. Each jurisdiction is generated as
// synthesizer.h generates one (its own calibration, its own catalog or the
// generic one), with person_ids prefixed "XX-" and a seed of its own derived
// from the run's seed and its code, so a state's people do not depend on which
// other states are in the list. Beside people.csv, sentences.csv and
// facilities.csv, jurisdictions.csv says for each jurisdiction how many people
// it has, the BJS count they stand for, and where each part of its
// calibration came from (its own figures or the national ones).
#ifndef CLEMENCY_SYNTH_NATIONAL_H_
#define CLEMENCY_SYNTH_NATIONAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/progress.h"
#include "clemency/synth/calibration.h"
#include "clemency/synth/synthesizer.h"

namespace clemency {

struct NationalOptions {
  std::vector<std::string> jurisdictions;  // codes, as ParseJurisdictionList gives them
  int64_t people = 0;                      // 0: each at its BJS count; else shared out by the BJS counts
  uint64_t seed = 1;
  Date as_of;
  std::string out_dir;
  std::string rules_dir;  // empty = RulesDir()
  int threads = 0;
};

// One row of jurisdictions.csv.
struct JurisdictionSource {
  std::string jurisdiction;
  int64_t people = 0;
  int64_t bjs_sentenced = 0;  // BJS Table 4, sentenced prisoners on 31 Dec 2022 (0: none)
  std::string offense_catalog;  // "own", "own + generic" or "generic"
  std::string notes;            // "; "-joined
};

struct NationalResult {
  SynthStatus status = SynthStatus::kOk;
  std::string error;
  int64_t people = 0, sentences = 0, facilities = 0;
  std::vector<JurisdictionSource> sources;
  bool ok() const { return status == SynthStatus::kOk; }
};

// "ALL" (the calibration's jurisdictions and DC), or a comma-separated list
// of codes; a code the calibration lacks is an error, except DC, which has no
// prison system (its sentenced felons are federal prisoners) and gets 0 people.
std::vector<std::string> ParseJurisdictionList(std::string_view text, const Calibration& calibration,
                                               std::string* error);

// people shared out over the jurisdictions in proportion to their BJS counts
// (largest remainder; ties to the earlier code).
std::vector<int64_t> ApportionPeople(int64_t people, const std::vector<int64_t>& bjs_counts);

NationalResult SynthesizeNational(const NationalOptions& options, const ProgressCallback& progress = {});

}  // namespace clemency

#endif  // CLEMENCY_SYNTH_NATIONAL_H_
