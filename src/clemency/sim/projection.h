// The impact projection (DESIGN.md sections 1 and 4, docs/projection.md): a
// person-level Monte Carlo, month by month, of the people on a roster under a
// baseline (everyone leaves at their own release) and a scenario (the board
// releases the queued people in priority order at its capacity and grant
// rate, or planned releases on given dates), with admissions from outside the
// roster as a pool that flows in and out at the jurisdiction's rates.
//
// Months are counted from the as-of date: month 0 is today. A level (the
// population) is the count at the start of the month; an event (releases,
// returns) is the count during the month before it. A release month r >= 1
// means in prison for months 0..r-1.
//
// Deterministic for the seed whatever the thread count: every draw is keyed
// by (seed, replicate, stream, index) (sim/random.h), and the baseline and the
// scenario share each person's draws.
#ifndef CLEMENCY_SIM_PROJECTION_H_
#define CLEMENCY_SIM_PROJECTION_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/core/column_allocator.h"
#include "clemency/sim/grant_rate.h"
#include "clemency/sim/return_curves.h"

namespace clemency::sim {

inline constexpr int32_t kNever = std::numeric_limits<int32_t>::max();  // not within the horizon
inline constexpr uint32_t kNoFacility = UINT32_MAX;

// How a person's baseline release month is known.
enum class ReleaseKind : uint8_t {
  kKnown,   // release_lo (the agency's projected release date)
  kRange,   // uniform on [release_lo, release_hi] (from the sentence: an assumption)
  kHazard,  // the jurisdiction's exit rate (nothing else is known)
  kNotReleased,  // not released within the horizon (life without parole, death)
};

// When the vote comes back (rules/jurisdictions/XX.toml [voting]).
enum class VoteRule : uint8_t { kNotCounted, kOnRelease, kAfterSentence };

struct SimPerson {
  ReleaseKind release = ReleaseKind::kHazard;
  VoteRule vote = VoteRule::kNotCounted;
  uint8_t offense = 0;  // return-curve offense group (return_curves.h)
  uint8_t race = 0;     // core Race index
  uint16_t jurisdiction = 0;
  int32_t release_lo = kNever, release_hi = kNever;  // months
  int32_t birth_month = 0;    // months from today, negative
  int32_t sentence_end = kNever;  // month the sentence as imposed ends (after_sentence votes)
  uint32_t facility = kNoFacility;
};

struct SimJurisdiction {
  std::string code;
  double exit_rate_per_year = 0;     // releases / stock (BJS); for kHazard people, returns and the pool
  double admissions_per_month = 0;   // all admissions, scaled to the roster; returns of roster people are taken out
  double cost_per_year = -1;         // average cost per prisoner-year; < 0 when unsourced
  int64_t pool_at_start = 0;         // people in prison not on the roster (the back-test's stock)
};

struct SimFacility {
  std::string id;
  int32_t design_capacity = -1;  // < 0 when unknown
};

// Who the scenario releases: a queue the board works through, or planned dates.
struct ScenarioPlan {
  struct Queued {
    uint32_t person;
    bool needs_review;
  };
  std::vector<Queued> queue;  // priority order
  std::vector<std::pair<uint32_t, int32_t>> planned;  // (person, release month), instead of a queue
  int32_t board_capacity = 0;  // decisions a month; 0 = every decision at once
  int32_t lag_months = 0;      // before the first decision
  GrantRate grant_rate;
  double review_share = 0;  // of needs_review people, the share found eligible on review
  int64_t target = 0;       // clemency releases to reach; 0 = none
};

struct SimInput {
  std::vector<SimPerson> people;
  std::vector<SimJurisdiction> jurisdictions;
  std::vector<SimFacility> facilities;
  // The admissions pool's mix by race (core Race order) and age band, for the
  // group figures: shares summing to 1 (all zero: the pool joins no group).
  std::array<double, 8> pool_race_share{};
  std::array<double, kAgeBands> pool_age_share{};
  ReturnCurves curves = ReturnCurves::None();
  ScenarioPlan plan;
  int months = 120;
  int replicates = 100;
  uint64_t seed = 1;
  int threads = 1;
};

// The series each replicate records, for baseline (0) and scenario (1).
// The roster's people in prison are the sum of the race series; the whole
// population adds the pool (ProjectionResult::Population).
enum Series : int {
  kPool,              // level: people admitted from outside the roster (and the back-test's stock)
  kReleases,          // event: roster releases (re-releases after a return included)
  kReturns,           // event: roster returns to prison
  kAdmissions,        // event: admissions from outside the roster
  kGrants,            // event: clemency releases (scenario)
  kVotesRestored,     // level: roster people out of prison whose vote is restored
  kReturnedInPrison,  // level: roster people back in prison after a return
  kFixedSeries,
};

struct SeriesLayout {
  int jurisdictions = 0, facilities = 0;
  static constexpr int kRace = kFixedSeries;                 // 8 levels, by core Race
  static constexpr int kAge = kRace + 8;                     // kAgeBands levels
  // Level: the roster and pool of jurisdiction j; not recorded when there is
  // only one (ProjectionResult::JurisdictionPopulation).
  int Jurisdiction(int j) const { return kAge + kAgeBands + j; }
  int JurisdictionReturns(int j) const { return Jurisdiction(jurisdictions) + j; }  // event
  int Facility(int f) const { return JurisdictionReturns(jurisdictions) + f; }    // level: first stays only
  int size() const { return Facility(facilities); }
  bool IsLevel(int s) const;
};

struct ProjectionResult {
  SeriesLayout layout;
  int months = 0, replicates = 0;
  // [scenario][replicate][series][month 0..months]; every cell is written.
  Cells<int32_t> data;
  int32_t At(int scenario, int replicate, int series, int month) const {
    return data[((static_cast<size_t>(scenario) * replicates + replicate) * layout.size() + series) *
                    (months + 1) + month];
  }
  int64_t RosterInPrison(int scenario, int replicate, int month) const {
    int64_t n = 0;
    for (int race = 0; race < 8; ++race) n += At(scenario, replicate, SeriesLayout::kRace + race, month);
    return n;
  }
  int64_t Population(int scenario, int replicate, int month) const {
    return At(scenario, replicate, kPool, month) + RosterInPrison(scenario, replicate, month);
  }
  int64_t JurisdictionPopulation(int scenario, int replicate, int j, int month) const {
    return layout.jurisdictions == 1 ? Population(scenario, replicate, month)
                                     : At(scenario, replicate, layout.Jurisdiction(j), month);
  }
  // Per replicate: the month of the board's last decision (kNever: the list
  // outlasts the horizon), the month clemency releases reach the target
  // (kNever: not reached), and the rate drawn.
  std::vector<int32_t> clear_month, target_month;
  std::vector<double> grant_rate;
  // Per queued or planned person (plan order): replicates in which clemency
  // released them, and the earliest, latest and summed release months then.
  struct PersonOutcome {
    uint32_t person;
    int32_t released = 0, earliest = kNever, latest = -1;
    int64_t month_sum = 0;
  };
  std::vector<PersonOutcome> outcomes;
  // Admissions a month from outside the roster after taking out the roster's
  // expected baseline returns, per jurisdiction and month.
  std::vector<std::vector<double>> pool_admissions;
};

// What the model assumes, in words, for projection_summary.json (docs/projection.md).
inline constexpr std::string_view kProjectionAssumptions[] = {
    "A person's baseline release is the agency's projected release date; without one, a month drawn uniformly between "
    "half the imposed term and the whole term; for life sentences and unknown terms, the jurisdiction's exit rate "
    "(BJS releases / stock) as a constant monthly hazard; life without parole and death: not released. Deaths are not modelled.",
    "The board decides the queue in priority order at the stated capacity; each decision grants with the replicate's "
    "grant rate; a denied person keeps their baseline release; a person whose baseline release comes before their turn "
    "takes no decision.",
    "needs_review people join the queue after the eligible only with --review-share, each found eligible with that probability.",
    "Returns: the BJS 2008 cohort's return-to-prison curve by age at release and offense group (docs/projection.md); "
    "a returned person stays for a time drawn from the jurisdiction's exit rate and is not followed for a second return.",
    "Admissions from outside the roster arrive at the jurisdiction's 2022 admissions scaled to the roster's size, minus the "
    "roster's expected returns, and leave at the jurisdiction's exit rate.",
    "Admissions take the race and age-band mix of the roster's people admitted in the two years before the as-of date (the "
    "whole roster's when nobody was), held fixed; facilities receive admissions and returns in proportion to today's population.",
    "Votes: counted for jurisdictions whose rule is on_release (from release) or after_sentence (at the end of the "
    "imposed term, or at release when commuted); never_lost, by application and state of residence are not counted."};

// Runs the projection; `progress` (may be null) is called with the replicates done.
ProjectionResult Project(const SimInput& input, void (*progress)(int done, void* ctx) = nullptr,
                         void* ctx = nullptr);

// The month index of a day offset from today (30.4375 days a month), floored.
int32_t MonthOf(int64_t days_from_today);
// The release month of a release on that day: the first month whose start
// finds the person out, at least 1.
inline int32_t ReleaseMonthOf(int64_t days_from_today) { return std::max(1, MonthOf(days_from_today) + 1); }

}  // namespace clemency::sim

#endif  // CLEMENCY_SIM_PROJECTION_H_
