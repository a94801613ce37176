// The files `clemency screen` writes (DESIGN.md section 5): screening.csv,
// reasons.jsonl, summary.json and candidates.xlsx, into a staging folder that
// is moved into place whole (io/output_dir.h). Same inputs, rules and
// as-of date give byte-identical files: nothing time-dependent is written.
#ifndef CLEMENCY_REPORT_SCREENING_OUTPUTS_H_
#define CLEMENCY_REPORT_SCREENING_OUTPUTS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "clemency/report/person_reasons.h"

namespace clemency {

struct ScreenManifest {
  // Input file name and the sha256 of the bytes read (not re-read afterwards).
  std::vector<std::pair<std::string, std::string>> inputs;
  // Warnings of the data folder's own manifest (a file changed since import).
  std::vector<std::string> data_manifest_warnings;
  std::vector<std::string> rule_files;
  std::vector<std::pair<std::string, std::string>> overrides;  // --set NAME=VALUE, in order
  nlohmann::ordered_json rows;  // rows read/accepted/rejected per input file
  bool as_of_defaulted = false;  // no --as-of: today in as_of_time_zone
  std::string as_of_time_zone;
};

// The summary's age band of person p on the as-of date: "under 25", "25-29",
// ..., "60-64", "65 or older".
std::string SummaryAgeBand(const FactTable& f, uint32_t p);

nlohmann::ordered_json ScreeningSummary(const ScreenContext& c, const ScreenManifest& m);

bool WriteReasonsJsonl(const ScreenContext& c, const std::string& path, std::string* error);
bool WriteCandidatesXlsx(const ScreenContext& c, const std::string& path, std::string* error);

// All four into out_dir, an existing folder (a staging folder: io/output_dir.h).
bool WriteScreeningOutputs(const ScreenContext& c, const ScreenManifest& m, const std::string& out_dir,
                           std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_SCREENING_OUTPUTS_H_
