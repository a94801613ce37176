#include "clemency/io/csv_reader.h"

#include "clemency/io/input_file.h"
#include "clemency/io/utf8.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <functional>
#include <fmt/format.h>

namespace clemency {
namespace {

constexpr size_t kBlockSize = 1 << 22;  // 4 MiB per read
constexpr size_t kMinBlockSize = 1 << 12;

constexpr std::array<bool, 256> MakeSpecial() {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = true;
  t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  t[static_cast<unsigned char>('"')] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecial();

bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

// Line ends in [s, e): LF, CR LF, or a CR alone (a CR last in the range counts).
uint64_t CountLineEnds(const char* s, const char* e) {
  uint64_t n = 0;
  for (const char* c = s; c < e; ++c)
    if (*c == '\n' || (*c == '\r' && (c + 1 == e || c[1] != '\n'))) ++n;
  return n;
}

}  // namespace

std::unique_ptr<CsvReader> CsvReader::Open(const std::string& path, std::string* error) {
  const int fd = OpenInputFile(path, error);
  if (fd < 0) return nullptr;
  struct stat st;
  if (::fstat(fd, &st) != 0) st.st_mode = 0;
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->fd_ = fd;
  r->sha_ = std::make_unique<Sha256>();
  size_t initial = kBlockSize;
  if (S_ISREG(st.st_mode)) {
    r->total_bytes_ = static_cast<uint64_t>(st.st_size);
    // A small file gets a small buffer (the buffer grows if ever needed).
    initial = std::clamp<size_t>(r->total_bytes_ + 1, kMinBlockSize, kBlockSize);
  }
  r->buf_.resize(initial);
  r->scratch_.reserve(initial);
  return r;
}

std::unique_ptr<CsvReader> CsvReader::FromString(std::string_view data) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->buf_.assign(data);
  r->end_ = data.size();
  r->eof_ = true;
  r->total_bytes_ = data.size();
  r->scratch_.reserve(data.size());
  return r;
}

std::unique_ptr<CsvReader> CsvReader::OverBytes(std::string_view bytes) {
  std::unique_ptr<CsvReader> r(new CsvReader());
  r->bytes_ = bytes.data();
  r->end_ = bytes.size();
  r->eof_ = true;
  r->total_bytes_ = bytes.size();
  r->scratch_.reserve(kMinBlockSize);  // grows with AppendScratch
  return r;
}

void CsvReader::StartAt(size_t offset, uint64_t line, size_t header_commas) {
  pos_ = offset;
  line_ = line;
  header_commas_ = header_commas;
  seen_first_ = true;
  first_block_ = false;
}

void CsvReader::AppendScratch(CsvRecord& record, const char* s, size_t n) {
  if (scratch_.size() + n > scratch_.capacity()) {
    const char* old = scratch_.data();
    const size_t used = scratch_.size();
    scratch_.reserve(std::max(scratch_.capacity() * 2, used + n));
    for (std::string_view& f : record.fields)
      if (!f.empty() && std::less_equal<const char*>()(old, f.data()) && std::less<const char*>()(f.data(), old + used))
        f = std::string_view(scratch_.data() + (f.data() - old), f.size());
  }
  scratch_.append(s, n);
}

std::string CsvReader::sha256() const {
  return sha_ && eof_ && io_error_.empty() ? sha_->Hex() : "";
}

CsvReader::~CsvReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool CsvReader::Refill() {
  if (eof_) return false;
  // Keep the unread tail; grow when a single record fills the whole buffer.
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    consumed_before_ += pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) {
    buf_.resize(buf_.size() * 2);
    scratch_.reserve(buf_.size());
  }
  for (;;) {
    const ssize_t n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
    if (n > 0) {
      if (sha_) sha_->Update(std::string_view(buf_.data() + end_, static_cast<size_t>(n)));
      end_ += static_cast<size_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return true;
    }
    if (errno == EINTR) continue;
    io_error_ = std::string("read failed: ") + std::strerror(errno);
    eof_ = true;
    return false;
  }
}

bool CsvReader::Next(CsvRecord& record) {
  if (done_) return false;
  for (;;) {
    if (first_block_) {
      // Enough of the start to recognise a BOM or UTF-16.
      if (end_ - pos_ < 64 && !eof_) {
        if (!Refill() && io_error_.size()) return false;
        continue;
      }
      first_block_ = false;
      if (IsUtf16(record)) return true;
      // A UTF-8 byte order mark at the very start is not data.
      if (end_ - pos_ >= 3 && std::memcmp(data() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
    }
    switch (ParseRecord(record, eof_)) {
      case Parse::kRecord:
        if (!seen_first_ && record.ok()) header_commas_ = record.fields.size() - 1;
        seen_first_ = true;
        return true;
      case Parse::kEnd: return false;
      case Parse::kNeedMore:
        if (!Refill() && !io_error_.empty()) return false;
        break;
    }
  }
}

bool CsvReader::IsUtf16(CsvRecord& record) {
  const auto* u = reinterpret_cast<const unsigned char*>(data() + pos_);
  const size_t n = std::min<size_t>(end_ - pos_, 64) & ~size_t{1};
  bool bom = n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
  // ASCII text in UTF-16: a NUL in every other byte, and only there.
  bool zero_even = n >= 4, zero_odd = n >= 4;
  for (size_t i = 0; i < n; i += 2) {
    zero_even = zero_even && u[i] == 0 && u[i + 1] != 0;
    zero_odd = zero_odd && u[i] != 0 && u[i + 1] == 0;
  }
  if (!bom && !zero_even && !zero_odd) return false;
  record = CsvRecord();
  record.line = record.error_line = record.error_column = 1;
  record.error_code = "utf16";
  record.error = bom ? "the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8 (in Excel: CSV UTF-8)"
                     : "the file is UTF-16 (a NUL byte every other byte): save it as UTF-8 (in Excel: CSV UTF-8)";
  done_ = true;
  pos_ = end_;  // the block read counts as consumed
  return true;
}

void CsvReader::CheckText(CsvRecord& record, size_t begin, size_t end) const {
  const std::string_view text(data() + begin, end - begin);
  const auto issue = FindTextIssue(text);
  if (!issue) return;
  const size_t at = issue->offset;
  const uint64_t line = record.line + CountLineEnds(text.data(), text.data() + at);
  size_t line_start = at;
  while (line_start > 0 && !IsLineEnd(text[line_start - 1])) --line_start;
  record.error_code = issue->Code();
  record.error_line = line;
  record.error_column = at - line_start + 1;
  const uint64_t offset = consumed_before_ + begin + at;
  record.error = issue->kind == TextIssue::Kind::kByteOrderMark
                     ? fmt::format("{} at byte offset {}: remove it (it makes two equal-looking values differ)",
                                   issue->Describe(text), offset)
                     : fmt::format("{} at byte offset {}: the file must be UTF-8 text (save it as CSV UTF-8)",
                                   issue->Describe(text), offset);
}

bool CsvReader::LooksLikeStrayQuote(size_t open, size_t close, uint64_t line_ends) const {
  if (line_ends > kStrayQuoteLines) return true;
  if (line_ends < 3) return false;
  // Whole lines inside the field (after its first line end, before its last)
  // with as many commas as a row of this file.
  const size_t row_commas = std::max<size_t>(header_commas_, 5);
  const char* const b = data();
  size_t p = open + 1;
  while (p < close && !IsLineEnd(b[p])) ++p;
  int row_like = 0;
  while (p < close) {
    p += (b[p] == '\r' && p + 1 < close && b[p + 1] == '\n') ? 2 : 1;  // the line end
    size_t commas = 0, q = p;
    for (; q < close && !IsLineEnd(b[q]); ++q) commas += b[q] == ',';
    if (q < close && commas >= row_commas && ++row_like >= 2) return true;
    p = q;
  }
  return false;
}

CsvReader::Parse CsvReader::ParseRecord(CsvRecord& record, bool at_eof) {
  const char* const b = data();
  size_t p = pos_;
  uint64_t line = line_;

  // Skip blank lines (they are complete, so the progress is kept).
  for (;;) {
    if (p >= stop_) {
      pos_ = p;
      line_ = line;
      stopped_ = true;
      return Parse::kEnd;
    }
    if (p < end_ && b[p] == '\n') {
      ++p;
      ++line;
    } else if (p < end_ && b[p] == '\r') {
      if (p + 1 == end_ && !at_eof) break;  // CR LF split across blocks?
      p += p + 1 < end_ && b[p + 1] == '\n' ? 2 : 1;
      ++line;
    } else {
      break;
    }
  }
  pos_ = p;
  line_ = line;
  if (p == end_) return at_eof ? Parse::kEnd : Parse::kNeedMore;
  if (b[p] == '\r' && p + 1 == end_ && !at_eof) return Parse::kNeedMore;

  record.fields.clear();
  record.error.clear();
  record.error_code.clear();
  record.line = line;
  scratch_.clear();
  // Fields that live in scratch_ are recorded as offsets first (scratch_ does
  // not reallocate: its capacity covers the whole buffer), then as views.
  const size_t record_start = p;
  size_t error_resume = 0;  // where to continue after a syntax error

  auto line_end_from = [&](size_t i) {
    while (i < end_ && !IsLineEnd(b[i])) ++i;
    return i;
  };
  auto column_of = [&](size_t at) {
    size_t line_start = at;
    while (line_start > record_start && !IsLineEnd(b[line_start - 1])) --line_start;
    return static_cast<uint64_t>(at - line_start + 1);
  };
  auto fail = [&](std::string message, size_t at, uint64_t at_line, size_t resume_from,
                  const char* code = "csv_syntax") {
    record.error = std::move(message);
    record.error_code = code;
    record.error_line = at_line;
    record.error_column = column_of(at);
    error_resume = resume_from;
  };

  for (;;) {
    // At the start of a field.
    if (p < end_ && b[p] == '"') {
      const size_t open = p;
      const uint64_t open_line = line;
      ++p;
      size_t seg = p;
      bool escaped = false;
      size_t scratch_begin = scratch_.size();
      for (;;) {
        const void* q = std::memchr(b + p, '"', end_ - p);
        const size_t stop = q == nullptr ? end_ : static_cast<size_t>(static_cast<const char*>(q) - b);
        if (q == nullptr) {
          if (!at_eof) return Parse::kNeedMore;
          // Unterminated: report at the opening quote, resume on the next line.
          line = open_line;
          fail("quoted field is never closed (a \" opens it here)", open, open_line, line_end_from(open));
          break;
        }
        if (stop + 1 == end_ && !at_eof) return Parse::kNeedMore;
        if (stop + 1 < end_ && b[stop + 1] == '"') {  // a doubled quote
          AppendScratch(record, b + seg, stop + 1 - seg);
          escaped = true;
          p = stop + 2;
          seg = p;
          continue;
        }
        // The closing quote; count the line ends inside the quotes.
        const uint64_t inside = CountLineEnds(b + open + 1, b + stop);
        if (inside > 0 && LooksLikeStrayQuote(open, stop, inside)) {
          line = open_line;
          fail(fmt::format("a quoted field opens here and closes only at line {} column {}, taking in {} lines that "
                           "look like rows: a stray quote? (a value with a quote must be quoted whole, with the "
                           "quote doubled)",
                           open_line + inside, column_of(stop), inside),
               open, open_line, line_end_from(open), "stray_quote");
          break;
        }
        line += inside;
        if (escaped) {
          AppendScratch(record, b + seg, stop - seg);
          record.fields.emplace_back(scratch_.data() + scratch_begin, scratch_.size() - scratch_begin);
        } else {
          record.fields.emplace_back(b + open + 1, stop - open - 1);
        }
        p = stop + 1;
        break;
      }
      if (!record.error.empty()) break;
      // After a closing quote: a delimiter, a line end, or the end of input.
      if (p == end_) break;  // at_eof holds here (checked above)
      if (b[p] == ',') {
        ++p;
        if (p == end_ && !at_eof) return Parse::kNeedMore;
        if (p == end_) {
          record.fields.emplace_back();
          break;
        }
        continue;
      }
      if (IsLineEnd(b[p])) break;
      fail("unexpected text after a closing quote (expected , or end of line)", p, line, line_end_from(p));
      break;
    }

    // An unquoted field: up to a comma, a line end or the end of input.
    const size_t start = p;
    while (p < end_ && !kSpecial[static_cast<unsigned char>(b[p])]) ++p;
    if (p < end_ && b[p] == '"') {
      fail("a quote inside an unquoted field (quote the whole field and double the quote)", p, line,
           line_end_from(p));
      break;
    }
    if (p == end_ && !at_eof) return Parse::kNeedMore;
    record.fields.emplace_back(b + start, p - start);
    if (p == end_ || IsLineEnd(b[p])) break;
    ++p;  // the comma
    if (p == end_ && !at_eof) return Parse::kNeedMore;
    if (p == end_) {
      record.fields.emplace_back();
      break;
    }
  }

  if (!record.error.empty()) {
    if (error_resume == end_ && !at_eof) return Parse::kNeedMore;
    p = error_resume;
  }
  // p is at the line end (LF, CR LF, CR) or the end of input; a CR last in
  // the buffer may be the first half of a CR LF.
  if (p + 1 == end_ && b[p] == '\r' && !at_eof) return Parse::kNeedMore;
  record.raw = std::string_view(b + record_start, p - record_start);
  record.offset = consumed_before_ + record_start;
  if (record.error.empty() && check_text_) CheckText(record, record_start, p);
  if (p < end_) {
    p += b[p] == '\r' && p + 1 < end_ && b[p + 1] == '\n' ? 2 : 1;
    ++line;
  }
  pos_ = p;
  line_ = line;
  return Parse::kRecord;
}

}  // namespace clemency
