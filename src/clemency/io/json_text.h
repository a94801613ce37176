// Appends a JSON string literal (quoted, escaped per RFC 8259) to out. Used
// where output is written line by line at volume (reasons.jsonl) rather than
// through a JSON document library. The literal is always valid JSON: a byte
// that is not well-formed UTF-8 is written as \ufffd (the readers reject such
// input; this is a second guard).
#ifndef CLEMENCY_IO_JSON_TEXT_H_
#define CLEMENCY_IO_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace clemency {

void AppendJsonString(std::string& out, std::string_view s);

}  // namespace clemency

#endif  // CLEMENCY_IO_JSON_TEXT_H_
