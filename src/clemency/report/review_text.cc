#include "clemency/report/review_text.h"

#include <fmt/format.h>

namespace clemency {

std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

namespace {

// Why a fact is unknown, when it is for a whole jurisdiction: "absent from
// the data", "no reforms encoded"; empty otherwise.
std::string_view WhyUnknown(std::string_view fact, const std::vector<CoverageEntry>& coverage) {
  for (const CoverageEntry& e : coverage)
    if (e.fact == TriageFactBase(fact) && e.absent()) return e.no_reforms_encoded ? "no reforms encoded" : "absent from the data";
  return "";
}

}  // namespace

std::string TriageGroupText(const TriageGroup& group, const std::vector<CoverageEntry>& coverage) {
  const std::vector<std::string>& facts = *group.facts;
  if (facts.size() == 1) {
    const std::string_view why = WhyUnknown(facts[0], coverage);
    return fmt::format("{} undecided only because {} is {}", Thousands(group.people), facts[0],
                       why.empty() ? "unknown" : why == "absent from the data" ? why : "unknown: no reforms encoded");
  }
  std::string list;
  for (size_t i = 0; i < facts.size(); ++i) {
    if (i > 0) list += i + 1 == facts.size() ? " and " : ", ";
    list += facts[i];
    const std::string_view why = WhyUnknown(facts[i], coverage);
    if (!why.empty()) list += fmt::format(" ({})", why);
  }
  return fmt::format("{} undecided because {} are unknown", Thousands(group.people), list);
}

std::string CoverageText(const CoverageEntry& e) {
  const std::string hang =
      e.needs_review == 0 ? "no needs_review decision hangs on it"
                          : fmt::format("{} needs_review decision{} hang{} on it, {} on it alone", Thousands(e.needs_review),
                                        e.needs_review == 1 ? "" : "s", e.needs_review == 1 ? "s" : "",
                                        Thousands(e.needs_review_only));
  if (e.absent() && e.no_reforms_encoded)
    return fmt::format("{} is unknown for all {} people of {}: no sentencing reforms are encoded for {} "
                       "(rules/reforms/{}.toml): {}",
                       e.fact, Thousands(e.people), e.jurisdiction, e.jurisdiction, e.jurisdiction, hang);
  if (e.absent())
    return fmt::format("{} is absent from the data for {} (all {} people): {}", e.fact, e.jurisdiction,
                       Thousands(e.people), hang);
  return fmt::format("{} is missing for {} of {} people in {}: {}", e.fact, Thousands(e.missing), Thousands(e.people),
                     e.jurisdiction, hang);
}

}  // namespace clemency
