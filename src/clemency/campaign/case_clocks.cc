#include "clemency/campaign/case_clocks.h"

#include <algorithm>

namespace clemency {
namespace {

std::string StateOf(const LegalClock& c, Date runs_out, Date as_of) {
  if (c.kind == "deadline") return runs_out < as_of ? "overdue" : "due";
  return as_of < runs_out ? "running" : "ended";
}

}  // namespace

std::optional<CaseClocks> CaseClocks::Load(const std::set<std::string>& jurisdictions, std::string* error,
                                           const std::string& rules_dir) {
  CaseClocks out;
  for (const std::string& j : jurisdictions) {
    std::optional<LegalClockSet> set = LegalClockSet::LoadJurisdiction(j, error, rules_dir);
    if (!set) return std::nullopt;
    if (!set->clocks().empty()) out.by_jurisdiction_.emplace(j, std::move(*set));
  }
  return out;
}

CaseClocks CaseClocks::Of(std::vector<LegalClockSet> sets) {
  CaseClocks out;
  for (LegalClockSet& s : sets) {
    std::string j = s.jurisdiction();
    out.by_jurisdiction_.emplace(std::move(j), std::move(s));
  }
  return out;
}

std::vector<RunningClock> CaseClocks::For(const std::string& jurisdiction, const std::string& position, Date since,
                                          Date as_of) const {
  std::vector<RunningClock> out;
  const auto it = by_jurisdiction_.find(jurisdiction);
  if (it == by_jurisdiction_.end() || since.missing()) return out;
  for (const LegalClock& c : it->second.clocks()) {
    if (c.starts_at != position || c.applies_to == "pardon") continue;
    const Date runs_out = c.RunsOut(since);
    out.push_back({&c, since, runs_out, StateOf(c, runs_out, as_of)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RunningClock& a, const RunningClock& b) { return a.runs_out < b.runs_out; });
  return out;
}

std::vector<const LegalClockSet*> CaseClocks::sets() const {
  std::vector<const LegalClockSet*> out;
  for (const auto& [j, s] : by_jurisdiction_) out.push_back(&s);
  return out;
}

const RunningClock* NextDue(const std::vector<RunningClock>& clocks) {
  for (const RunningClock& c : clocks)
    if (!c.ended()) return &c;
  return nullptr;
}

}  // namespace clemency
