#include "clemency/io/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace clemency {
namespace {

constexpr size_t kBlockSize = 1 << 22;  // 4 MiB per read
constexpr size_t kMinBlockSize = 1 << 12;

constexpr std::array<bool, 256> MakeSpecial() {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = true;
  t[static_cast<unsigned char>('\n')] = true;
  t[static_cast<unsigned char>('"')] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecial();

}  // namespace

std::unique_ptr<CsvReader> CsvReader::Open(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error != nullptr) *error = path + ": cannot open: " + std::strerror(errno);
    return nullptr;
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    if (error != nullptr) *error = path + ": cannot open: is a directory";
    return nullptr;
  }
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
  for (;;) {
    if (first_block_) {
      // A UTF-8 byte order mark at the very start is not data.
      if (end_ - pos_ < 3 && !eof_) {
        if (!Refill() && io_error_.size()) return false;
        continue;
      }
      first_block_ = false;
      if (end_ - pos_ >= 3 && std::memcmp(buf_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
    }
    switch (ParseRecord(record, eof_)) {
      case Parse::kRecord: return true;
      case Parse::kEnd: return false;
      case Parse::kNeedMore:
        if (!Refill() && !io_error_.empty()) return false;
        break;
    }
  }
}

CsvReader::Parse CsvReader::ParseRecord(CsvRecord& record, bool at_eof) {
  const char* const b = buf_.data();
  size_t p = pos_;
  uint64_t line = line_;

  // Skip blank lines (they are complete, so the progress is kept).
  for (;;) {
    if (p < end_ && b[p] == '\n') {
      ++p;
      ++line;
    } else if (p + 1 < end_ && b[p] == '\r' && b[p + 1] == '\n') {
      p += 2;
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
  record.line = line;
  scratch_.clear();
  // Fields that live in scratch_ are recorded as offsets first (scratch_ does
  // not reallocate: its capacity covers the whole buffer), then as views.
  const size_t record_start = p;
  size_t error_resume = 0;  // where to continue after a syntax error

  auto fail = [&](std::string message, size_t at, uint64_t at_line, size_t resume_from) {
    record.error = std::move(message);
    record.error_line = at_line;
    size_t line_start = at;
    while (line_start > record_start && b[line_start - 1] != '\n') --line_start;
    record.error_column = at - line_start + 1;
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
        // Count the newlines we pass inside the quotes.
        const size_t stop = q == nullptr ? end_ : static_cast<size_t>(static_cast<const char*>(q) - b);
        for (const char* c = b + p; (c = static_cast<const char*>(std::memchr(c, '\n', b + stop - c))) != nullptr; ++c)
          ++line;
        if (q == nullptr) {
          if (!at_eof) return Parse::kNeedMore;
          // Unterminated: report at the opening quote, resume on the next line.
          size_t resume = open;
          while (resume < end_ && b[resume] != '\n') ++resume;
          line = open_line;
          fail("quoted field is never closed (a \" opens it here)", open, open_line, resume);
          break;
        }
        if (stop + 1 == end_ && !at_eof) return Parse::kNeedMore;
        if (stop + 1 < end_ && b[stop + 1] == '"') {  // a doubled quote
          scratch_.append(b + seg, stop + 1 - seg);
          escaped = true;
          p = stop + 2;
          seg = p;
          continue;
        }
        // The closing quote.
        if (escaped) {
          scratch_.append(b + seg, stop - seg);
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
      if (b[p] == '\n') break;
      if (b[p] == '\r' && p + 1 == end_ && !at_eof) return Parse::kNeedMore;
      if (b[p] == '\r' && (p + 1 == end_ || b[p + 1] == '\n')) break;
      size_t resume = p;
      while (resume < end_ && b[resume] != '\n') ++resume;
      fail("unexpected text after a closing quote (expected , or end of line)", p, line, resume);
      break;
    }

    // An unquoted field: up to a comma, a line end or the end of input. A CR
    // is data except right before the LF that ends the line.
    const size_t start = p;
    while (p < end_ && !kSpecial[static_cast<unsigned char>(b[p])]) ++p;
    if (p < end_ && b[p] == '"') {
      size_t resume = p;
      while (resume < end_ && b[resume] != '\n') ++resume;
      fail("a quote inside an unquoted field (quote the whole field and double the quote)", p,
           line, resume);
      break;
    }
    if (p == end_ && !at_eof) return Parse::kNeedMore;
    size_t field_end = p;
    if ((p == end_ || b[p] == '\n') && field_end > start && b[field_end - 1] == '\r') --field_end;
    record.fields.emplace_back(b + start, field_end - start);
    if (p == end_ || b[p] == '\n') break;
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
  // p is at the line end ("\n", "\r\n") or the end of input.
  size_t raw_end = p;
  if (raw_end > record_start && b[raw_end - 1] == '\r') --raw_end;
  record.raw = std::string_view(b + record_start, raw_end - record_start);
  record.offset = consumed_before_ + record_start;
  if (p < end_ && b[p] == '\r') ++p;
  if (p < end_ && b[p] == '\n') {
    ++p;
    ++line;
  }
  pos_ = p;
  line_ = line;
  return Parse::kRecord;
}

}  // namespace clemency
