// A campaign (rules/campaigns/NAME.toml, DESIGN.md section 6): its target and
// horizon, the policy and parameters that name its candidates, the
// jurisdictions it works in, and per jurisdiction the assumed board capacity,
// grant rate and start date, each with defaults that say where they come from.
//   [campaign]  id, title, citation, confidence, target, horizon_years, start,
//               policy, set = ["NAME=VALUE"], jurisdictions = "states" | "ALL"
//               | ["CA", ...], review_yield, replicates, seed,
//               sensitivity_sets = ["NAME=VALUE", ...]
//   [defaults]  board_capacity_per_month, grant_rate ("0.3", "beta:3,7", ...:
//               sim/grant_rate.h), start, source
//   [jurisdiction.XX]  any of the defaults' keys, for one jurisdiction
// Loading checks every key; an error is "FILE:LINE:COLUMN: message".
#ifndef CLEMENCY_CAMPAIGN_CAMPAIGN_FILE_H_
#define CLEMENCY_CAMPAIGN_CAMPAIGN_FILE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/sim/grant_rate.h"

namespace clemency {

// What the plan assumes of one jurisdiction's board.
struct BoardAssumption {
  int64_t capacity_per_month = 0;  // decisions a month
  sim::GrantRate grant_rate;
  Date start;          // first decisions; before the campaign's start means at its start
  std::string source;  // where the figures come from, or "assumption: why"
};

struct Campaign {
  std::string id, title, citation, confidence, path;
  int64_t target = 0;
  int horizon_years = 5;
  Date start;
  std::string policy;
  std::vector<std::string> sets;              // NAME=VALUE, as screen --set
  std::vector<std::string> jurisdictions;     // codes; "states" and "ALL" expanded
  double review_yield = 0;                    // of needs_review people, the share found eligible on review
  int replicates = 1000;
  uint64_t seed = 1;
  std::vector<std::string> sensitivity_sets;  // policy variations the sensitivity table re-screens
  BoardAssumption defaults;
  std::map<std::string, BoardAssumption> by_jurisdiction;  // only the ones the file names

  const BoardAssumption& AssumptionFor(const std::string& code) const;
  static std::optional<Campaign> Load(const std::string& path, std::string* error);
  // RULES_DIR/campaigns/ID.toml when `id_or_path` names no file.
  static std::string Resolve(const std::string& id_or_path, const std::string& rules_dir = "");
};

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CAMPAIGN_FILE_H_
