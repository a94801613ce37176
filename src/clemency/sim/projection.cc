#include "clemency/sim/projection.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>

#include "clemency/io/run_each.h"
#include "clemency/sim/random.h"

namespace clemency::sim {
namespace {

enum Stream : uint64_t { kPeopleStream = 1, kGrantStream = 2, kPoolStream = 16 };
enum Draw : uint64_t { kDrawRelease, kDrawReturn, kDrawReturnStay, kDrawGrant, kDrawReview };

double MonthlyExit(double per_year) { return per_year > 0 ? 1 - std::exp(-per_year / 12) : 0; }

// Whole months until an exit (at least 1), or kNever past the horizon.
int32_t Months(const MonthSampler& exit, double u) {
  const int m = exit.Draw(u);
  return m == 0 ? kNever : m;
}

// One replicate's series for one scenario: levels as differences until Finish().
class Recorder {
 public:
  Recorder(int32_t* data, const SeriesLayout& layout, int months) : d_(data), layout_(layout), m_(months) {}
  void Level(int series, int32_t from, int32_t to) {
    from = std::max(from, 0);
    to = std::min(to, m_ + 1);
    if (from >= to) return;
    int32_t* s = d_ + static_cast<size_t>(series) * (m_ + 1);
    ++s[from];
    if (to <= m_) --s[to];
  }
  void Event(int series, int32_t month) {
    if (month >= 1 && month <= m_) ++d_[static_cast<size_t>(series) * (m_ + 1) + month];
  }
  // Turns every level's differences into counts.
  void Finish() {
    for (int s = 0; s < layout_.size(); ++s) {
      if (!layout_.IsLevel(s)) continue;
      int32_t* v = d_ + static_cast<size_t>(s) * (m_ + 1);
      for (int m = 1; m <= m_; ++m) v[m] += v[m - 1];
    }
  }
  const SeriesLayout& layout() const { return layout_; }

 private:
  int32_t* d_;
  const SeriesLayout& layout_;
  int m_;
};

// Draws and records people's trajectories for one replicate.
class Replicate {
 public:
  Replicate(const SimInput& in, int replicate, const std::vector<MonthSampler>& exits)
      : in_(in), key_(StreamKey(in.seed, replicate, kPeopleStream)), exits_(exits) {}

  // The baseline release month of person i in this replicate.
  int32_t BaselineRelease(const SimPerson& p, uint32_t i) const {
    switch (p.release) {
      case ReleaseKind::kKnown: return std::max(p.release_lo, 1);
      case ReleaseKind::kRange: {
        const double span = static_cast<double>(p.release_hi) - p.release_lo + 1;
        return std::max(1, p.release_lo + static_cast<int32_t>(UniformAt(key_, i, kDrawRelease) * span));
      }
      case ReleaseKind::kHazard: return Months(exits_[p.jurisdiction], UniformAt(key_, i, kDrawRelease));
      case ReleaseKind::kNotReleased: return kNever;
    }
    return kNever;
  }
  double U(uint32_t i, Draw d) const { return UniformAt(key_, i, d); }

  // Records person i released at `release` (kNever: not within the horizon).
  void Trajectory(Recorder& r, const SimPerson& p, uint32_t i, int32_t release, bool commuted) const {
    FirstStay(r, p, release);
    if (release <= in_.months) AfterRelease(r, p, i, release, commuted);
  }
  // The stay from today to the release, and the release: the same in every
  // replicate when the release month is.
  void FirstStay(Recorder& r, const SimPerson& p, int32_t release) const {
    Stay(r, p, 0, release, false);
    r.Event(kReleases, release);
  }
  // A release and what follows from it alone: the month the vote returns and
  // the return curve (of the age at release).
  struct Release {
    int32_t month;
    int32_t vote_from;
    const MonthSampler* curve;
  };
  Release ReleaseAt(const SimPerson& p, int32_t month, bool commuted) const {
    int32_t vote_from = kNever;
    if (p.vote == VoteRule::kOnRelease) vote_from = month;
    if (p.vote == VoteRule::kAfterSentence) vote_from = commuted ? month : std::max(month, p.sentence_end);
    return {month, vote_from, &in_.curves.Curve(AgeBand((month - p.birth_month) / 12), p.offense)};
  }
  void AfterRelease(Recorder& r, const SimPerson& p, uint32_t i, int32_t release, bool commuted) const {
    AfterRelease(r, p, i, ReleaseAt(p, release, commuted));
  }
  // What follows a release: the vote, a return and its stay.
  void AfterRelease(Recorder& r, const SimPerson& p, uint32_t i, const Release& rel) const {
    const int m = in_.months;
    const int after = rel.curve->Draw(U(i, kDrawReturn));
    const int32_t back = after == 0 ? kNever : rel.month + after;
    if (back > m) {
      r.Level(kVotesRestored, rel.vote_from, m + 1);
      return;
    }
    r.Event(kReturns, back);
    r.Event(r.layout().JurisdictionReturns(p.jurisdiction), back);
    r.Level(kVotesRestored, rel.vote_from, back);
    const int32_t stay = Months(exits_[p.jurisdiction], U(i, kDrawReturnStay));
    const int32_t out = stay >= kNever - back ? kNever : back + stay;
    Stay(r, p, back, out, true);
    if (out > m) return;
    r.Event(kReleases, out);
    r.Level(kVotesRestored, std::max(out, rel.vote_from), m + 1);
  }

 private:
  void Stay(Recorder& r, const SimPerson& p, int32_t from, int32_t to, bool returned) const {
    const SeriesLayout& L = r.layout();
    to = std::min(to, in_.months + 1);
    if (from >= to) return;
    r.Level(SeriesLayout::kRace + p.race, from, to);
    if (L.jurisdictions > 1) r.Level(L.Jurisdiction(p.jurisdiction), from, to);
    if (returned) r.Level(kReturnedInPrison, from, to);
    if (!returned && p.facility != kNoFacility) r.Level(L.Facility(static_cast<int>(p.facility)), from, to);
    // Age bands, from the band at `from` until the stay ends.
    for (int b = AgeBand(std::max(0, (from - p.birth_month) / 12)); b < kAgeBands; ++b) {
      const int32_t band_from = p.birth_month + 12 * kAgeBandFrom[b];
      if (band_from >= to) break;
      const int32_t band_to = b + 1 < kAgeBands ? p.birth_month + 12 * kAgeBandFrom[b + 1] : to;
      r.Level(SeriesLayout::kAge + b, std::max(from, band_from), std::min(to, band_to));
    }
  }

  const SimInput& in_;
  uint64_t key_;
  const std::vector<MonthSampler>& exits_;
};

struct Scratch {
  std::vector<ProjectionResult::PersonOutcome> outcomes;
};

// The scenario of one replicate for the queued or planned people; the rest
// are already recorded in both.
void RunPlan(const SimInput& in, const std::vector<SimPerson>& plan_people, const Replicate& rep, int replicate,
             Recorder& base, Recorder& scen, ProjectionResult& out, Scratch& scratch) {
  const ScenarioPlan& plan = in.plan;
  int64_t granted = 0;
  int32_t target_month = kNever;
  auto release = [&](size_t k, const SimPerson& p, uint32_t i, int32_t month) {
    scen.Event(kGrants, month);
    rep.Trajectory(scen, p, i, month, true);
    ProjectionResult::PersonOutcome& o = scratch.outcomes[k];
    ++o.released;
    o.earliest = std::min(o.earliest, month);
    o.latest = std::max(o.latest, month);
    o.month_sum += month;
    if (++granted == plan.target && plan.target > 0) target_month = month;
  };
  for (size_t k = 0; k < plan.planned.size(); ++k) {
    const auto [i, month] = plan.planned[k];
    const SimPerson& p = plan_people[k];
    const int32_t b = rep.BaselineRelease(p, i);
    rep.Trajectory(base, p, i, b, false);
    if (month < b && month <= in.months) release(k, p, i, std::max(month, 1));
    else rep.Trajectory(scen, p, i, b, false);
  }
  const double rate = plan.grant_rate.Draw(StreamKey(in.seed, replicate, kGrantStream));
  int64_t decided = 0;
  int32_t last = plan.queue.empty() ? 0 : plan.lag_months;
  for (size_t k = 0; k < plan.queue.size(); ++k) {
    const uint32_t i = plan.queue[k].person;
    const SimPerson& p = plan_people[plan.planned.size() + k];
    const int32_t b = rep.BaselineRelease(p, i);
    rep.Trajectory(base, p, i, b, false);
    const bool reviewed_in = !plan.queue[k].needs_review || rep.U(i, kDrawReview) < plan.review_share;
    const int64_t slot = plan.board_capacity > 0 ? decided / plan.board_capacity : 0;
    const int64_t d = plan.lag_months + 1 + slot;
    // Not a case for the board: found not eligible on review, or gone before their turn.
    if (!reviewed_in || (d <= in.months && b <= d)) {
      rep.Trajectory(scen, p, i, b, false);
      continue;
    }
    if (d > in.months) {  // the list outlasts the horizon
      last = kNever;
      rep.Trajectory(scen, p, i, b, false);
      continue;
    }
    ++decided;
    last = static_cast<int32_t>(d);
    if (rep.U(i, kDrawGrant) < rate) release(plan.planned.size() + k, p, i, static_cast<int32_t>(d));
    else rep.Trajectory(scen, p, i, b, false);
  }
  out.clear_month[replicate] = last;
  out.target_month[replicate] = target_month;
  out.grant_rate[replicate] = rate;
}

// What every replicate shares: the first stays and releases of the people
// outside the plan whose release month is known (or never), as differences;
// and the people a replicate must draw for, with whether their release is fixed.
struct Shared {
  std::vector<SimPerson> plan_people;  // planned then queued, in plan order: read in that order
  std::vector<int32_t> fixed;
  struct Released {
    uint32_t person;
    Replicate::Release release;
  };
  std::vector<Released> released;  // fixed releases within the horizon: a replicate draws what follows
  std::vector<uint32_t> drawn;     // releases a replicate draws
};

Shared Precompute(const SimInput& in, const std::vector<uint8_t>& planned, const std::vector<MonthSampler>& exits,
                  const SeriesLayout& layout) {
  Shared sh;
  sh.fixed.assign(static_cast<size_t>(layout.size()) * (in.months + 1), 0);
  Recorder fixed(sh.fixed.data(), layout, in.months);
  const Replicate rep(in, 0, exits);
  for (uint32_t i = 0; i < in.people.size(); ++i) {
    const ReleaseKind kind = in.people[i].release;
    const bool release_fixed = kind == ReleaseKind::kKnown || kind == ReleaseKind::kNotReleased;
    if (planned[i]) continue;
    if (!release_fixed) {
      sh.drawn.push_back(i);
      continue;
    }
    const int32_t release = rep.BaselineRelease(in.people[i], i);
    rep.FirstStay(fixed, in.people[i], release);
    if (release <= in.months) sh.released.push_back({i, rep.ReleaseAt(in.people[i], release, false)});
  }
  return sh;
}

void RunReplicate(const SimInput& in, int replicate, const Shared& shared, const std::vector<MonthSampler>& exits,
                  ProjectionResult& out, Scratch& scratch) {
  const SeriesLayout& L = out.layout;
  const size_t block = static_cast<size_t>(L.size()) * (in.months + 1);
  int32_t* base_data = out.data.data() + static_cast<size_t>(replicate) * block;
  int32_t* scen_data = out.data.data() + (static_cast<size_t>(in.replicates) + replicate) * block;
  Recorder base(base_data, L, in.months), scen(scen_data, L, in.months);
  const Replicate rep(in, replicate, exits);
  std::copy(shared.fixed.begin(), shared.fixed.end(), base_data);
  for (const Shared::Released& r : shared.released) rep.AfterRelease(base, in.people[r.person], r.person, r.release);
  for (uint32_t i : shared.drawn) rep.Trajectory(base, in.people[i], i, rep.BaselineRelease(in.people[i], i), false);
  std::copy(base_data, base_data + block, scen_data);
  RunPlan(in, shared.plan_people, rep, replicate, base, scen, out, scratch);
  base.Finish();
  scen.Finish();
}

// Admissions from outside the roster: a pool per jurisdiction that starts at
// pool_at_start, gains Poisson(lambda) a month and loses each member with the
// monthly exit probability; the same draws in baseline and scenario.
void AddPool(const SimInput& in, ProjectionResult& out) {
  const SeriesLayout& L = out.layout;
  const int months = in.months;
  out.pool_admissions.assign(in.jurisdictions.size(), std::vector<double>(months + 1, 0));
  for (size_t j = 0; j < in.jurisdictions.size(); ++j) {
    const SimJurisdiction& sj = in.jurisdictions[j];
    for (int m = 0; m < months; ++m) {
      double returns = 0;  // the roster's expected baseline returns in month m + 1
      for (int r = 0; r < in.replicates; ++r) returns += out.At(0, r, L.JurisdictionReturns(static_cast<int>(j)), m + 1);
      out.pool_admissions[j][m + 1] = std::max(0.0, sj.admissions_per_month - returns / in.replicates);
    }
  }
  RunEach(static_cast<size_t>(std::max(1, in.threads)), [&](size_t t) {
    for (int r = static_cast<int>(t); r < in.replicates; r += std::max(1, in.threads)) {
      for (size_t j = 0; j < in.jurisdictions.size(); ++j) {
        const double stay = 1 - MonthlyExit(in.jurisdictions[j].exit_rate_per_year);
        SplitMix gen(StreamKey(in.seed, r, kPoolStream + j));
        int64_t pool = in.jurisdictions[j].pool_at_start;
        for (int m = 0; m <= months; ++m) {
          for (int s = 0; s < 2; ++s) {
            const size_t at = ((static_cast<size_t>(s) * in.replicates + r) * L.size()) * (months + 1) + m;
            out.data[at + static_cast<size_t>(kPool) * (months + 1)] += static_cast<int32_t>(pool);
            if (L.jurisdictions > 1)
              out.data[at + static_cast<size_t>(L.Jurisdiction(static_cast<int>(j))) * (months + 1)] +=
                  static_cast<int32_t>(pool);
          }
          if (m == months) break;
          if (pool > 0) pool = std::binomial_distribution<int64_t>(pool, stay)(gen);
          const double lambda = out.pool_admissions[j][m + 1];
          const int64_t arrived = lambda > 0 ? std::poisson_distribution<int64_t>(lambda)(gen) : 0;
          pool += arrived;
          for (int s = 0; s < 2; ++s)
            out.data[((static_cast<size_t>(s) * in.replicates + r) * L.size() + kAdmissions) * (months + 1) + m + 1] +=
                static_cast<int32_t>(arrived);
        }
      }
    }
  });
}

}  // namespace

bool SeriesLayout::IsLevel(int s) const {
  if (s == kReleases || s == kReturns || s == kAdmissions || s == kGrants) return false;
  return !(s >= JurisdictionReturns(0) && s < Facility(0));
}

int32_t MonthOf(int64_t days_from_today) {
  return static_cast<int32_t>(std::floor(static_cast<double>(days_from_today) / 30.4375));
}

ProjectionResult Project(const SimInput& in, void (*progress)(int, void*), void* ctx) {
  ProjectionResult out;
  out.layout.jurisdictions = static_cast<int>(in.jurisdictions.size());
  out.layout.facilities = static_cast<int>(in.facilities.size());
  out.months = in.months;
  out.replicates = in.replicates;
  out.data.resize(2 * static_cast<size_t>(in.replicates) * out.layout.size() * (in.months + 1));
  out.clear_month.assign(in.replicates, kNever);
  out.target_month.assign(in.replicates, kNever);
  out.grant_rate.assign(in.replicates, 0);
  std::vector<MonthSampler> exits;
  for (const SimJurisdiction& j : in.jurisdictions)
    exits.push_back(MonthSampler::Geometric(MonthlyExit(j.exit_rate_per_year), in.months + 1));
  std::vector<uint8_t> planned(in.people.size(), 0);
  std::vector<uint32_t> plan_people;
  for (const auto& [i, month] : in.plan.planned) plan_people.push_back(i);  // the plan order: planned, then queued
  for (const auto& q : in.plan.queue) plan_people.push_back(q.person);
  for (uint32_t i : plan_people) planned[i] = 1;
  const int threads = std::clamp(in.threads, 1, std::max(1, in.replicates));
  std::vector<Scratch> scratch(threads);
  for (Scratch& s : scratch) {
    s.outcomes.resize(plan_people.size());
    for (size_t k = 0; k < plan_people.size(); ++k) s.outcomes[k].person = plan_people[k];
  }
  Shared shared = Precompute(in, planned, exits, out.layout);
  for (uint32_t i : plan_people) shared.plan_people.push_back(in.people[i]);
  std::atomic<int> done{0};
  RunEach(static_cast<size_t>(threads), [&](size_t t) {
    for (int r = static_cast<int>(t); r < in.replicates; r += threads) {
      RunReplicate(in, r, shared, exits, out, scratch[t]);
      const int n = ++done;
      if (t == 0 && progress != nullptr) progress(n, ctx);
    }
  });
  out.outcomes = std::move(scratch[0].outcomes);
  for (size_t t = 1; t < scratch.size(); ++t) {
    for (size_t k = 0; k < out.outcomes.size(); ++k) {
      ProjectionResult::PersonOutcome& o = out.outcomes[k];
      const ProjectionResult::PersonOutcome& s = scratch[t].outcomes[k];
      o.released += s.released;
      o.earliest = std::min(o.earliest, s.earliest);
      o.latest = std::max(o.latest, s.latest);
      o.month_sum += s.month_sum;
    }
  }
  AddPool(in, out);
  return out;
}

}  // namespace clemency::sim
