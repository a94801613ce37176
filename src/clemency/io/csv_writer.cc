#include "clemency/io/csv_writer.h"

#include <charconv>

namespace clemency {

void AppendCsvField(std::string& out, std::string_view s) {
  bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ');
  for (char c : s) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    out.append(s);
    return;
  }
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

CsvWriter& CsvWriter::Field(std::string_view s) {
  if (row_started_) buf_.push_back(',');
  row_started_ = true;
  AppendCsvField(buf_, s);
  return *this;
}

CsvWriter& CsvWriter::Field(int64_t v) {
  char tmp[24];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
  return Field(std::string_view(tmp, static_cast<size_t>(r.ptr - tmp)));
}

void CsvWriter::EndRow() {
  buf_.push_back('\n');
  row_started_ = false;
  if (buf_.size() >= (1 << 20)) Flush();
}

void CsvWriter::Row(std::initializer_list<std::string_view> fields) {
  for (std::string_view f : fields) Field(f);
  EndRow();
}

void CsvWriter::Row(std::span<const std::string_view> fields) {
  for (std::string_view f : fields) Field(f);
  EndRow();
}

void CsvWriter::Flush() {
  file_.Write(buf_);
  buf_.clear();
}

bool CsvWriter::Commit() {
  Flush();
  return file_.Commit();
}

}  // namespace clemency
