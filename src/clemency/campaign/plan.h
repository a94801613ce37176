// The campaign plan (`clemency campaign plan`): from each jurisdiction's
// screening counts and the campaign's assumptions, the months each board needs
// to clear its list, the releases it grants by year (with a band from the
// grant rate's uncertainty), the cost it avoids and the votes it restores; the
// path to the target (jurisdictions by what they contribute within the
// horizon), the probability of reaching it, and which assumptions matter most.
//
// The model, exact and hand-computable (docs/campaign.md):
//   candidates  C = eligible + round(review_yield x needs_review)
//   decisions   from the board's start month s, min(capacity, what is left) a month
//   releases    a month's decisions x the replicate's grant rate (one draw per
//               replicate and jurisdiction; a fixed rate gives the same every time)
//   months to clear = s + ceil(C / capacity)
//   cost avoided: each release saves min(months left in the horizon, the
//               jurisdiction's mean stay = 12 / exit rate) months at cost / 12
#ifndef CLEMENCY_CAMPAIGN_PLAN_H_
#define CLEMENCY_CAMPAIGN_PLAN_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "clemency/campaign/campaign_file.h"

namespace clemency {

// One jurisdiction as the screening and the rules give it.
struct PlanJurisdiction {
  std::string code;
  std::string data_source;  // "synthetic", "real: PATH"
  int64_t people = 0, eligible = 0, needs_review = 0;
  std::map<std::string, int64_t> eligible_by_group;
  std::string authority;    // law/jurisdiction.h kClemencyAuthorities; "" when unknown
  bool governor_alone = false;
  std::string vote_restoration;  // kVoteRestorations; "" when unknown
  double cost_per_year = -1;     // < 0 when no sourced figure
  double exit_rate_per_year = 0; // BJS releases / stock; 0 when unknown
};

struct JurisdictionPlan {
  PlanJurisdiction in;
  BoardAssumption board;
  int start_month = 0;
  int64_t candidates = 0;
  int months_to_clear = -1;                       // -1: never (no capacity)
  std::vector<double> releases_by_year;           // expected (mean over replicates)
  std::vector<double> releases_by_year_low, releases_by_year_high;  // 5th and 95th percentiles, cumulative
  double releases_in_horizon = 0;                 // expected
  int64_t decisions_in_horizon = 0;
  double cost_avoided = -1;                       // expected, in the horizon; < 0 when no cost figure
  double votes_restored = 0;                      // releases where the vote returns on release
};

struct SensitivityRow {
  std::string assumption, change;
  double releases_in_horizon = 0, probability = 0;
};

struct PlanResult {
  std::vector<JurisdictionPlan> jurisdictions;   // in the path's order: most in the horizon first
  double releases_in_horizon = 0;                // expected, all jurisdictions
  double low = 0, high = 0;                      // 5th and 95th percentiles
  double probability = 0;                        // of reaching the target within the horizon
  std::vector<double> cumulative_by_year;        // expected
  int reached_with = -1;                         // jurisdictions of the path needed for the target; -1: not reached
  std::vector<SensitivityRow> sensitivity;
};

// What a sensitivity row changes: capacities and grant rates scaled, the review yield replaced.
struct PlanVariation {
  double capacity_scale = 1, grant_scale = 1, review_yield = -1;  // review_yield < 0: the campaign's
};

PlanResult ComputePlan(const Campaign& campaign, const std::vector<PlanJurisdiction>& in,
                       const PlanVariation& variation = {});

// The plan's expected releases and probability with each assumption moved
// (capacity halved and doubled, the grant rate halved and raised by half, the
// review yield at 0 and 0.5), the campaign's own value left out.
std::vector<SensitivityRow> AssumptionSensitivity(const Campaign& campaign, const std::vector<PlanJurisdiction>& in);

// Whole months from `from` to `to`, at least 0 (a day-of-month not yet reached counts no month).
int MonthsBetween(const Date& from, const Date& to);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_PLAN_H_
