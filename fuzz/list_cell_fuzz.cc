// Fuzzes the list-cell parser (io/list_cell.h) in both formats. Invariants: a
// well-formed cell's items, formatted and parsed again, are the same items; a
// malformed cell has no items and a position inside the cell (or just past it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "clemency/io/list_cell.h"

namespace {

void Check(std::string_view cell, clemency::import::ListFormat format, std::string_view delimiter) {
  using clemency::import::FormatListCell;
  using clemency::import::ParseListCell;
  const auto c = ParseListCell(cell, format, delimiter);
  if (!c.ok()) {
    if (!c.items.empty() || c.position < 1 || c.position > cell.size() + 1) std::abort();
    return;
  }
  const auto again = ParseListCell(FormatListCell(c.items, format, delimiter), format, delimiter);
  if (!again.ok() || again.items != c.items) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view cell(reinterpret_cast<const char*>(data), size);
  Check(cell, clemency::import::ListFormat::kListLiteral, "");
  Check(cell, clemency::import::ListFormat::kDelimited, ";");
  Check(cell, clemency::import::ListFormat::kDelimited, " | ");
  return 0;
}
