#include "clemency/screen/review_triage.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "clemency/screen/evaluator.h"
#include "clemency/screen/missing_facts.h"

namespace clemency {
namespace {

// Walks the expressions of one policy, person by person; each node is
// evaluated over everyone once, on first need, and kept.
class TriageWalker {
 public:
  TriageWalker(const Policy& policy, const FactTable& facts, const Screening& screening)
      : policy_(policy), f_(facts), s_(screening), ev_(facts) {
    ev_.set_params(&screening.params);
    ev_.set_rules(&screening.rules);
  }

  // The facts the person's status hinges on, sorted and unique.
  std::vector<std::string> Person(uint32_t p) {
    std::vector<std::string> out;
    if (s_.eligibility[p] == kUnknownBool) WalkRule(policy_.eligibility, p, out);
    for (size_t r = 0; r < policy_.rules.size(); ++r)
      if (policy_.rules[r].kind == RuleKind::kExclusion && s_.rules[r].ob[p] == kUnknownBool)
        WalkRule(policy_.rules[r], p, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  void WalkRule(const PolicyRule& rule, uint32_t p, std::vector<std::string>& out) {
    const size_t before = out.size();
    Walk(*rule.expr, p, Scope::kPerson, out);
    if (out.size() == before) out.push_back(rule.id + " (not in the data)");
  }

  const Column& Col(const TypedExpr& e) {
    auto it = cache_.find(&e);
    if (it == cache_.end()) it = cache_.emplace(&e, ev_.Eval(e)).first;
    return it->second;
  }

  bool Known(const TypedExpr& e, uint32_t row) {
    const Column& c = Col(e);
    switch (c.type) {
      case ValueType::kBool: return c.b[row] != kUnknownBool;
      case ValueType::kNumber: return !std::isnan(c.d[row]);
      case ValueType::kSpan: return c.i[row] != kNa && c.j[row] != kNa;
      case ValueType::kDuration:
        if (c.is_const) return !c.constant.unknown;
        return c.i[row] != kNa;
      case ValueType::kFlagSet:
      case ValueType::kList: return true;
      default: return c.i[row] != kNa;
    }
  }

  void Walk(const TypedExpr& e, uint32_t row, Scope at, std::vector<std::string>& out) {
    if (e.scope == Scope::kPerson && at == Scope::kSentence) {
      row = f_.sentence_person[row];
      at = Scope::kPerson;
    }
    switch (e.op) {
      case Op::kConst:
      case Op::kParam: return;
      case Op::kFact:
        if (FactMissing(f_, e.fact, row)) AppendMissingNames(f_, e.fact, row, out);
        return;
      case Op::kRef:
        if (s_.rules[static_cast<size_t>(e.ref)].ob[row] == kUnknownBool)
          WalkRule(policy_.rules[static_cast<size_t>(e.ref)], row, out);
        return;
      default: break;
    }
    if (Known(e, row)) return;
    switch (e.op) {
      case Op::kAny: case Op::kAll: case Op::kCount: case Op::kAggMax: case Op::kAggMin: case Op::kAggSum:
        for (uint32_t s = f_.sentence_begin[row]; s < f_.sentence_begin[row + 1]; ++s)
          Walk(*e.args[0], s, Scope::kSentence, out);
        return;
      default:
        for (const auto& a : e.args) Walk(*a, row, at, out);
    }
  }

  const Policy& policy_;
  const FactTable& f_;
  const Screening& s_;
  Evaluator ev_;
  std::map<const TypedExpr*, Column> cache_;
};

const std::vector<std::string> kNone;

}  // namespace

const std::vector<std::string>& ReviewTriage::FactsOf(uint32_t person) const {
  return set_of.empty() || set_of[person] == kNoIndex ? kNone : sets[set_of[person]];
}

std::string ReviewTriage::Joined(uint32_t person, std::string_view sep) const {
  std::string out;
  for (const std::string& f : FactsOf(person)) {
    if (!out.empty()) out += sep;
    out += f;
  }
  return out;
}

ReviewTriage TriageReview(const Policy& policy, const FactTable& facts, const Screening& screening) {
  ReviewTriage t;
  const size_t n = facts.people();
  t.set_of.assign(n, kNoIndex);
  std::unique_ptr<TriageWalker> walker;  // built on the first needs_review person
  std::map<std::vector<std::string>, uint32_t> index;
  for (uint32_t p = 0; p < n; ++p) {
    if (screening.status[p] != Status::kNeedsReview) continue;
    if (!walker) walker = std::make_unique<TriageWalker>(policy, facts, screening);
    std::vector<std::string> set = walker->Person(p);
    auto [it, added] = index.emplace(std::move(set), static_cast<uint32_t>(t.sets.size()));
    if (added) t.sets.push_back(it->first);
    t.set_of[p] = it->second;
  }
  return t;
}

std::vector<TriageGroup> TriageGroups(const ReviewTriage& triage) {
  std::vector<int64_t> count(triage.sets.size(), 0);
  for (uint32_t i : triage.set_of)
    if (i != kNoIndex) ++count[i];
  std::vector<TriageGroup> groups;
  for (size_t i = 0; i < triage.sets.size(); ++i) groups.push_back({&triage.sets[i], count[i]});
  std::sort(groups.begin(), groups.end(), [](const TriageGroup& a, const TriageGroup& b) {
    return a.people != b.people ? a.people > b.people : *a.facts < *b.facts;
  });
  return groups;
}

}  // namespace clemency
