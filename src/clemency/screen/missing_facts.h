// Which values of a FactTable are missing (unknown), and the names under
// which review triage and data coverage report them. A derived fact is named
// as itself (most_serious_category, served_fraction); a fact that comes from
// the offense catalog names the offense code whose entry is missing:
// s.flags[IA:707.3], most_serious_category[IA:902.3].
#ifndef CLEMENCY_SCREEN_MISSING_FACTS_H_
#define CLEMENCY_SCREEN_MISSING_FACTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "clemency/policy/facts.h"
#include "clemency/screen/fact_table.h"

namespace clemency {

// Whether the fact is missing at `row`: a person for person facts, a sentence
// for sentence facts. Missing is unknown, read from the fact's entry in
// screen/fact_columns.h; s.flags is missing when any flag is unknown; as_of
// and s.enhancements never are.
bool FactMissing(const FactTable& t, Fact fact, uint32_t row);

// Appends the names of a missing fact at `row` (see above): one name, or for
// most_serious_category one per active sentence whose code is not in the catalog.
void AppendMissingNames(const FactTable& t, Fact fact, uint32_t row, std::vector<std::string>& out);

// Whether a person lacks the fact: a person fact is missing, or a sentence
// fact is missing on one of their active sentences.
bool PersonLacks(const FactTable& t, Fact fact, uint32_t person);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_MISSING_FACTS_H_
