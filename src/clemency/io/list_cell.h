// One cell that holds several items (docs/import-mappings.md section 9).
//
// kListLiteral, a Python or JSON list: "[" items "," ... "]", spaces allowed
//   around every token. An item is a quoted string in single or double
//   quotes, with backslash escapes (\\ \' \" \n \t \r \/ \uXXXX; any other
//   backslash pair is kept as written, as Python does), kept exactly, or a
//   bare word (902.8, Life) read up to the next "," or "]" and trimmed; the
//   bare words None and null are empty items. Empty items are kept. One
//   trailing comma is allowed ("['a',]" has one item); "[]" has none.
// kDelimited: items separated by a delimiter (one or more bytes). An item may
//   be enclosed in double quotes, "" standing for one quote, and then holds
//   delimiters; unquoted items are trimmed. Empty items are kept: "a;;b" and
//   "a;b;" have three items.
// In both, a blank cell has no items. A malformed cell is an error naming the
// 1-based byte position in the cell and what was expected, never a guess.
#ifndef CLEMENCY_IO_LIST_CELL_H_
#define CLEMENCY_IO_LIST_CELL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clemency::import {

enum class ListFormat { kListLiteral, kDelimited };

struct ListCell {
  std::vector<std::string> items;
  std::string error;    // empty when the cell is well formed
  size_t position = 0;  // 1-based byte in the cell where the error is
  bool ok() const { return error.empty(); }
};

ListCell ParseListCell(std::string_view cell, ListFormat format, std::string_view delimiter = ";");

// The inverse, for tests and the fuzzer: a list literal with every item in
// single quotes, escaped; a delimited cell with every item double-quoted.
std::string FormatListCell(const std::vector<std::string>& items, ListFormat format, std::string_view delimiter = ";");

}  // namespace clemency::import

#endif  // CLEMENCY_IO_LIST_CELL_H_
