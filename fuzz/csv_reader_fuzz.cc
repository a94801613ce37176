// Fuzzes CsvReader with arbitrary bytes. Beyond not crashing, it checks a
// round trip: every record read without error, written back with CsvWriter's
// quoting and read again (after the file's first record, rewritten the same
// way: the stray-quote check weighs lines against the header row), gives the
// same fields; line numbers never decrease.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/io/csv_reader.h"
#include "clemency/io/csv_writer.h"

using clemency::CsvReader;
using clemency::CsvRecord;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto reader = CsvReader::FromString(input);
  CsvRecord rec;
  uint64_t last_line = 0;
  bool first = true;
  std::string header;  // the first record rewritten, when it was read without error
  while (reader->Next(rec)) {
    const bool is_first = first;
    first = false;
    if (rec.line < last_line) std::abort();
    last_line = rec.line;
    if (!rec.ok()) {
      if (rec.error_column == 0 || rec.error_line < rec.line) std::abort();
      continue;
    }
    // A record of one empty field is written as a blank line, which is skipped.
    if (rec.fields.size() == 1 && rec.fields[0].empty()) continue;
    std::string line;
    for (size_t i = 0; i < rec.fields.size(); ++i) {
      if (i > 0) line.push_back(',');
      clemency::AppendCsvField(line, rec.fields[i]);
    }
    line.push_back('\n');
    // A first field starting with a BOM would be eaten on re-read.
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) continue;
    std::vector<std::string> fields(rec.fields.begin(), rec.fields.end());
    if (is_first) header = line;
    auto again = CsvReader::FromString(is_first ? line : header + line);
    CsvRecord rec2;
    if (!is_first && !header.empty() && !again->Next(rec2)) std::abort();  // the header
    if (!again->Next(rec2) || !rec2.ok() || rec2.fields.size() != fields.size()) std::abort();
    for (size_t i = 0; i < fields.size(); ++i)
      if (rec2.fields[i] != fields[i]) std::abort();
    if (again->Next(rec2)) std::abort();
  }
  if (reader->bytes_consumed() != size) std::abort();
  return 0;
}
