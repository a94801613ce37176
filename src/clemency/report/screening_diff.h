// Following people across two screenings (issue 5): who left, who arrived,
// and how the eligible list changed between a baseline and a current output
// directory of `clemency screen` (DESIGN.md section 5). The person id is
// stable across snapshots, so a person is matched by person_id alone.
//
// Each person in either screening gets exactly one change, the first of these
// that applies (the order is the precedence):
//   1. arrived             only in the current screening
//   2. left                only in the baseline screening
//   3. became_eligible     in both; not eligible before, eligible after
//   4. no_longer_eligible  in both; eligible before, not eligible after
//   5. status_changed      in both; the status changed between needs_review
//                          and not_eligible (eligibility itself did not change)
//   6. groups_changed      in both; same status, but the set of groups met or
//                          the set of exclusions that apply changed
//                          (compared as sets, so their order does not matter)
//   7. unchanged           in both; same status, groups and exclusions. A new
//                          rank alone is not a change: ranks move whenever
//                          anyone else arrives or leaves.
//
// Reading is streaming (io/csv_reader.h) and strict: a screening.csv needs a
// header naming person_id, status, groups, excluded_by and rank; every row must
// have the header's field count, a non-empty person_id seen only once, and one
// of the three statuses; summary.json must be a JSON object with as_of,
// policy.id and manifest. A problem names the file and line. Comparing two
// screenings made with different rules (policy, parameters, overrides, the
// bytes of a rule file both used, or the engine version) is allowed but
// reported in rule_differences: a change may then come from the rules, not the
// people. Output is deterministic (no timestamps; rows sorted by person_id,
// bytewise).
#ifndef CLEMENCY_REPORT_SCREENING_DIFF_H_
#define CLEMENCY_REPORT_SCREENING_DIFF_H_

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clemency {

// One screening.csv row, the columns the diff uses.
struct ScreenedPerson {
  std::string person_id;
  std::string status;  // eligible | needs_review | not_eligible
  std::string groups;
  std::string excluded_by;
  std::string rank;
  // Read when screening.csv has these columns (clemency cases sync keeps them); else empty.
  std::string jurisdiction;
  std::string eligible_on;
  std::string review_reason;
};

// A `clemency screen` output directory, read back.
struct ScreeningSnapshot {
  std::string dir;
  std::vector<ScreenedPerson> people;  // sorted by person_id
  nlohmann::ordered_json summary;      // summary.json as written
  std::string as_of;                   // summary.json as_of
  std::string policy_id;               // summary.json policy.id
};

enum class SnapshotError {
  kNone,
  kNotADirectory,  // the directory itself is missing: a usage error
  kBadData,        // a file missing, unreadable or malformed: bad input data
};

// Reads DIR/screening.csv and DIR/summary.json. On failure returns nullopt,
// sets *kind and *error ("DIR/screening.csv:LINE: ...").
std::optional<ScreeningSnapshot> LoadScreeningSnapshot(const std::string& dir, SnapshotError* kind,
                                                       std::string* error);
// The same from text already in memory (tests, fuzzing); names are used in messages.
std::optional<ScreeningSnapshot> ParseScreeningSnapshot(std::string_view screening_csv, std::string_view summary_json,
                                                        const std::string& csv_name, const std::string& json_name,
                                                        std::string* error);

enum class Change : uint8_t {
  kArrived,
  kLeft,
  kBecameEligible,
  kNoLongerEligible,
  kStatusChanged,
  kGroupsChanged,
  kUnchanged,
};
inline constexpr int kChangeKinds = 7;
// "arrived", "left", "became_eligible", ... as written in changes.csv.
std::string_view ChangeName(Change c);

struct PersonChange {
  std::string person_id;
  Change change = Change::kUnchanged;
  const ScreenedPerson* before = nullptr;  // null when absent (arrived)
  const ScreenedPerson* after = nullptr;   // null when absent (left)
};

struct ScreeningDiff {
  std::vector<PersonChange> changes;  // sorted by person_id; pointers into the snapshots
  std::array<int64_t, kChangeKinds> counts{};
  int64_t people_before = 0, people_after = 0, in_both = 0;
  // The eligible list.
  int64_t eligible_before = 0, eligible_after = 0;
  int64_t eligible_stayed = 0;            // eligible before and after
  int64_t eligible_left_prison = 0;       // eligible before, absent after
  int64_t eligible_lost = 0;              // eligible before, in prison after but not eligible
  int64_t newly_eligible_already_there = 0;  // eligible after, in prison but not eligible before
  int64_t newly_eligible_arrived = 0;        // eligible after, absent before
  // One line per difference in the rules the two screenings used; empty when the same.
  std::vector<std::string> rule_differences;
};

// The snapshots must outlive the result.
ScreeningDiff DiffScreenings(const ScreeningSnapshot& before, const ScreeningSnapshot& after);

// changes.csv and diff.json contents.
std::string ChangesCsv(const ScreeningDiff& d);
nlohmann::ordered_json DiffJson(const ScreeningDiff& d, const ScreeningSnapshot& before,
                                const ScreeningSnapshot& after);
// The short readable summary printed on stdout (several lines, each ending in "\n").
std::string DiffSummaryText(const ScreeningDiff& d, const ScreeningSnapshot& before, const ScreeningSnapshot& after);

// Writes DIR/changes.csv and DIR/diff.json into DIR, an existing folder (a
// staging folder: io/output_dir.h).
bool WriteScreeningDiff(const ScreeningDiff& d, const ScreeningSnapshot& before, const ScreeningSnapshot& after,
                        const std::string& out_dir, std::string* error);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_SCREENING_DIFF_H_
