#include "clemency/cli/load_report.h"

#include <fmt/format.h>

#include <map>
#include <string>

namespace clemency {

void PrintLoadProblems(const LoadResult& result, bool quarantine) {
  constexpr size_t kShownErrors = 20;
  constexpr size_t kExamplesPerWarning = 3;
  size_t shown = 0;
  for (const Problem& p : result.problems) {
    if (p.severity != Severity::kError) continue;
    if (shown++ < kShownErrors) fmt::print(stderr, "{}\n", p.Format());
  }
  if (result.error_count > kShownErrors)
    fmt::print(stderr, "... and {} more errors\n", result.error_count - kShownErrors);
  if (result.error_count > 0 && !result.fatal)
    fmt::print(stderr, "{} errors in {} rows{}\n", result.error_count, result.rejected.size(),
               quarantine ? ": those rows are quarantined in rejected.csv" : "");

  std::map<std::string, size_t> examples;
  for (const Problem& p : result.problems) {
    if (p.severity != Severity::kWarning) continue;
    if (examples[p.code]++ < kExamplesPerWarning) fmt::print(stderr, "{}\n", p.Format());
  }
  for (const auto& [key, n] : result.count_by_code) {
    if (key.rfind("warning ", 0) == 0 && n > kExamplesPerWarning)
      fmt::print(stderr, "... {} warnings of kind {} in all\n", n, key.substr(8));
  }
  if (!result.unlisted_warnings.empty()) {
    std::string kinds;
    for (const auto& [code, n] : result.unlisted_warnings) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, code);
    fmt::print(stderr, "warnings past the first {} are counted, not listed: {}\n", kMaxStoredWarnings, kinds);
  }
}

void PrintLoadCounts(const LoadResult& result, std::FILE* out) {
  for (const FileCounts* f : {&result.people, &result.sentences, &result.facilities}) {
    if (!f->present) {
      fmt::print(out, "{:<15} not present\n", f->file);
      continue;
    }
    fmt::print(out, "{:<15} {:>9} rows read = {:>9} accepted + {:>6} rejected\n", f->file,
               f->rows_read, f->accepted, f->rejected);
  }
  fmt::print(out, "{} errors, {} warnings\n", result.error_count, result.warning_count);
}

nlohmann::ordered_json LoadCountsJson(const LoadResult& result) {
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  for (const FileCounts* f : {&result.people, &result.sentences, &result.facilities}) {
    files[f->file] = {{"present", f->present},
                      {"rows_read", f->rows_read},
                      {"rows_accepted", f->accepted},
                      {"rows_rejected", f->rejected}};
  }
  nlohmann::ordered_json by_code = nlohmann::ordered_json::object();
  for (const auto& [key, n] : result.count_by_code) by_code[key] = n;
  return {{"files", files},
          {"errors", result.error_count},
          {"warnings", result.warning_count},
          {"problems_by_kind", by_code},
          {"warnings_not_listed", result.unlisted_warnings}};
}

}  // namespace clemency
