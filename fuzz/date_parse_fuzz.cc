// Fuzzes ParseDate: no crash, and every accepted date prints back to the
// exact input (the parser is strict, so the round trip is the identity).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clemency/core/date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const clemency::DateParseResult r = clemency::ParseDate(input);
  if (r.ok() && r.date.ToString() != input) std::abort();
  if (r.ok() && clemency::AgeOn(r.date, r.date.PlusYears(55)) != 55) std::abort();
  return 0;
}
