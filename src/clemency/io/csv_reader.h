// A streaming RFC 4180 CSV reader. It reads the input in blocks, so memory is
// bounded by the longest record, not the file. It accepts: quoted fields with
// doubled quotes, newlines inside quotes, CRLF, LF or CR-only (old Mac) line
// ends, a UTF-8 BOM at the start, and a last record without a line end.
//
// Each record carries the physical line on which it starts (the header is line
// 1), counting line ends inside quoted fields. An error record has a message,
// a code, and a 1-based line and byte column; reading resumes at the next line:
//   csv_syntax   a quote inside an unquoted field, text after a closing quote,
//                an unterminated quote;
//   stray_quote  a quoted field that swallows what look like rows: more than
//                kStrayQuoteLines line ends, or at least 2 whole lines inside
//                it with as many commas as the header row (and at least 5).
//                Reading resumes after the line where the quote opened;
//   bad_encoding invalid UTF-8 or a NUL byte; bom_in_text a U+FEFF anywhere
//                but the start of the file (io/utf8.h);
//   utf16        a UTF-16 file (a UTF-16 BOM, or NULs every other byte): the
//                only record, so the file reads as one error.
// Blank lines are skipped. The reader checks no field count: ragged rows are
// the caller's to judge.
//
// OverBytes reads caller-owned bytes in place. StartAt and StopAt make it read
// one chunk of a file whose cuts are at line ends (io/csv_chunks.h): it
// starts at a record boundary with the line and header it is given, and stops
// before the first record at or after the stop offset; stopped_at_boundary()
// then says whether a record boundary fell exactly there (not so when a
// quoted field or a stray quote's recovery ran across it).
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
  std::string error_code;  // see above
  uint64_t error_line = 0;
  uint64_t error_column = 0;
  bool ok() const { return error.empty(); }
};

class CsvReader {
 public:
  // A quoted field with more line ends than this is a stray quote.
  static constexpr uint64_t kStrayQuoteLines = 1000;
  // Opens a regular file (io/input_file.h); on failure returns null and sets
  // *error ("NAME: cannot open: ...", "NAME: not a regular file (a FIFO)").
  static std::unique_ptr<CsvReader> Open(const std::string& path, std::string* error);
  // Reads from memory (copied).
  static std::unique_ptr<CsvReader> FromString(std::string_view data);
  // Reads bytes in place: they must outlive the reader. Offsets are into them.
  static std::unique_ptr<CsvReader> OverBytes(std::string_view bytes);

  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record, or false at the end of the input (or on an I/O error,
  // reported by io_error()).
  bool Next(CsvRecord& record);

  // Text checks (bad_encoding, bom_in_text) are on by default; off, bytes pass
  // through unchanged: for reference tables published in another encoding
  // (the BJS tables in tests/data are Windows-1252), never for input data.
  void set_check_text(bool on) { check_text_ = on; }

  // Of a reader from OverBytes, before the first Next(): start at `offset`, a
  // record boundary after the header, on `line`, with the header's comma
  // count (header_commas() of the reader that read the header).
  void StartAt(size_t offset, uint64_t line, size_t header_commas);
  // Next() returns false before a record (or blank line) at or past `offset`;
  // SIZE_MAX (the default) reads to the end. Reading may go on after a new StopAt.
  void StopAt(size_t offset) { stop_ = offset; stopped_ = false; }
  // After Next() returned false at the stop offset: whether the reader stands
  // exactly on it, at a record boundary (then line() is the line there).
  bool stopped_at_boundary() const { return stopped_ && pos_ == stop_; }
  uint64_t line() const { return line_; }  // where the next record starts
  size_t header_commas() const { return header_commas_; }

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
  // At the start of the input: true (and an error record) for UTF-16.
  bool IsUtf16(CsvRecord& record);
  // An error record for bad text inside [begin, end), a complete record.
  void CheckText(CsvRecord& record, size_t begin, size_t end) const;
  // Whether the quoted field [open, close] swallowed rows (a stray quote).
  bool LooksLikeStrayQuote(size_t open, size_t close, uint64_t line_ends) const;
  // The input: the caller's bytes (OverBytes) or buf_.
  const char* data() const { return bytes_ != nullptr ? bytes_ : buf_.data(); }
  // Appends to scratch_, moving the record's views into it if it grows.
  void AppendScratch(CsvRecord& record, const char* s, size_t n);

  int fd_ = -1;
  bool eof_ = false;
  bool first_block_ = true;
  bool done_ = false;        // after a fatal record (UTF-16)
  bool check_text_ = true;
  bool seen_first_ = false;
  size_t header_commas_ = 0;  // commas in the first record
  std::string buf_;        // buf_[0, end_) holds unread input from pos_
  const char* bytes_ = nullptr;  // OverBytes: the input, in place of buf_
  size_t stop_ = SIZE_MAX;
  bool stopped_ = false;
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
