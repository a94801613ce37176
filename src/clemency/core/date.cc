#include "clemency/core/date.h"


namespace clemency {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int year;
  int month;
  int day;
};

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Civil{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

Date Date::FromCivil(int year, int month, int day) {
  return Date(static_cast<int32_t>(DaysFromCivil(year, static_cast<unsigned>(month),
                                                 static_cast<unsigned>(day))));
}

int Date::year() const { return CivilFromDays(days_).year; }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }

Date Date::PlusMonths(int64_t n) const {
  const Civil c = CivilFromDays(days_);
  const int64_t total = int64_t{c.year} * 12 + (c.month - 1) + n;
  int64_t y = total / 12;
  int64_t m0 = total % 12;
  if (m0 < 0) {
    m0 += 12;
    y -= 1;
  }
  const int month = static_cast<int>(m0) + 1;
  const int year = static_cast<int>(y);
  if (c.day <= DaysInMonth(year, month)) return FromCivil(year, month, c.day);
  // The day does not exist in the target month: roll to the 1st of the next.
  return month == 12 ? FromCivil(year + 1, 1, 1) : FromCivil(year, month + 1, 1);
}

void AppendIsoDate(std::string& out, Date d) {
  if (d.missing()) return;
  const Civil c = CivilFromDays(d.days());
  const char b[10] = {static_cast<char>('0' + c.year / 1000 % 10), static_cast<char>('0' + c.year / 100 % 10),
                      static_cast<char>('0' + c.year / 10 % 10),   static_cast<char>('0' + c.year % 10),
                      '-',
                      static_cast<char>('0' + c.month / 10),       static_cast<char>('0' + c.month % 10),
                      '-',
                      static_cast<char>('0' + c.day / 10),         static_cast<char>('0' + c.day % 10)};
  out.append(b, 10);
}

std::string Date::ToString() const {
  std::string s;
  AppendIsoDate(s, *this);
  return s;
}

int64_t WholeMonthsBetween(Date start, Date on) {
  if (on < start) return -WholeMonthsBetween(on, start);
  const int64_t guess = (int64_t{on.year()} - start.year()) * 12 + (on.month() - start.month());
  // PlusMonths is monotone, so the answer is guess or guess - 1.
  for (int64_t m = guess; m >= guess - 1; --m) {
    if (start.PlusMonths(m) <= on) return m;
  }
  return guess - 2;  // unreachable for valid dates
}

int AgeOn(Date birth, Date on) {
  if (on < birth) return static_cast<int>(WholeMonthsBetween(birth, on) / 12);  // before birth: rare, exact path
  const Civil b = CivilFromDays(birth.days()), o = CivilFromDays(on.days());
  int age = o.year - b.year;
  // The birthday this year; a 29 February one falls on 1 March in a common year.
  int bm = b.month, bd = b.day;
  if (bm == 2 && bd == 29 && !IsLeapYear(o.year)) {
    bm = 3;
    bd = 1;
  }
  if (o.month < bm || (o.month == bm && o.day < bd)) --age;
  return age;
}

DateParseResult ParseDate(std::string_view t) {
  DateParseResult r;
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') {
    r.error = DateParseError::kFormat;
    return r;
  }
  auto digits = [&](size_t from, size_t n, int& out) {
    out = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) {
    r.error = DateParseError::kFormat;
    return r;
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    r.error = DateParseError::kNoSuchDate;
    return r;
  }
  r.date = Date::FromCivil(y, m, d);
  return r;
}

std::string_view DescribeDateParseError(DateParseError e) {
  switch (e) {
    case DateParseError::kNone: return "";
    case DateParseError::kFormat: return "expected a date as YYYY-MM-DD";
    case DateParseError::kNoSuchDate: return "no such date";
  }
  return "";
}

}  // namespace clemency
