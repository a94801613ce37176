#include "clemency/campaign/case_stages.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace clemency {
namespace {

constexpr std::array<std::string_view, 8> kStages = {"identified", "contacted",      "counsel_assigned", "petition_drafted",
                                                     "filed",      "hearing",        "decided",          "released"};
constexpr std::array<std::string_view, 3> kOutcomes = {"granted", "denied", "withdrawn"};
constexpr std::array<std::string_view, 10> kPositions = {"identified", "contacted", "counsel_assigned", "petition_drafted",
                                                        "filed",      "hearing",   "granted",          "denied",
                                                        "withdrawn",  "released"};

// Allowed moves: from a position to a stage; for decided, the outcomes allowed.
struct Move {
  std::string_view from, to, outcomes;
};
constexpr Move kMoves[] = {
    {"identified", "contacted", ""},
    {"identified", "counsel_assigned", ""},
    {"identified", "decided", "withdrawn"},
    {"contacted", "counsel_assigned", ""},
    {"contacted", "petition_drafted", ""},
    {"contacted", "decided", "withdrawn"},
    {"counsel_assigned", "petition_drafted", ""},
    {"counsel_assigned", "decided", "withdrawn"},
    {"petition_drafted", "filed", ""},
    {"petition_drafted", "decided", "withdrawn"},
    {"filed", "hearing", ""},
    {"filed", "decided", "granted denied withdrawn"},
    {"hearing", "decided", "granted denied withdrawn"},
    {"granted", "released", ""},
    {"denied", "petition_drafted", ""},  // a new application
    {"denied", "filed", ""},
    {"withdrawn", "contacted", ""},  // reopened
    {"withdrawn", "petition_drafted", ""},
};

std::string Allowed(std::string_view from) {
  std::string out;
  for (const Move& m : kMoves) {
    if (m.from != from) continue;
    if (!out.empty()) out += ", ";
    out += m.to;
    if (!m.outcomes.empty()) out += fmt::format(" (--outcome {})", m.outcomes == "withdrawn" ? "withdrawn" : "granted, denied or withdrawn");
  }
  return out.empty() ? "none (the case is closed)" : out;
}

bool HasWord(std::string_view words, std::string_view w) {
  size_t at = 0;
  while ((at = words.find(w, at)) != std::string_view::npos) {
    const size_t end = at + w.size();
    if ((at == 0 || words[at - 1] == ' ') && (end == words.size() || words[end] == ' ')) return true;
    at = end;
  }
  return false;
}

}  // namespace

std::span<const std::string_view> CaseStages() { return kStages; }
std::span<const std::string_view> CaseOutcomes() { return kOutcomes; }
std::span<const std::string_view> CasePositions() { return kPositions; }

bool IsCaseStage(std::string_view s) { return std::find(kStages.begin(), kStages.end(), s) != kStages.end(); }
bool IsCaseOutcome(std::string_view s) { return std::find(kOutcomes.begin(), kOutcomes.end(), s) != kOutcomes.end(); }

std::string_view CasePosition(std::string_view stage, std::string_view outcome) {
  return stage == "decided" ? outcome : stage;
}

std::string CheckCaseMove(std::string_view from, std::string_view to, std::string_view outcome) {
  if (!IsCaseStage(to))
    return fmt::format("stage \"{}\" is not one of: identified, contacted, counsel_assigned, petition_drafted, filed, "
                       "hearing, decided, released", to);
  if (to == "decided" && !IsCaseOutcome(outcome))
    return "decided needs --outcome granted, denied or withdrawn";
  if (to != "decided" && !outcome.empty()) return fmt::format("--outcome is only for decided, not {}", to);
  for (const Move& m : kMoves)
    if (m.from == from && m.to == to && (m.outcomes.empty() || HasWord(m.outcomes, outcome))) return "";
  const std::string target = to == "decided" ? fmt::format("decided ({})", outcome) : std::string(to);
  return fmt::format("a case at {} cannot move to {}; from {} it may move to: {}", from, target, from, Allowed(from));
}

}  // namespace clemency
