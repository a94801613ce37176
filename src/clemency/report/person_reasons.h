// Why a person got their result: every rule with its result, the values it
// used, its text and citation (DESIGN.md section 5, reasons.jsonl), as one
// JSON object, as plain text for `clemency explain`, and as a one-line
// plain-language reason for candidates.xlsx.
#ifndef CLEMENCY_REPORT_PERSON_REASONS_H_
#define CLEMENCY_REPORT_PERSON_REASONS_H_

#include <string>
#include <vector>

#include "clemency/policy/policy.h"
#include "clemency/report/reasons_detail.h"
#include "clemency/screen/assumptions.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/review_triage.h"
#include "clemency/screen/screener.h"

namespace clemency {

// What reasons are written from. Rule texts and expressions show parameter
// values, not parameter names (report/param_text.h). With a triage, a
// needs_review person's reasons name the facts that would decide them; with
// assumptions, every value an assumption filled is marked "(assumed: --assume)".
struct ScreenContext {
  const Policy& policy;
  const FactTable& facts;
  const Screening& screening;
  const ReviewTriage* triage = nullptr;
  const std::vector<Assumption>* assumptions = nullptr;
};

// The mark after a value that --assume filled.
inline constexpr std::string_view kAssumedMark = " (assumed: --assume)";

// Writes reasons.jsonl lines; the parts that are the same for everyone (rule
// ids, texts, citations, parameter values) are encoded once.
class ReasonsWriter {
 public:
  explicit ReasonsWriter(const ScreenContext& c, ReasonsDetail detail = ReasonsDetail::kCompact);
  // Appends one line of reasons.jsonl (no trailing newline).
  void Append(std::string& out, uint32_t person) const;

 private:
  struct RuleText {
    std::string head;                    // {"id":..,"kind":..,"result":"
    std::vector<std::string> fact_keys;  // JSON-quoted fact names
    std::string params;                  // "params.x":"v",...
    std::string tail;                    // },"text":..,"citation":..}
  };
  void AppendReview(std::string& out, uint32_t person) const;
  const ScreenContext& c_;
  ReasonsDetail detail_;
  std::vector<RuleText> rules_;
  std::string head_;
};

// One person's object in full (`explain --json`; no trailing newline).
std::string PersonReasonsJson(const ScreenContext& c, uint32_t person);
// A readable account for `clemency explain`.
std::string PersonExplanation(const ScreenContext& c, uint32_t person);
// One sentence for a lawyer: why eligible, what needs review.
std::string PlainReason(const ScreenContext& c, uint32_t person);

// ";"-joined ids of the groups met / the exclusions that apply.
std::string GroupsMet(const ScreenContext& c, uint32_t person);
std::string ExcludedBy(const ScreenContext& c, uint32_t person);

// A fact's value for a person as reasons show it ("unknown" when missing);
// a sentence fact gives one value per sentence, "; "-separated.
std::string FactText(const FactTable& facts, Fact fact, uint32_t person);

// Values as shown to people: a span as "56 years 10 months (1968-02-29 to 2025-01-01)".
std::string DescribeSpan(int64_t from, int64_t to);
std::string DescribeDays(int64_t days);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_PERSON_REASONS_H_
