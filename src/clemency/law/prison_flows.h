// Each jurisdiction's sentenced prisoners at year end and its admissions and
// releases in the year, from BJS (rules/projection/bjs-flows-2022.toml, format
// at its top), for the projection's admissions and exit rates (docs/projection.md).
// Loading checks every key and count and reports the first problem as
// "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_LAW_PRISON_FLOWS_H_
#define CLEMENCY_LAW_PRISON_FLOWS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clemency {

struct PrisonFlow {
  int64_t stock = 0;       // sentenced prisoners at year end
  int64_t admissions = 0;  // in the year
  int64_t releases = 0;    // in the year
  // Exit rate per year, releases / stock: the hazard of leaving for a person
  // whose release date is unknown.
  double ExitRatePerYear() const { return static_cast<double>(releases) / static_cast<double>(stock); }
};

struct PrisonFlows {
  std::string path, title, ncj, citation, confidence;
  int year = 0;
  std::map<std::string, PrisonFlow, std::less<>> by_jurisdiction;  // "CA", ..., "US"

  const PrisonFlow* Find(std::string_view code) const;

  static std::optional<PrisonFlows> Load(const std::string& path, std::string* error);
  // RULES_DIR/projection/bjs-flows-2022.toml; rules_dir "" means RulesDir().
  static std::string DefaultPath(const std::string& rules_dir = "");
};

}  // namespace clemency

#endif  // CLEMENCY_LAW_PRISON_FLOWS_H_
