#include "clemency/io/problem.h"

#include <fmt/format.h>

namespace clemency {

std::string Printable(std::string_view v) {
  constexpr size_t kMax = 60;
  std::string out;
  for (size_t i = 0; i < v.size() && i < kMax; ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out.push_back(static_cast<char>(c));
  }
  if (v.size() > kMax) out += "...";
  return out;
}

void ProblemLog::Add(Problem p) {
  const bool error = p.severity == Severity::kError;
  ++count_by_code[(error ? "error " : "warning ") + p.code];
  const uint64_t warnings_before = warning_count;
  ++(error ? error_count : warning_count);
  if (!error && warnings_before >= kMaxStoredWarnings) {
    ++unlisted_warnings[p.code];
    return;
  }
  problems.push_back(std::move(p));
}

std::map<std::string, uint64_t> ProblemLog::WarningsByCode() const {
  constexpr std::string_view kWarning = "warning ";
  std::map<std::string, uint64_t> out;
  for (const auto& [key, n] : count_by_code)
    if (std::string_view(key).starts_with(kWarning)) out[key.substr(kWarning.size())] = n;
  return out;
}

std::string Problem::Reason() const {
  std::string out;
  if (!column.empty()) out += fmt::format("column \"{}\" ", column);
  if (!column.empty() || !value.empty()) out += fmt::format("value \"{}\": ", Printable(value));
  out += message;
  return out;
}

std::string Problem::Format() const {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (byte_column > 0) where += fmt::format(":{}", byte_column);
  const char* tag = severity == Severity::kWarning ? "warning: " : "";
  return fmt::format("{}: {}{}", where, tag, Reason());
}

}  // namespace clemency
