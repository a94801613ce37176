// The stages a clemency case passes through, and the moves allowed between
// them: one table (case_stages.cc). A case's position is its current stage,
// or for `decided` its outcome (granted, denied, withdrawn); legal clocks
// start at a position too (law/legal_clocks.h).
//   identified -> contacted -> counsel_assigned -> petition_drafted -> filed
//   -> hearing -> decided (granted | denied | withdrawn) -> released (granted)
// A case may be withdrawn before a decision, a denied case may apply again
// (petition_drafted or filed), and a withdrawn one may be reopened.
#ifndef CLEMENCY_CAMPAIGN_CASE_STAGES_H_
#define CLEMENCY_CAMPAIGN_CASE_STAGES_H_

#include <span>
#include <string>
#include <string_view>

namespace clemency {

// In order: identified ... released.
std::span<const std::string_view> CaseStages();
// granted, denied, withdrawn.
std::span<const std::string_view> CaseOutcomes();
// Every stage but decided, and every outcome: what a clock may start at.
std::span<const std::string_view> CasePositions();

bool IsCaseStage(std::string_view s);
bool IsCaseOutcome(std::string_view s);
// The outcome for decided, else the stage.
std::string_view CasePosition(std::string_view stage, std::string_view outcome);

// "" when a case at position `from` may move to stage `to` with `outcome`
// ("" unless to is decided); else why not, with the moves that are allowed.
std::string CheckCaseMove(std::string_view from, std::string_view to, std::string_view outcome);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_STAGES_H_
