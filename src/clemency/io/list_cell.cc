#include "clemency/io/list_cell.h"

#include <fmt/format.h>

#include <cstdint>

#include "clemency/io/text_functions.h"

namespace clemency::import {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Backslash escapes as pairs: the letter after the backslash, the character.
constexpr std::string_view kEscapes = "n\nt\tr\r\\\\''\"\"//";

// The character a backslash escape stands for; 0 for one kept as written.
char Unescaped(char e) {
  for (size_t i = 0; i < kEscapes.size(); i += 2)
    if (kEscapes[i] == e) return kEscapes[i + 1];
  return 0;
}

// The letter that escapes c inside single quotes; 0 when c needs none.
char EscapeLetter(char c) {
  if (c == '"' || c == '/') return 0;
  for (size_t i = 1; i < kEscapes.size(); i += 2)
    if (kEscapes[i] == c) return kEscapes[i - 1];
  return 0;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}


// A cursor over the cell that records the first error.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return s_[i_]; }
  size_t pos() const { return i_; }
  void skip_spaces() {
    while (!at_end() && IsSpace(peek())) ++i_;
  }
  bool Fail(ListCell& out, size_t at, std::string message) {
    out.items.clear();
    out.error = std::move(message);
    out.position = at + 1;
    return false;
  }

  // Four hex digits after \u; -1 when malformed.
  int32_t Hex4() {
    if (s_.size() - i_ < 4) return -1;
    int32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_ + static_cast<size_t>(k)];
      const int d = HexDigit(c);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    i_ += 4;
    return v;
  }

  // A \u escape (the "\u" consumed); a surrogate pair must be complete.
  bool Unicode(ListCell& out, size_t at, std::string& item) {
    int32_t cp = Hex4();
    if (cp < 0) return Fail(out, at, "expected four hex digits after \\u");
    if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail(out, at, "expected a high surrogate before a low one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (s_.substr(i_, 2) != "\\u") return Fail(out, at, "expected \\u and a low surrogate after a high one");
      i_ += 2;
      const int32_t lo = Hex4();
      if (lo < 0xDC00 || lo > 0xDFFF) return Fail(out, at, "expected \\u and a low surrogate after a high one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    AppendUtf8(item, static_cast<uint32_t>(cp));
    return true;
  }

  // A quoted string starting at the quote; backslash escapes.
  bool Quoted(ListCell& out, std::string& item) {
    const size_t open = i_;
    const char quote = s_[i_++];
    while (!at_end()) {
      const char c = s_[i_++];
      if (c == quote) return true;
      if (c != '\\') {
        item.push_back(c);
        continue;
      }
      if (at_end()) break;
      const size_t at = i_ - 1;
      const char e = s_[i_++];
      if (e == 'u') {
        if (!Unicode(out, at, item)) return false;
      } else if (const char c2 = Unescaped(e); c2 != 0) {
        item.push_back(c2);
      } else {  // kept as written, as Python does
        item.push_back('\\');
        item.push_back(e);
      }
    }
    return Fail(out, open, fmt::format("unterminated quote: expected a closing {} for the item opened here", quote));
  }

  // A bare word up to "," or "]".
  bool Bare(ListCell& out, std::string& item) {
    const size_t start = i_;
    while (!at_end() && peek() != ',' && peek() != ']') ++i_;
    const std::string_view word = Trim(s_.substr(start, i_ - start));
    if (word.empty()) return Fail(out, start, "expected an item (a quoted string or a word)");
    if (word != "None" && word != "null") item = word;
    return true;
  }

  bool ListLiteral(ListCell& out) {
    skip_spaces();
    if (at_end() || peek() != '[') return Fail(out, i_, "expected '[' to open a list");
    ++i_;
    skip_spaces();
    if (!at_end() && peek() == ']') return End(out);
    for (;;) {
      skip_spaces();
      if (at_end()) return Fail(out, i_, "expected an item and ']' to close the list");
      std::string item;
      const bool ok = peek() == '\'' || peek() == '"' ? Quoted(out, item) : Bare(out, item);
      if (!ok) return false;
      out.items.push_back(std::move(item));
      skip_spaces();
      if (at_end()) return Fail(out, i_, "expected ',' or ']' to close the list");
      if (peek() == ']') return End(out);
      if (peek() != ',') return Fail(out, i_, "expected ',' or ']' after an item");
      ++i_;
      skip_spaces();
      if (!at_end() && peek() == ']') return End(out);  // one trailing comma
    }
  }

  bool End(ListCell& out) {
    ++i_;  // the ']'
    skip_spaces();
    if (!at_end()) return Fail(out, i_, "expected nothing after the ']' that closes the list");
    return true;
  }

  bool Delimited(ListCell& out, std::string_view delim) {
    for (;;) {
      std::string item;
      size_t q = i_;  // a quote after leading spaces opens a quoted item
      while (q < s_.size() && IsSpace(s_[q])) ++q;
      if (q < s_.size() && s_[q] == '"') {
        i_ = q;
        const size_t open = i_++;
        bool closed = false;
        while (!at_end()) {
          const char c = s_[i_++];
          if (c != '"') {
            item.push_back(c);
          } else if (!at_end() && peek() == '"') {
            item.push_back('"');
            ++i_;
          } else {
            closed = true;
            break;
          }
        }
        if (!closed) return Fail(out, open, "unterminated quote: expected a closing \" for the item opened here");
        while (!at_end() && s_.substr(i_, delim.size()) != delim && IsSpace(peek())) ++i_;
        if (!at_end() && s_.substr(i_, delim.size()) != delim)
          return Fail(out, i_, fmt::format("expected the delimiter \"{}\" after a quoted item", delim));
      } else {
        const size_t next = s_.find(delim, i_);
        const size_t end = next == std::string_view::npos ? s_.size() : next;
        item = Trim(s_.substr(i_, end - i_));
        i_ = end;
      }
      out.items.push_back(std::move(item));
      if (at_end()) return true;
      i_ += delim.size();
    }
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

ListCell ParseListCell(std::string_view cell, ListFormat format, std::string_view delimiter) {
  ListCell out;
  if (Trim(cell).empty()) return out;
  Scanner sc(cell);
  if (format == ListFormat::kListLiteral) {
    sc.ListLiteral(out);
  } else if (delimiter.empty()) {
    sc.Fail(out, 0, "the delimiter is empty");
  } else {
    sc.Delimited(out, delimiter);
  }
  return out;
}

std::string FormatListCell(const std::vector<std::string>& items, ListFormat format, std::string_view delimiter) {
  std::string out;
  if (format == ListFormat::kListLiteral) {
    out = "[";
    for (size_t k = 0; k < items.size(); ++k) {
      if (k > 0) out += ", ";
      out += '\'';
      for (char c : items[k]) {
        const char letter = EscapeLetter(c);
        if (letter != 0) out.push_back('\\');
        out.push_back(letter != 0 ? letter : c);
      }
      out += '\'';
    }
    return out + "]";
  }
  for (size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += delimiter;
    out += '"';
    for (char c : items[k]) {
      if (c == '"') out += '"';
      out.push_back(c);
    }
    out += '"';
  }
  return out;
}

}  // namespace clemency::import
