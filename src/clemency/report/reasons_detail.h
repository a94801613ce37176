// How much of the law a line of reasons carries.
#ifndef CLEMENCY_REPORT_REASONS_DETAIL_H_
#define CLEMENCY_REPORT_REASONS_DETAIL_H_

namespace clemency {

// How much of the rules and reforms a person's object repeats: kCompact (the
// lines of reasons.jsonl: rule id, result and the facts used; the reforms
// applied by id, with their range, remedy and the notes this person's data
// raised; texts, citations, parameters and each reform's own assumptions,
// dependencies and window are in policy.json once) or kFull (`explain --json`: each rule's
// kind, text, citation and parameters, each reform's title, citation, effect
// and remedy text, and every note).
enum class ReasonsDetail { kCompact, kFull };

}  // namespace clemency

#endif  // CLEMENCY_REPORT_REASONS_DETAIL_H_
