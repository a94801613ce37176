// How each kind of value spells "unknown": one value per type, everywhere.
//   an int32 cell of a Population (days, counts)   kMissingInt (core/population.h)
//   a yes/no cell of a Population                  kUnknownFlag (core/population.h)
//   a string                                       kNoStr (core/string_pool.h)
//   a date                                         Date() (missing(), core/date.h)
//   a 64-bit value: a day count, a term, a date in
//     days or a string id, in law and screen       kUnknown64 (here); the law
//     layer names it kUnknownTerm, the fact table kNa
//   a number                                       NaN
// kUnknown64 is below every real value, so "the largest of" needs no special
// case, and arithmetic on it overflows (which UBSan reports) instead of
// giving a plausible wrong number: check for it first.
#ifndef CLEMENCY_CORE_UNKNOWN_H_
#define CLEMENCY_CORE_UNKNOWN_H_

#include <cstdint>
#include <limits>

namespace clemency {

inline constexpr int64_t kUnknown64 = std::numeric_limits<int64_t>::min();

}  // namespace clemency

#endif  // CLEMENCY_CORE_UNKNOWN_H_
