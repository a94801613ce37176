#include "clemency/screen/screener.h"

#include <algorithm>
#include <cmath>

#include "clemency/screen/evaluator.h"

namespace clemency {
namespace {

struct Pass {
  std::vector<Column> rules;
  std::vector<uint8_t> eligibility;
  std::vector<Status> status;
};

// Whether a rule must be evaluated again: it reads a changed parameter, or a
// rule that must. (All rules, when nothing is reused.)
std::vector<bool> DirtyRules(const Policy& policy, const std::vector<bool>& changed_params) {
  std::vector<bool> dirty(policy.rules.size(), false);
  for (size_t r = 0; r < policy.rules.size(); ++r) {
    for (int prm : policy.rules[r].params_used) dirty[r] = dirty[r] || changed_params[static_cast<size_t>(prm)];
    for (int dep : policy.rules[r].rules_used) dirty[r] = dirty[r] || dirty[static_cast<size_t>(dep)];
  }
  return dirty;
}

bool Reads(const PolicyRule& rule, const std::vector<bool>& changed_params, const std::vector<bool>& dirty) {
  for (int prm : rule.params_used)
    if (changed_params[static_cast<size_t>(prm)]) return true;
  for (int dep : rule.rules_used)
    if (dirty[static_cast<size_t>(dep)]) return true;
  return false;
}

// Evaluates the rules into `rules`, by index: every rule, or with `dirty`
// only the marked ones (the others are kept as they are). Rules read earlier
// rules only, so a rule is evaluated after those it reads.
void EvaluateRules(const Policy& policy, Evaluator& ev, size_t people, std::vector<Column>& rules,
                   const std::vector<bool>* dirty = nullptr) {
  rules.resize(policy.rules.size());
  ev.set_rules(&rules);
  for (size_t i = 0; i < policy.rules.size(); ++i) {
    if (dirty != nullptr && !(*dirty)[i]) continue;
    Column c = ev.Eval(*policy.rules[i].expr);
    // Rules are read by index later: keep them as owned, materialized columns.
    if (c.ob.empty()) {
      Column owned;
      owned.OwnBool(people);
      for (size_t k = 0; k < people; ++k) owned.ob[k] = c.b[k];
      c = std::move(owned);
    }
    rules[i] = std::move(c);
  }
}

void EvaluateEligibility(const Policy& policy, Evaluator& ev, size_t people, std::vector<uint8_t>& eligibility) {
  Column e = ev.Eval(*policy.eligibility.expr);
  eligibility.resize(people);
  for (size_t k = 0; k < people; ++k) eligibility[k] = e.b[k];
}

// eligible = eligibility and not any(exclusion), in Kleene logic
// (and = min, not x = kTrue - x), one exclusion at a time.
void SetStatus(const Policy& policy, const std::vector<Column>& rules, const std::vector<uint8_t>& eligibility,
               std::vector<Status>& status) {
  const size_t people = eligibility.size();
  std::vector<uint8_t> v = eligibility;
  for (size_t r = 0; r < policy.rules.size(); ++r) {
    if (policy.rules[r].kind != RuleKind::kExclusion) continue;
    const uint8_t* x = rules[r].ob.data();
    for (size_t k = 0; k < people; ++k) v[k] = std::min(v[k], static_cast<uint8_t>(kTrue - x[k]));
  }
  status.resize(people);
  for (size_t k = 0; k < people; ++k)
    status[k] = v[k] == kTrue ? Status::kEligible : v[k] == kFalse ? Status::kNotEligible : Status::kNeedsReview;
}

// Evaluates every rule, then the status, at the evaluator's as-of date(s).
Pass Evaluate(const Policy& policy, Evaluator& ev, size_t people) {
  Pass p;
  EvaluateRules(policy, ev, people, p.rules);
  EvaluateEligibility(policy, ev, people, p.eligibility);
  SetStatus(policy, p.rules, p.eligibility, p.status);
  return p;
}

}  // namespace

std::string_view StatusName(Status s) {
  switch (s) {
    case Status::kEligible: return "eligible";
    case Status::kNeedsReview: return "needs_review";
    case Status::kNotEligible: return "not_eligible";
  }
  return "";
}

namespace {

// Priority, order and rank of a screening whose statuses are known.
// With keep_priority, out.priority is already that of the parameters.
// Priority order: highest first, unknown last, ties by place in person_id order.
struct RankKey {
  bool unknown;
  double priority;
  uint32_t place;
  uint32_t person;
  bool operator<(const RankKey& b) const {
    if (unknown != b.unknown) return b.unknown;
    if (priority != b.priority) return priority > b.priority;
    return place < b.place;
  }
};

// The people of `facts` for whom keep(person) holds, in priority order. The
// sort runs over keys held together, not through the person index, so it
// stays in cache.
template <typename Keep>
std::vector<uint32_t> InPriorityOrder(const FactTable& facts, const std::vector<double>& priority, Keep keep) {
  std::vector<RankKey> keys;
  for (uint32_t j = 0; j < facts.people(); ++j) {
    const uint32_t k = facts.by_person_id[j];
    if (!keep(k)) continue;
    const double pr = priority[k];
    keys.push_back({std::isnan(pr), std::isnan(pr) ? 0 : pr, j, k});
  }
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> people;
  people.reserve(keys.size());
  for (const RankKey& key : keys) people.push_back(key.person);
  return people;
}

// Order: eligible, then needs_review, each by priority (highest first,
// unknown last), ties by person_id; then not eligible by person_id. With
// keep_priority (a Rescreen that left the priority as it was), everyone's
// priority order is made once and then only filtered by status.
void RankPeople(const Policy& policy, const FactTable& facts, Evaluator& ev, bool keep_priority, Screening& out) {
  const size_t n = facts.people();
  if (!keep_priority) {
    Column pr = ev.Eval(*policy.priority.expr);
    out.priority.resize(n);
    for (size_t k = 0; k < n; ++k) {
      if (pr.type == ValueType::kNumber) out.priority[k] = pr.d[k];
      else out.priority[k] = pr.i[k] == kNa ? std::nan("") : static_cast<double>(pr.i[k]);
    }
    out.by_priority.clear();
  }
  out.order.clear();
  out.order.reserve(n);
  if (keep_priority) {
    if (out.by_priority.size() != n) out.by_priority = InPriorityOrder(facts, out.priority, [](uint32_t) { return true; });
    for (Status band : {Status::kEligible, Status::kNeedsReview})
      for (uint32_t k : out.by_priority)
        if (out.status[k] == band) out.order.push_back(k);
  } else {
    for (Status band : {Status::kEligible, Status::kNeedsReview}) {
      const std::vector<uint32_t> people = InPriorityOrder(facts, out.priority, [&](uint32_t k) { return out.status[k] == band; });
      out.order.insert(out.order.end(), people.begin(), people.end());
    }
  }
  for (uint32_t k : facts.by_person_id)
    if (out.status[k] == Status::kNotEligible) out.order.push_back(k);
  out.rank.assign(n, 0);
  uint32_t next = 1;
  for (uint32_t k : out.order)
    if (out.status[k] != Status::kNotEligible) out.rank[k] = next++;
}

std::vector<Value> ParamValues(const Policy& policy) {
  std::vector<Value> params;
  for (const PolicyParam& p : policy.params) params.push_back(p.value);
  return params;
}

}  // namespace

void OrderByPriority(const FactTable& facts, Screening& screening) {
  screening.by_priority = InPriorityOrder(facts, screening.priority, [](uint32_t) { return true; });
}

void Rescreen(const Policy& policy, const FactTable& facts, Screening& screening) {
  const size_t n = facts.people();
  std::vector<Value> params = ParamValues(policy);
  if (screening.params.size() != params.size() || screening.rules.size() != policy.rules.size() ||
      screening.status.size() != n) {
    screening = Screen(policy, facts, {.eligible_on = false});
    return;
  }
  std::vector<bool> changed(params.size());
  for (size_t i = 0; i < changed.size(); ++i)
    changed[i] = screening.params[i].ToString() != params[i].ToString() || screening.params[i].type != params[i].type;
  screening.params = std::move(params);
  const std::vector<bool> dirty = DirtyRules(policy, changed);
  Evaluator ev(facts);
  ev.set_params(&screening.params);
  EvaluateRules(policy, ev, n, screening.rules, &dirty);
  if (Reads(policy.eligibility, changed, dirty)) EvaluateEligibility(policy, ev, n, screening.eligibility);
  SetStatus(policy, screening.rules, screening.eligibility, screening.status);
  screening.eligible_on.assign(n, kNa);
  screening.eligible_on_computed = false;
  screening.eligible_on_passes = 0;
  RankPeople(policy, facts, ev, !Reads(policy.priority, changed, dirty), screening);
}

Screening Screen(const Policy& policy, const FactTable& facts, const ScreenOptions& options) {
  const size_t n = facts.people();
  Screening out;
  out.params = ParamValues(policy);
  Evaluator ev(facts);
  ev.set_params(&out.params);

  std::vector<int64_t> next_change(n, kNa);
  if (options.eligible_on) ev.set_next_change(&next_change);
  Pass today = Evaluate(policy, ev, n);

  out.eligible_on.assign(n, kNa);
  out.eligible_on_computed = options.eligible_on;
  if (options.eligible_on) {
    // Look ahead, for the people not eligible today, on the dates where a
    // time-dependent comparison changes, nearest first.
    // A program that ends makes no one eligible after its last day
    // (program_ended): dates after it are not tried.
    const int64_t last_day = policy.ends ? int64_t{policy.ends->days()} : kNa;
    auto worth_trying = [&](uint32_t k) { return next_change[k] != kNa && (last_day == kNa || next_change[k] <= last_day); };
    std::vector<uint32_t> pending;
    for (uint32_t k = 0; k < n; ++k)
      if (today.status[k] == Status::kNotEligible && worth_trying(k)) pending.push_back(k);
    std::vector<int64_t> as_of(n, facts.as_of.days());
    ev.set_as_of(&as_of);
    while (!pending.empty() && out.eligible_on_passes < options.max_eligible_on_passes) {
      ++out.eligible_on_passes;
      for (uint32_t k : pending) {
        as_of[k] = next_change[k];
        next_change[k] = kNa;
      }
      Pass later = Evaluate(policy, ev, n);
      std::vector<uint32_t> still;
      for (uint32_t k : pending) {
        if (later.status[k] == Status::kEligible) out.eligible_on[k] = as_of[k];
        else if (worth_trying(k)) still.push_back(k);
      }
      pending.swap(still);
    }
  }

  // Priority and rank (at the as-of date).
  ev.set_as_of(nullptr);
  ev.set_next_change(nullptr);
  out.rules = std::move(today.rules);
  out.eligibility = std::move(today.eligibility);
  out.status = std::move(today.status);
  ev.set_rules(&out.rules);
  RankPeople(policy, facts, ev, false, out);
  return out;
}

}  // namespace clemency
