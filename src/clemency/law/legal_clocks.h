// Legal clocks per jurisdiction, as dated, cited data: rules/clocks/XX.toml
// (docs/cases.md). A clock starts when a case reaches a position (a stage,
// or a decision's outcome) and runs for days, months or years: a
// waiting_period (nothing may be filed before it ends), a notice (must be
// given at least that long before the next step) or a deadline (the step must
// happen within it). `cases report` says, per case, what is due next and
// which deadlines are overdue.
//
//   [clocks]   jurisdiction = "CA", title = "...", sources = ["..."]
//   [[clock]]  id, starts_at, kind, days | months | years (exactly one), due,
//              applies_to (commutation | pardon | all; default all),
//              citation, confidence (primary | secondary | unconfirmed), notes
//
// Loading checks every entry and reports the first problem as
// "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_LAW_LEGAL_CLOCKS_H_
#define CLEMENCY_LAW_LEGAL_CLOCKS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/date.h"

namespace clemency {

// What a clock may start at: campaign/case_stages.h's positions.
inline constexpr std::string_view kClockStarts[] = {"identified", "contacted", "counsel_assigned", "petition_drafted",
                                                    "filed",      "hearing",   "granted",          "denied",
                                                    "withdrawn",  "released"};
inline constexpr std::string_view kClockKinds[] = {"waiting_period", "notice", "deadline"};

struct LegalClock {
  std::string id;
  std::string starts_at;  // one of kClockStarts
  std::string kind;       // one of kClockKinds
  int amount = 0;
  char unit = 'd';        // 'd' days, 'm' months, 'y' years
  std::string due;        // plain words: what is due when it runs out
  std::string applies_to = "all";  // commutation | pardon | all
  std::string citation;
  std::string confidence;
  std::string notes;

  // The date the clock runs out, started on `start` (core/date.h's calendar rule).
  Date RunsOut(Date start) const;
  // "365 days", "6 months", "1 year".
  std::string Length() const;
};

class LegalClockSet {
 public:
  // Loads and checks one clocks file; nullopt with *error on failure.
  static std::optional<LegalClockSet> Load(const std::string& path, std::string* error);
  // RULES_DIR/clocks/XX.toml (rules_dir empty: the user's folder over the
  // shipped rules). No file: an empty set, not an error.
  static std::optional<LegalClockSet> LoadJurisdiction(std::string_view jurisdiction, std::string* error,
                                                       const std::string& rules_dir = "");
  static std::string PathFor(std::string_view jurisdiction, const std::string& rules_dir = "");

  const std::string& jurisdiction() const { return jurisdiction_; }
  const std::string& title() const { return title_; }
  const std::string& path() const { return path_; }
  const std::vector<std::string>& sources() const { return sources_; }
  const std::vector<LegalClock>& clocks() const { return clocks_; }

 private:
  std::string jurisdiction_, title_, path_;
  std::vector<std::string> sources_;
  std::vector<LegalClock> clocks_;
};

}  // namespace clemency

#endif  // CLEMENCY_LAW_LEGAL_CLOCKS_H_
