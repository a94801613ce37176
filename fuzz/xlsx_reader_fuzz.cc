// Fuzzes the .xlsx reader (io/xlsx_reader.h) with arbitrary bytes as a
// workbook. Beyond not crashing under ASan/UBSan: a failed open gives a
// message; rows come in with line numbers from 1 to 1,048,576, never more than
// 16,384 fields, and raw is never empty for a row that has a non-empty field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "clemency/io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string error;
  auto r =
      clemency::XlsxReader::FromMemory(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xlsx", "", &error);
  if (!r) {
    if (error.empty()) std::abort();
    return 0;
  }
  clemency::CsvRecord rec;
  while (r->Next(rec)) {
    if (rec.line < 1 || rec.line > 1048576 || rec.fields.size() > 16384) std::abort();
    bool any = false;
    for (std::string_view f : rec.fields) any = any || !f.empty();
    if (!any || rec.raw.empty()) std::abort();  // blank rows are skipped
  }
  return 0;
}
