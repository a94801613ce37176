// The figures the dashboard redraws after every re-screening (`serve`,
// docs/api.md): counts, groups and their overlaps, the composition by race,
// sex, age band, most serious offense and jurisdiction, and the review
// triage's groups. The same numbers as summary.json's keys of those names, in
// one pass over small per-person codes made once per population, so a slider
// costs milliseconds at a million people.
#ifndef CLEMENCY_REPORT_LIVE_FIGURES_H_
#define CLEMENCY_REPORT_LIVE_FIGURES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clemency/policy/policy.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/review_triage.h"
#include "clemency/screen/screener.h"

namespace clemency {

class LiveFigures {
 public:
  explicit LiveFigures(const FactTable& facts);
  // counts, groups, eligible_by_group_combination, by_race, by_sex,
  // by_age_band, by_offense_category, by_jurisdiction, review_triage.groups.
  // With triage null, review_triage is left out (TriageJson makes it).
  nlohmann::ordered_json Of(const Policy& policy, const Screening& screening, const ReviewTriage* triage) const;
  // {"needs_review": N, "groups": [{"facts": [...], "people": n}, ...]}, largest first.
  static nlohmann::ordered_json TriageJson(const ReviewTriage& triage, int64_t needs_review);

 private:
  struct Grouping {
    std::string key;                  // "by_race"
    std::vector<std::string> values;  // by code
  };
  std::vector<Grouping> groupings_;
  // People with the same value in every grouping share a cell: a person's
  // cell, and each cell's code in each grouping (cell * groupings + g).
  std::vector<uint32_t> cell_;
  std::vector<uint16_t> cell_codes_;
};

}  // namespace clemency

#endif  // CLEMENCY_REPORT_LIVE_FIGURES_H_
