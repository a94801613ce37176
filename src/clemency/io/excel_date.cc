#include "clemency/io/excel_date.h"

#include <charconv>
#include <cmath>

namespace clemency {

DateParseResult ParseExcelSerial(std::string_view text, bool date1904) {
  DateParseResult r;
  double serial = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(serial)) {
    r.error = DateParseError::kFormat;
    return r;
  }
  const double day = std::floor(serial);
  constexpr double kLast = 2958465;  // 9999-12-31 in the 1900 system
  if (day < (date1904 ? 0 : 1) || day > (date1904 ? kLast - 1462 : kLast) || (!date1904 && day == 60)) {
    r.error = DateParseError::kNoSuchDate;
    return r;
  }
  const auto n = static_cast<int64_t>(day);
  if (date1904)
    r.date = Date::FromCivil(1904, 1, 1).PlusDays(n);
  else
    r.date = Date::FromCivil(1899, 12, n < 60 ? 31 : 30).PlusDays(n);
  return r;
}

}  // namespace clemency
