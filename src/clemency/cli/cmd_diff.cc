// clemency diff --baseline OUT_A --current OUT_B -o DIR: follow people across
// two screenings (issue 5; docs/diff.md). The comparison lives in
// report/screening_diff; this file only wires it. Exit 2 when a directory is
// missing, 3 when a screening's files are missing or malformed; nothing is
// written then.
#include <fmt/format.h>

#include <filesystem>

#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/io/sha256.h"
#include "clemency/report/screening_diff.h"

namespace clemency {
namespace {

// A screening folder is trusted only when it matches its manifest.json:
// nothing missing, changed, mixed in from another run or left half-written.
int VerifyScreening(const char* flag, const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return kExitOk;  // reported by LoadScreeningSnapshot (exit 2)
  bool absent = false;
  std::string error;
  if (VerifyOutputDir(dir, &absent, &error)) return kExitOk;
  if (absent)
    fmt::print(stderr,
               "clemency diff: {} {}: no manifest.json, so the folder cannot be checked as one screening (written by "
               "an older clemency, or not by clemency screen); re-run clemency screen into it\n",
               flag, dir);
  else
    fmt::print(stderr, "clemency diff: {} {}: does not match its manifest, not trusted: {}\n", flag, dir, error);
  return kExitBadData;
}

}  // namespace

int RunDiff(const DiffArgs& args) {
  for (const std::string* dir : {&args.baseline, &args.current})
    if (OutputHolds(args.out_dir, *dir)) {
      fmt::print(stderr, "clemency diff: -o {} holds the screening {}: writing there would replace it; choose "
                 "another output folder\n", args.out_dir, *dir);
      return kExitUsage;
    }
  CommandOutput out("diff", args.out_dir);
  if (const int rc = out.Open({"changes.csv", "diff.json"}); rc != kExitOk) return rc;
  std::optional<ScreeningSnapshot> snapshots[2];
  const std::string* dirs[2] = {&args.baseline, &args.current};
  const char* flags[2] = {"--baseline", "--current"};
  for (int i = 0; i < 2; ++i) {
    SnapshotError kind = SnapshotError::kNone;
    std::string error;
    if (const int rc = VerifyScreening(flags[i], *dirs[i]); rc != kExitOk) return rc;
    snapshots[i] = LoadScreeningSnapshot(*dirs[i], &kind, &error);
    if (!snapshots[i]) {
      fmt::print(stderr, "clemency diff: {} {}\n", flags[i], error);
      return kind == SnapshotError::kNotADirectory ? kExitUsage : kExitBadData;
    }
  }
  const ScreeningSnapshot& before = *snapshots[0];
  const ScreeningSnapshot& after = *snapshots[1];
  const ScreeningDiff d = DiffScreenings(before, after);
  if (!d.rule_differences.empty()) {
    fmt::print(stderr,
               "clemency diff: warning: the two screenings used different rules; a change may come from the rules, "
               "not from the people:\n");
    for (const std::string& line : d.rule_differences) fmt::print(stderr, "  {}\n", line);
  }
  std::string error;
  if (!WriteScreeningDiff(d, before, after, out.dir(), &error)) return out.Fail(error);
  ManifestInfo info{"diff", "", {}};
  for (const std::string* dir : dirs)  // each manifest vouches for its whole folder
    info.inputs.emplace_back(*dir + "/manifest.json", Sha256File(*dir + "/manifest.json"));
  if (const int rc = out.Commit(info); rc != kExitOk) return rc;
  fmt::print("{}", DiffSummaryText(d, before, after));
  fmt::print("wrote {}/changes.csv and {}/diff.json\n", args.out_dir, args.out_dir);
  return kExitOk;
}

}  // namespace clemency
