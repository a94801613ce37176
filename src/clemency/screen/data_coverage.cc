#include "clemency/screen/data_coverage.h"

#include <algorithm>
#include <map>

#include "clemency/screen/missing_facts.h"

namespace clemency {

std::string_view TriageFactBase(std::string_view name) { return name.substr(0, name.find('[')); }

namespace {

// current_law.* and s.current_law.*: unknown when no reforms are encoded.
bool IsCurrentLawFact(Fact f) {
  const std::string_view name = FactName(f);
  return name.starts_with("current_law.") || name.starts_with("s.current_law.");
}

std::vector<Fact> FactsRead(const Policy& policy) {
  std::vector<Fact> out;
  auto add = [&](const PolicyRule& r) {
    for (Fact f : r.facts_used)
      if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  };
  for (const PolicyRule& r : policy.rules) add(r);
  add(policy.eligibility);
  add(policy.priority);
  return out;
}

}  // namespace

std::vector<CoverageEntry> DataCoverage(const Policy& policy, const FactTable& facts, const ReviewTriage& triage) {
  const size_t n = facts.people();
  // Jurisdictions as dense indexes.
  std::map<int64_t, size_t> jur_index;
  for (uint32_t p = 0; p < n; ++p) jur_index.emplace(facts.jurisdiction[p], 0);
  std::vector<std::string> jur_names;
  for (auto& [id, i] : jur_index) {
    i = jur_names.size();
    jur_names.emplace_back(id == kNa ? "unknown" : facts.strings.View(static_cast<StrId>(id)));
  }
  std::vector<size_t> jur_of(n);
  std::vector<int64_t> people(jur_names.size(), 0);
  for (uint32_t p = 0; p < n; ++p) ++people[jur_of[p] = jur_index[facts.jurisdiction[p]]];

  const int64_t remedy_unknown = facts.StringId("unknown");
  std::vector<CoverageEntry> out;
  for (Fact fact : FactsRead(policy)) {
    std::vector<int64_t> unencoded(jur_names.size(), 0);
    const std::string name(FactName(fact));
    // Which triage sets name this fact, and whether alone.
    std::vector<uint8_t> in_set(triage.sets.size(), 0);  // 0 no, 1 with others, 2 alone
    for (size_t i = 0; i < triage.sets.size(); ++i) {
      bool named = false, only = true;
      for (const std::string& f : triage.sets[i]) {
        if (TriageFactBase(f) == name) named = true;
        else only = false;
      }
      in_set[i] = named ? (only ? 2 : 1) : 0;
    }
    std::vector<CoverageEntry> row(jur_names.size());
    for (uint32_t p = 0; p < n; ++p) {
      CoverageEntry& e = row[jur_of[p]];
      if (PersonLacks(facts, fact, p)) {
        ++e.missing;
        if (IsCurrentLawFact(fact) && facts.current_law_remedy[p] == remedy_unknown) ++unencoded[jur_of[p]];
      }
      const uint32_t set = triage.set_of.empty() ? kNoIndex : triage.set_of[p];
      if (set != kNoIndex && in_set[set] > 0) {
        ++e.needs_review;
        if (in_set[set] == 2) ++e.needs_review_only;
      }
    }
    for (size_t j = 0; j < row.size(); ++j) {
      if (row[j].missing == 0) continue;
      row[j].fact = name;
      row[j].jurisdiction = jur_names[j];
      row[j].people = people[j];
      row[j].no_reforms_encoded = unencoded[j] == row[j].missing;
      out.push_back(std::move(row[j]));
    }
  }
  std::sort(out.begin(), out.end(), [](const CoverageEntry& a, const CoverageEntry& b) {
    return a.fact != b.fact ? a.fact < b.fact : a.jurisdiction < b.jurisdiction;
  });
  return out;
}

}  // namespace clemency
