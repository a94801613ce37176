// Review triage: for every needs_review person, the unknown facts their status
// hinges on, i.e. facts whose values would decide them (issue 9).
//
// The walk follows Kleene logic over the per-node tri-state results: a node
// that is known contributes nothing; an unknown `and` has no false operand and
// an unknown `or` no true one, so it depends on its unknown operands only; an
// unknown any/all/count depends on the sentences whose condition is unknown;
// a reference to a rule follows that rule's expression; a fact that is missing
// for the person (or the sentence) is named (screen/missing_facts.h). The
// eligibility expression is walked when it is unknown, and every unknown
// exclusion (eligibility is then not false, or the person would not be
// needs_review). An unknown that no fact explains (a rule that is unknown by
// design, such as "not in the data unless checked elsewhere") is named as
// "RULE_ID (not in the data)". Only needs_review people are walked.
#ifndef CLEMENCY_SCREEN_REVIEW_TRIAGE_H_
#define CLEMENCY_SCREEN_REVIEW_TRIAGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clemency/policy/policy.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/screener.h"

namespace clemency {

struct ReviewTriage {
  // The distinct fact sets, each sorted, in order of first appearance over
  // people in table order.
  std::vector<std::vector<std::string>> sets;
  // Per person: index into sets; kNoIndex unless the person needs review.
  std::vector<uint32_t> set_of;

  // The person's facts; empty unless they need review.
  const std::vector<std::string>& FactsOf(uint32_t person) const;
  // The facts joined with `sep`: "infractions_5y;most_serious_category[IA:902.3]".
  std::string Joined(uint32_t person, std::string_view sep) const;
};

ReviewTriage TriageReview(const Policy& policy, const FactTable& facts, const Screening& screening);

// Groups of needs_review people by their fact set, largest first (ties by the
// facts), with how many people are in each.
struct TriageGroup {
  const std::vector<std::string>* facts;
  int64_t people;
};
std::vector<TriageGroup> TriageGroups(const ReviewTriage& triage);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_REVIEW_TRIAGE_H_
