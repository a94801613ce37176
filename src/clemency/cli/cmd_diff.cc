// clemency diff --baseline OUT_A --current OUT_B -o DIR: follow people across
// two screenings (issue 5; docs/diff.md). The comparison lives in
// report/screening_diff; this file only wires it. Exit 2 when a directory is
// missing, 3 when a screening's files are missing or malformed; nothing is
// written then.
#include <fmt/format.h>

#include "clemency/cli/commands.h"
#include "clemency/report/screening_diff.h"

namespace clemency {

int RunDiff(const DiffArgs& args) {
  std::optional<ScreeningSnapshot> snapshots[2];
  const std::string* dirs[2] = {&args.baseline, &args.current};
  const char* flags[2] = {"--baseline", "--current"};
  for (int i = 0; i < 2; ++i) {
    SnapshotError kind = SnapshotError::kNone;
    std::string error;
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
  if (!WriteScreeningDiff(d, before, after, args.out_dir, &error)) {
    fmt::print(stderr, "clemency diff: {}\n", error);
    return kExitInternal;
  }
  fmt::print("{}", DiffSummaryText(d, before, after));
  fmt::print("wrote {}/changes.csv and {}/diff.json\n", args.out_dir, args.out_dir);
  return kExitOk;
}

}  // namespace clemency
