#include "clemency/sim/roster.h"

#include <algorithm>

#include "clemency/law/jurisdiction.h"

namespace clemency::sim {
namespace {

uint8_t OffenseGroup(std::string_view category) {
  if (category == "violent" || category == "sex") return 1;
  if (category == "property") return 2;
  if (category == "drug_distribution" || category == "drug_possession") return 3;
  if (category == "public_order") return 4;
  return 0;
}

VoteRule VoteRuleOf(const JurisdictionFacts* j) {
  if (j == nullptr) return VoteRule::kNotCounted;
  if (j->voting.restoration == "on_release") return VoteRule::kOnRelease;
  if (j->voting.restoration == "after_sentence") return VoteRule::kAfterSentence;
  return VoteRule::kNotCounted;  // never lost, by application, or the state of residence
}

int32_t ReleaseMonth(const FactTable& f, int64_t day) { return ReleaseMonthOf(day - f.as_of.days()); }

// The baseline release of person p and the month their sentence ends.
void SetRelease(const FactTable& f, uint32_t p, SimPerson& s, RosterNotes& notes) {
  if (f.imposed_term[p] != kNa) s.sentence_end = ReleaseMonth(f, f.admission[p] + f.imposed_term[p]);
  if (f.release[p] != kNa) {
    s.release = ReleaseKind::kKnown;
    s.release_lo = s.release_hi = ReleaseMonth(f, f.release[p]);
    ++notes.known;
    if (f.release[p] < f.as_of.days()) ++notes.overdue;
    return;
  }
  bool life = false, never = false;
  for (uint32_t k = f.sentence_begin[p]; k < f.sentence_begin[p + 1]; ++k) {
    if (f.active[k] != kTrue) continue;
    const std::string_view type = f.strings.View(static_cast<StrId>(f.type[k]));
    never |= type == "lwop" || type == "death";
    life |= type == "life";
  }
  if (never) {
    s.release = ReleaseKind::kNotReleased;
    ++notes.not_released;
  } else if (!life && f.imposed_term[p] != kNa) {
    s.release = ReleaseKind::kRange;
    const int64_t term = f.imposed_term[p];
    s.release_lo = ReleaseMonth(f, f.admission[p] + static_cast<int64_t>(term * kMinShareServed));
    s.release_hi = std::max(s.release_lo, ReleaseMonth(f, f.admission[p] + term));
    ++notes.from_sentence;
  } else {
    s.release = ReleaseKind::kHazard;
    ++notes.from_exit_rate;
  }
}

// The pool's mix: the race and age band of people admitted recently.
void SetPoolMix(const FactTable& f, SimInput& in, RosterNotes& notes) {
  for (const bool recent : {true, false}) {
    int64_t n = 0;
    std::array<double, 8> race{};
    std::array<double, kAgeBands> age{};
    for (uint32_t p = 0; p < f.people(); ++p) {
      if (recent && f.as_of.days() - f.admission[p] > kRecentAdmissionDays) continue;
      ++n;
      race[in.people[p].race] += 1;
      age[AgeBand(std::max(0, -in.people[p].birth_month / 12))] += 1;
    }
    if (n == 0) continue;
    for (double& v : race) v /= static_cast<double>(n);
    for (double& v : age) v /= static_cast<double>(n);
    in.pool_race_share = race;
    in.pool_age_share = age;
    notes.pool_mix_people = n;
    notes.pool_mix_recent = recent;
    return;
  }
}

}  // namespace

SimInput BuildRoster(const FactTable& f, const LawRefs& law, const PrisonFlows& flows, RosterNotes* notes) {
  SimInput in;
  const Population& pop = *f.population;
  std::map<StrId, uint16_t> jurisdiction_index;
  std::map<StrId, uint32_t> facility_index;
  for (uint32_t k = 0; k < pop.facility_count(); ++k) {
    facility_index.emplace(pop.facilities.id[k], k);
    in.facilities.push_back({std::string(pop.str(pop.facilities.id[k])),
                             pop.facilities.design_capacity[k] == kMissingInt ? -1 : pop.facilities.design_capacity[k]});
  }
  std::vector<int64_t> roster_count;
  in.people.resize(f.people());
  for (uint32_t p = 0; p < f.people(); ++p) {
    SimPerson& s = in.people[p];
    const StrId j = pop.people.jurisdiction[p];
    auto [it, added] = jurisdiction_index.emplace(j, static_cast<uint16_t>(jurisdiction_index.size()));
    if (added) {
      in.jurisdictions.push_back({std::string(pop.str(j)), 0, 0, -1, 0});
      roster_count.push_back(0);
    }
    s.jurisdiction = it->second;
    ++roster_count[s.jurisdiction];
    s.race = static_cast<uint8_t>(pop.people.race[p]);
    s.birth_month = MonthOf(f.birth[p] - f.as_of.days());
    s.offense = f.most_serious_category[p] == kNa
                    ? 0
                    : OffenseGroup(f.strings.View(static_cast<StrId>(f.most_serious_category[p])));
    const auto fac = facility_index.find(pop.people.facility_id[p]);
    if (pop.people.facility_id[p] != kNoStr && fac != facility_index.end()) s.facility = fac->second;
    SetRelease(f, p, s, *notes);
  }
  int64_t stock = 0, releases = 0;
  for (const auto& [code, flow] : flows.by_jurisdiction) {
    stock += flow.stock;
    releases += flow.releases;
  }
  notes->national_exit_rate = stock > 0 ? static_cast<double>(releases) / static_cast<double>(stock) : 0;
  std::vector<VoteRule> votes;
  for (size_t j = 0; j < in.jurisdictions.size(); ++j) {
    SimJurisdiction& sj = in.jurisdictions[j];
    const auto facts = law.jurisdictions.find(sj.code);
    const JurisdictionFacts* jf = facts == law.jurisdictions.end() ? nullptr : facts->second;
    votes.push_back(VoteRuleOf(jf));
    notes->vote_rules[sj.code] = jf == nullptr ? "unknown" : jf->voting.restoration;
    if (jf != nullptr && jf->cost) sj.cost_per_year = jf->cost->per_prisoner_year_usd;
    else notes->without_cost.push_back(sj.code);
    if (const PrisonFlow* flow = flows.Find(sj.code)) {
      sj.exit_rate_per_year = flow->ExitRatePerYear();
      sj.admissions_per_month = static_cast<double>(flow->admissions) / 12.0 *
                                static_cast<double>(roster_count[j]) / static_cast<double>(flow->stock);
    } else {
      sj.exit_rate_per_year = notes->national_exit_rate;
      notes->without_flows.push_back(sj.code);
    }
  }
  for (SimPerson& s : in.people) s.vote = votes[s.jurisdiction];
  SetPoolMix(f, in, *notes);
  return in;
}

std::vector<ScenarioPlan::Queued> QueueFromScreening(const Screening& screening, double review_share) {
  std::vector<ScenarioPlan::Queued> queue;
  for (uint32_t p : screening.order) {
    const Status st = screening.status[p];
    if (st == Status::kEligible) queue.push_back({p, false});
  }
  if (review_share > 0)
    for (uint32_t p : screening.order)
      if (screening.status[p] == Status::kNeedsReview) queue.push_back({p, true});
  return queue;
}

}  // namespace clemency::sim
