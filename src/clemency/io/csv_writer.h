// Writes RFC 4180 CSV: comma separated, CRLF-free ("\n" line ends), a field is
// quoted when it holds a comma, a quote, CR, LF or leading/trailing space, and
// quotes inside are doubled. Output goes through an AtomicFile.
#ifndef CLEMENCY_IO_CSV_WRITER_H_
#define CLEMENCY_IO_CSV_WRITER_H_

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "clemency/io/atomic_file.h"

namespace clemency {

class CsvWriter {
 public:
  explicit CsvWriter(std::string path) : file_(std::move(path)) {}

  bool ok() const { return file_.ok(); }
  const std::string& error() const { return file_.error(); }

  // Field by field; EndRow() finishes the record.
  CsvWriter& Field(std::string_view s);
  CsvWriter& Field(int64_t v);
  CsvWriter& EmptyField() { return Field(std::string_view()); }
  void EndRow();

  void Row(std::initializer_list<std::string_view> fields);
  void Row(std::span<const std::string_view> fields);

  bool Commit();

 private:
  void Flush();
  AtomicFile file_;
  std::string buf_;
  bool row_started_ = false;
};

// Appends s to out as one CSV field, quoted if it needs to be.
void AppendCsvField(std::string& out, std::string_view s);

}  // namespace clemency

#endif  // CLEMENCY_IO_CSV_WRITER_H_
