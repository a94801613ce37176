// Spreadsheet dates: a day number counted from the workbook's epoch. In the
// 1900 date system (the default) day 1 is 1900-01-01 and day 60 is the
// 29 February 1900 that Lotus 1-2-3 invented and Excel kept, so from day 61 on
// day N is 1899-12-30 + N (45000 is 2023-03-15); in the 1904 system day 0 is
// 1904-01-01. A fraction is the time of day and is dropped.
#ifndef CLEMENCY_IO_EXCEL_DATE_H_
#define CLEMENCY_IO_EXCEL_DATE_H_

#include <string_view>

#include "clemency/core/date.h"

namespace clemency {

// The date of a day number written as text ("45000", "45000.5"); kFormat when
// it is not a number, kNoSuchDate for day 60 of the 1900 system and for numbers
// outside 1 .. 2958465 (9999-12-31).
DateParseResult ParseExcelSerial(std::string_view text, bool date1904 = false);

}  // namespace clemency

#endif  // CLEMENCY_IO_EXCEL_DATE_H_
