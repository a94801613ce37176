// The as-of date of a run: --as-of when given, else today in the machine's
// local time zone (so the default differs between zones near midnight). Every
// command that takes a date states it, and how it was chosen, in its printout
// and in the JSON it writes.
#ifndef CLEMENCY_CLI_AS_OF_H_
#define CLEMENCY_CLI_AS_OF_H_

#include <string>

#include <nlohmann/json.hpp>

namespace clemency {

struct AsOfDate {
  std::string text;       // YYYY-MM-DD as given or as today is; checked by the caller
  bool defaulted = false;  // no --as-of: today
  std::string time_zone;  // when defaulted: the local zone's abbreviation ("UTC", "CET")

  // "as of 2026-12-02 (today, time zone UTC)" or "as of 2025-01-01 (--as-of)".
  std::string Statement() const;
  // Adds as_of_defaulted, and as_of_time_zone when defaulted, to a JSON
  // object (nothing zone-dependent when --as-of is given).
  void AddTo(nlohmann::ordered_json& j) const;
};

// flag: the --as-of value, empty when not given.
AsOfDate ResolveAsOf(const std::string& flag);

}  // namespace clemency

#endif  // CLEMENCY_CLI_AS_OF_H_
