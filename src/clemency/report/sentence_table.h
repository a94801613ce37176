// The opening of `clemency explain`: the person's sentences as a lawyer reads
// them. For each: the code as written and how the catalog resolved it
// (law/offense_resolver.h), the description, category and flags (with the
// ones the resolution leaves unknown), type, term and status.
#ifndef CLEMENCY_REPORT_SENTENCE_TABLE_H_
#define CLEMENCY_REPORT_SENTENCE_TABLE_H_

#include <cstdint>
#include <string>

#include "clemency/screen/fact_table.h"

namespace clemency {

std::string PersonSentencesText(const FactTable& facts, uint32_t person);

// The description of a sentence's offense: as the agency wrote it, else the
// catalog title of what it resolved to, else "".
std::string OffenseDescription(const FactTable& facts, uint32_t sentence);

// The person's most serious active sentence (by category, kSeverityOrder;
// the longest term among equals, then the first), or kNoIndex.
uint32_t MostSeriousActiveSentence(const FactTable& facts, uint32_t person);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_SENTENCE_TABLE_H_
