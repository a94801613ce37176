#include "clemency/cli/as_of.h"

#include <fmt/format.h>

#include <ctime>

#include "clemency/cli/commands.h"

namespace clemency {

std::string AsOfDate::Statement() const {
  return defaulted ? fmt::format("as of {} (today, time zone {})", text, time_zone)
                   : fmt::format("as of {} (--as-of)", text);
}

void AsOfDate::AddTo(nlohmann::ordered_json& j) const {
  j["as_of_defaulted"] = defaulted;
  if (defaulted) j["as_of_time_zone"] = time_zone;
}

AsOfDate ResolveAsOf(const std::string& flag) {
  if (!flag.empty()) return {flag, false, ""};
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char date[16], zone[64];
  std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
  if (std::strftime(zone, sizeof zone, "%Z", &tm) == 0) zone[0] = '\0';
  return {date, true, zone[0] != '\0' ? zone : "unknown"};
}

std::string TodayIso() { return ResolveAsOf("").text; }

}  // namespace clemency
