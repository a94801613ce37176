// clemency validate DIR: load and check a population directory; report every
// problem with file, line and column; exit 3 when rows were rejected (unless
// --on-error quarantine, which writes them to rejected.csv and goes on).
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

#include "clemency/cli/as_of.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/data_source.h"
#include "clemency/cli/load_report.h"
#include "clemency/cli/progress.h"
#include "clemency/io/atomic_file.h"
#include "clemency/io/population_loader.h"
#include "clemency/io/rejected_csv.h"

namespace clemency {

int RunValidate(const ValidateArgs& args) {
  const AsOfDate as_of_date = ResolveAsOf(args.as_of);
  const std::string& as_of_text = as_of_date.text;
  const DateParseResult as_of = ParseDate(as_of_text);
  if (!as_of.ok()) {
    fmt::print(stderr, "clemency validate: --as-of \"{}\": {}\n", as_of_text,
               DescribeDateParseError(as_of.error));
    return kExitUsage;
  }
  const bool quarantine = args.on_error == "quarantine";
  if (quarantine && args.out_dir.empty()) {
    fmt::print(stderr, "clemency validate: --on-error quarantine needs -o DIR for rejected.csv\n");
    return kExitUsage;
  }
  if (!DataSourceExists(args.data_dir)) {
    fmt::print(stderr, "clemency validate: {}: not a directory (or a snapshot file)\n", args.data_dir);
    return kExitUsage;
  }

  // The output folder first: a locked or unwritable -o fails before the work.
  if (!args.out_dir.empty() && OutputHolds(args.out_dir, args.data_dir)) {
    fmt::print(stderr, "clemency validate: -o {} holds the folder {} being validated: writing there would replace it; "
               "choose another output folder\n", args.out_dir, args.data_dir);
    return kExitUsage;
  }
  CommandOutput out("validate", args.out_dir);
  if (!args.out_dir.empty())
    if (const int rc = out.Open({"rejected.csv", "validation.json"}); rc != kExitOk) return rc;

  LoadOptions options;
  options.as_of = as_of.date;
  options.progress = TerminalProgress();
  LoadResult result;
  if (const int rc = LoadDataSource(args.data_dir, options, "validate", &result); rc != kExitOk) return rc;

  PrintLoadProblems(result, quarantine);
  if (result.fatal || (!quarantine && result.error_count > 0)) {
    fmt::print(stderr, "validation failed: nothing written\n");
    return kExitBadData;
  }
  if (!args.save.empty())
    if (const int rc = SaveDataSnapshot(result, as_of.date, args.save, "validate"); rc != kExitOk) return rc;
  fmt::print("{}\n", as_of_date.Statement());
  PrintLoadCounts(result, stdout);

  if (!args.out_dir.empty()) {
    std::string error;
    if (quarantine && !WriteRejectedCsv(out.path("rejected.csv"), result.rejected, &error)) return out.Fail(error);
    nlohmann::ordered_json j = LoadCountsJson(result);
    j["as_of"] = as_of.date.ToString();
    as_of_date.AddTo(j);
    if (!WriteFileAtomically(out.path("validation.json"), j.dump(2) + "\n", &error)) return out.Fail(error);
    ManifestInfo info{"validate", as_of.date.ToString(), {}};
    // A snapshot's files are named within it: "data.snap:people.csv".
    const std::string within = args.data_dir + (IsSnapshotSource(args.data_dir) ? ":" : "/");
    for (const FileCounts* c : {&result.people, &result.sentences, &result.facilities})
      if (c->present) info.inputs.emplace_back(within + c->file, c->sha256);
    if (const int rc = out.Commit(info); rc != kExitOk) return rc;
  }
  return kExitOk;
}

}  // namespace clemency
