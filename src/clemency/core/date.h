// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
//
// Parsing is strict: exactly YYYY-MM-DD, years 0001-9999, and the day must exist
// ("2021-02-29" and "2021-13-01" are rejected with a reason).
//
// Calendar arithmetic follows one rule everywhere: adding N months or years
// lands on the same day-of-month; when that day does not exist in the target
// month (31 April, 29 February in a common year) the result is the first day of
// the following month. An interval is therefore never complete earlier than the
// calendar allows, and a 29 February birthday ages on 1 March in common years:
// AgeOn(birth, d) >= n exactly when d >= birth.PlusYears(n).
#ifndef CLEMENCY_CORE_DATE_H_
#define CLEMENCY_CORE_DATE_H_

#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace clemency {

class Date {
 public:
  // The missing date; compares below every real date.
  constexpr Date() : days_(kMissingDays) {}
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  static Date FromCivil(int year, int month, int day);  // caller guarantees validity

  bool missing() const { return days_ == kMissingDays; }
  int32_t days() const { return days_; }

  int year() const;
  int month() const;  // 1-12
  int day() const;    // 1-31

  Date PlusDays(int64_t n) const { return Date(static_cast<int32_t>(days_ + n)); }
  Date PlusMonths(int64_t n) const;
  Date PlusYears(int64_t n) const { return PlusMonths(12 * n); }

  std::string ToString() const;  // "YYYY-MM-DD", or "" when missing

  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  static constexpr int32_t kMissingDays = std::numeric_limits<int32_t>::min();
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_;
};

// Appends "YYYY-MM-DD" (nothing when d is missing); fast, for bulk output.
void AppendIsoDate(std::string& out, Date d);

// Days from a to b (negative when b is earlier). Both must be present.
inline int64_t DaysBetween(Date a, Date b) { return int64_t{b.days()} - a.days(); }

// Whole calendar years from birth to on (see the rule in the file comment).
int AgeOn(Date birth, Date on);

// Whole calendar months from start to on, by the same rule.
int64_t WholeMonthsBetween(Date start, Date on);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

enum class DateParseError { kNone, kFormat, kNoSuchDate };

struct DateParseResult {
  Date date;
  DateParseError error = DateParseError::kNone;
  bool ok() const { return error == DateParseError::kNone; }
};

// Strict YYYY-MM-DD.
DateParseResult ParseDate(std::string_view text);

// "no such date" or "expected a date as YYYY-MM-DD".
std::string_view DescribeDateParseError(DateParseError e);

}  // namespace clemency

#endif  // CLEMENCY_CORE_DATE_H_
