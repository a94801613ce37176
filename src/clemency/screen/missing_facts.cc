#include "clemency/screen/missing_facts.h"

#include <cmath>

#include "clemency/screen/fact_columns.h"

namespace clemency {

bool FactMissing(const FactTable& t, Fact fact, uint32_t row) {
  const FactColumn& c = ColumnOf(fact);
  switch (c.storage) {
    case Storage::kInt: return (t.*c.ints)[row] == kNa;
    case Storage::kBool: return (t.*c.bools)[row] == kUnknownBool;
    case Storage::kNumber:
    case Storage::kComputed: return std::isnan(NumberAt(t, c, row));
    case Storage::kSpan: return SpanEndAt(t, c.start, row) == kNa || SpanEndAt(t, c.end, row) == kNa;
    case Storage::kFlagMask: return t.flags_known[row] != kAllOffenseFlags;  // some flag unknown (a partial entry)
    case Storage::kAsOf:
    case Storage::kEnhancements: return false;
  }
  return false;
}

namespace {

std::string WithCode(const FactTable& t, Fact fact, uint32_t sentence) {
  return std::string(FactName(fact)) + "[" + std::string(t.strings.View(static_cast<StrId>(t.offense_code[sentence]))) + "]";
}

}  // namespace

void AppendMissingNames(const FactTable& t, Fact fact, uint32_t row, std::vector<std::string>& out) {
  if (fact == Fact::kSCategory || fact == Fact::kSFlags) {
    out.push_back(WithCode(t, fact, row));
    return;
  }
  if (fact == Fact::kMostSeriousCategory) {
    const size_t before = out.size();
    for (uint32_t s = t.sentence_begin[row]; s < t.sentence_begin[row + 1]; ++s)
      if (t.active[s] == kTrue && !t.in_catalog[s]) out.push_back(WithCode(t, fact, s));
    if (out.size() > before) return;
  }
  out.emplace_back(FactName(fact));
}

bool PersonLacks(const FactTable& t, Fact fact, uint32_t person) {
  if (InfoOf(fact).scope == Scope::kPerson) return FactMissing(t, fact, person);
  for (uint32_t s = t.sentence_begin[person]; s < t.sentence_begin[person + 1]; ++s)
    if (t.active[s] == kTrue && FactMissing(t, fact, s)) return true;
  return false;
}

}  // namespace clemency
