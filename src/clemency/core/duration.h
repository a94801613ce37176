// A calendar duration: whole months (years are 12 months) plus days.
// Date + CalendarDuration adds the months first, by Date::PlusMonths's rule
// (a day missing from the target month rolls to the 1st of the next), then the
// days. "10 years" served since admission is complete on admission + 10 years.
#ifndef CLEMENCY_CORE_DURATION_H_
#define CLEMENCY_CORE_DURATION_H_

#include <cstdint>

#include "clemency/core/date.h"

namespace clemency {

struct CalendarDuration {
  int64_t months = 0;
  int64_t days = 0;

  static constexpr CalendarDuration Years(int64_t n) { return {12 * n, 0}; }
  static constexpr CalendarDuration Months(int64_t n) { return {n, 0}; }
  static constexpr CalendarDuration Days(int64_t n) { return {0, n}; }

  friend constexpr bool operator==(CalendarDuration, CalendarDuration) = default;
};

inline Date operator+(Date d, CalendarDuration x) { return d.PlusMonths(x.months).PlusDays(x.days); }

// Whether the interval [start, on] covers at least x: on >= start + x.
inline bool HasElapsed(Date start, Date on, CalendarDuration x) { return on >= start + x; }

}  // namespace clemency

#endif  // CLEMENCY_CORE_DURATION_H_
