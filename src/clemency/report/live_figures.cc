#include "clemency/report/live_figures.h"

#include <array>
#include <map>
#include <unordered_map>

#include "clemency/report/screening_outputs.h"

namespace clemency {
namespace {

using J = nlohmann::ordered_json;
using Counts = std::array<int64_t, 3>;  // by Status

J CountsJson(const Counts& n) { return {{"eligible", n[0]}, {"needs_review", n[1]}, {"not_eligible", n[2]}}; }

}  // namespace

LiveFigures::LiveFigures(const FactTable& f) {
  const size_t n = f.people();
  std::vector<std::vector<uint16_t>> codes;  // by grouping, by person
  // A grouping of string ids (kNa named `unknown_name`), coded densely by first appearance.
  auto by_string = [&](const char* key, const Cells<int64_t>& column, const char* unknown_name) {
    Grouping g{key, {}};
    std::vector<uint16_t> code(n);
    std::unordered_map<int64_t, uint16_t> index;
    for (size_t p = 0; p < n; ++p) {
      auto [it, added] = index.emplace(column[p], static_cast<uint16_t>(g.values.size()));
      if (added)
        g.values.push_back(column[p] == kNa ? unknown_name : std::string(f.strings.View(static_cast<StrId>(column[p]))));
      code[p] = it->second;
    }
    groupings_.push_back(std::move(g));
    codes.push_back(std::move(code));
  };
  by_string("by_race", f.race, "");
  by_string("by_sex", f.sex, "");
  Grouping age{"by_age_band", {}};
  std::vector<uint16_t> age_code(n);
  std::map<std::string, uint16_t> bands;
  for (uint32_t p = 0; p < n; ++p) {
    auto [it, added] = bands.emplace(SummaryAgeBand(f, p), static_cast<uint16_t>(age.values.size()));
    if (added) age.values.push_back(it->first);
    age_code[p] = it->second;
  }
  groupings_.push_back(std::move(age));
  codes.push_back(std::move(age_code));
  by_string("by_offense_category", f.most_serious_category, "unknown");
  by_string("by_jurisdiction", f.jurisdiction, "");
  // Cells: the distinct combinations of codes, numbered by first appearance.
  const size_t g_count = groupings_.size();
  std::map<std::vector<uint16_t>, uint32_t> cells;
  cell_.resize(n);
  std::vector<uint16_t> key(g_count);
  for (size_t p = 0; p < n; ++p) {
    for (size_t g = 0; g < g_count; ++g) key[g] = codes[g][p];
    auto [it, added] = cells.emplace(key, static_cast<uint32_t>(cells.size()));
    if (added) cell_codes_.insert(cell_codes_.end(), key.begin(), key.end());
    cell_[p] = it->second;
  }
}

J LiveFigures::Of(const Policy& policy, const Screening& s, const ReviewTriage* triage) const {
  std::vector<size_t> group_rules;
  for (size_t r = 0; r < policy.rules.size(); ++r)
    if (policy.rules[r].kind == RuleKind::kGroup && group_rules.size() < 16) group_rules.push_back(r);
  const size_t masks = size_t{1} << group_rules.size();
  // One pass: people by (cell, status) and by (groups met, status).
  std::vector<int64_t> by_cell(cell_codes_.size() / std::max<size_t>(1, groupings_.size()) * 3, 0);
  std::vector<int64_t> by_mask(masks * 3, 0);
  std::vector<const uint8_t*> met_of;
  for (size_t r : group_rules) met_of.push_back(s.rules[r].ob.data());
  const Status* status = s.status.data();
  for (size_t p = 0; p < s.status.size(); ++p) {
    const auto st = static_cast<size_t>(status[p]);
    ++by_cell[cell_[p] * 3 + st];
    uint32_t met = 0;
    for (size_t i = 0; i < met_of.size(); ++i) met |= static_cast<uint32_t>(met_of[i][p] == kTrue) << i;
    ++by_mask[met * 3 + st];
  }
  Counts all{};
  std::vector<Counts> groups(group_rules.size(), Counts{});
  std::map<std::string, int64_t> combos;  // eligible people by the groups met, named as summary.json names them
  for (size_t m = 0; m < masks; ++m) {
    std::string name;
    for (size_t i = 0; i < group_rules.size(); ++i) {
      if (!(m & (size_t{1} << i))) continue;
      name += (name.empty() ? "" : "+") + policy.rules[group_rules[i]].id;
      for (size_t st = 0; st < 3; ++st) groups[i][st] += by_mask[m * 3 + st];
    }
    for (size_t st = 0; st < 3; ++st) all[st] += by_mask[m * 3 + st];
    if (by_mask[m * 3] > 0) combos[name.empty() ? "(none)" : name] += by_mask[m * 3];
  }
  J out;
  out["counts"] = CountsJson(all);
  out["counts"]["people"] = s.status.size();
  out["groups"] = J::object();
  for (size_t i = 0; i < group_rules.size(); ++i) out["groups"][policy.rules[group_rules[i]].id] = CountsJson(groups[i]);
  out["eligible_by_group_combination"] = J::object();
  for (const auto& [name, people] : combos) out["eligible_by_group_combination"][name] = people;
  const size_t g_count = groupings_.size();
  for (size_t g = 0; g < g_count; ++g) {
    std::vector<Counts> by_value(groupings_[g].values.size(), Counts{});
    for (size_t c = 0; c * 3 < by_cell.size(); ++c)
      for (size_t st = 0; st < 3; ++st) by_value[cell_codes_[c * g_count + g]][st] += by_cell[c * 3 + st];
    std::map<std::string, Counts> named;  // values in byte order, as summary.json
    for (size_t v = 0; v < by_value.size(); ++v) named[groupings_[g].values[v]] = by_value[v];
    J j = J::object();
    for (const auto& [value, counts] : named) j[value] = CountsJson(counts);
    out[groupings_[g].key] = j;
  }
  if (triage != nullptr) out["review_triage"] = TriageJson(*triage, all[1]);
  return out;
}

J LiveFigures::TriageJson(const ReviewTriage& triage, int64_t needs_review) {
  J groups = J::array();
  for (const TriageGroup& t : TriageGroups(triage)) groups.push_back({{"facts", *t.facts}, {"people", t.people}});
  return {{"needs_review", needs_review}, {"groups", groups}};
}

}  // namespace clemency
