// A streaming RFC 4180 CSV reader. It reads the input in blocks, so memory is
// bounded by the longest record, not the file. It accepts: quoted fields with
// doubled quotes, newlines inside quotes, CRLF or LF line ends, a UTF-8 BOM at
// the start, and a last record without a line end. Bytes are passed through
// unchanged (no encoding is assumed beyond ASCII for the delimiters).
//
// Each record carries the physical line on which it starts (the header is line
// 1), counting newlines inside quoted fields. A syntax error (a quote inside an
// unquoted field, text after a closing quote, an unterminated quote) makes that
// record an error record with a message and a 1-based byte column; reading
// resumes at the next line. Blank lines are skipped. The reader checks no field
// count: ragged rows are the caller's to judge.
#ifndef CLEMENCY_IO_CSV_READER_H_
#define CLEMENCY_IO_CSV_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/io/sha256.h"

namespace clemency {

struct CsvRecord {
  std::vector<std::string_view> fields;  // valid until the next call to Next()
  uint64_t line = 0;                     // line where the record starts
  std::string_view raw;                  // the record's bytes as read, without the line end
  uint64_t offset = 0;                   // byte offset of raw in the input
  // Syntax errors: error is non-empty and fields are whatever was read.
  std::string error;
  uint64_t error_line = 0;
  uint64_t error_column = 0;
  bool ok() const { return error.empty(); }
};

class CsvReader {
 public:
  // Opens a file; on failure returns null and sets *error ("NAME: cannot open: ...").
  static std::unique_ptr<CsvReader> Open(const std::string& path, std::string* error);
  // Reads from memory (copied).
  static std::unique_ptr<CsvReader> FromString(std::string_view data);

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record, or false at the end of the input (or on an I/O error,
  // reported by io_error()).
  bool Next(CsvRecord& record);

  const std::string& io_error() const { return io_error_; }
  uint64_t bytes_consumed() const { return consumed_before_ + pos_; }
  uint64_t total_bytes() const { return total_bytes_; }  // 0 when unknown
  // SHA-256 of the bytes read from the file, once all were read ("" before,
  // after an I/O error, or for FromString): the manifest's input hash.
  std::string sha256() const;

 private:
  CsvReader() = default;
  // Makes more input available after pos_; false when none is left.
  bool Refill();
  enum class Parse { kRecord, kNeedMore, kEnd };
  Parse ParseRecord(CsvRecord& record, bool at_eof);

  int fd_ = -1;
  bool eof_ = false;
  bool first_block_ = true;
  std::string buf_;        // buf_[0, end_) holds unread input from pos_
  size_t pos_ = 0;
  size_t end_ = 0;
  std::string scratch_;    // unescaped quoted fields; capacity >= buf_ size
  uint64_t line_ = 1;
  uint64_t consumed_before_ = 0;
  uint64_t total_bytes_ = 0;
  std::string io_error_;
  std::unique_ptr<Sha256> sha_;  // of every byte read (Open only)
};

}  // namespace clemency

#endif  // CLEMENCY_IO_CSV_READER_H_
