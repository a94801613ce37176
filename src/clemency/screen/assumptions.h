// --assume FACT=VALUE: a value for a person-level input fact
// (policy/assumable_facts.h), filled into the FactTable wherever the data
// lacks it, never over an existing value, for one run. Which people it filled
// is kept, so that every reason that shows the value can mark it as assumed.
#ifndef CLEMENCY_SCREEN_ASSUMPTIONS_H_
#define CLEMENCY_SCREEN_ASSUMPTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/policy/assumable_facts.h"
#include "clemency/screen/fact_table.h"

namespace clemency {

struct Assumption {
  const AssumableFact* fact = nullptr;
  Value value;
  std::string text;              // the value as given: "0"
  int64_t filled = 0;            // people whose missing value it filled
  std::vector<uint8_t> applied;  // per person: 1 where it filled the value
};

// Parses "FACT=VALUE". False with *error: a usage error naming the facts that
// may be assumed, or the values the fact takes.
bool ParseAssumption(std::string_view arg, Assumption* out, std::string* error);

// Fills the fact's missing values in the table and records where.
void ApplyAssumption(FactTable& table, Assumption& a);

// Whether `fact` of `person` holds an assumed value (assumptions may be null).
bool IsAssumed(const std::vector<Assumption>* assumptions, Fact fact, uint32_t person);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_ASSUMPTIONS_H_
