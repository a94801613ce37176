// What is due next for a case, from the legal clocks of its jurisdiction
// (law/legal_clocks.h). A clock runs from the date a case reached its current
// position, if the clock starts at that position and applies to commutation
// petitions (applies_to commutation or all: every case here is a commutation
// petition; pardon-only clocks are listed in docs/cases.md, not applied). As of
// a date a clock is:
//   deadline        due (it runs out on or after the date) or overdue;
//   waiting_period  running (nothing may be filed before it runs out) or ended;
//   notice          running (the next step may not come before it runs out) or ended.
// What is due next is the clock running out first among those not ended.
#ifndef CLEMENCY_CAMPAIGN_CASE_CLOCKS_H_
#define CLEMENCY_CAMPAIGN_CASE_CLOCKS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clemency/campaign/case_events.h"
#include "clemency/core/date.h"
#include "clemency/law/legal_clocks.h"

namespace clemency {

struct RunningClock {
  const LegalClock* clock = nullptr;
  Date started, runs_out;
  std::string state;  // due | overdue | running | ended
  bool ended() const { return state == "ended"; }
};

class CaseClocks {
 public:
  // Loads RULES/clocks/XX.toml for each jurisdiction that has one; nullopt
  // with *error ("FILE:LINE:COLUMN: ...") when one does not load.
  static std::optional<CaseClocks> Load(const std::set<std::string>& jurisdictions, std::string* error,
                                        const std::string& rules_dir = "");
  // From sets already loaded (tests).
  static CaseClocks Of(std::vector<LegalClockSet> sets);

  // The clocks running for a case at `position` since `since`, as of as_of,
  // the first to run out first.
  std::vector<RunningClock> For(const std::string& jurisdiction, const std::string& position, Date since,
                                Date as_of) const;
  // The clock files used: path -> jurisdiction.
  std::vector<const LegalClockSet*> sets() const;

 private:
  std::map<std::string, LegalClockSet> by_jurisdiction_;
};

// The first clock not ended, or null.
const RunningClock* NextDue(const std::vector<RunningClock>& clocks);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_CLOCKS_H_
