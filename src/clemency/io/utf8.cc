#include "clemency/io/utf8.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace clemency {

size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return at(k) >= lo && at(k) <= hi; };
  const unsigned c = at(0);
  if (c < 0x80) return i < s.size() ? 1 : 0;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const bool second = c == 0xE0 ? cont(1, 0xA0) : c == 0xED ? cont(1, 0x80, 0x9F) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const bool second = c == 0xF0 ? cont(1, 0x90) : c == 0xF4 ? cont(1, 0x80, 0x8F) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

std::string TextIssue::Describe(std::string_view text) const {
  switch (kind) {
    case Kind::kInvalidUtf8:
      return fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[offset]));
    case Kind::kNul: return "a NUL byte (0x00)";
    case Kind::kByteOrderMark: return "a byte order mark (U+FEFF, invisible)";
  }
  return "";
}

const char* TextIssue::Code() const { return kind == Kind::kByteOrderMark ? "bom_in_text" : "bad_encoding"; }

std::optional<TextIssue> FindTextIssue(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    // Eight ASCII bytes, none of them NUL, at a time.
    constexpr uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
    if (text.size() - i >= 8) {
      uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if (((w | ((w - kOnes) & ~w)) & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    if (c == 0) return TextIssue{TextIssue::Kind::kNul, i};
    const size_t n = Utf8SequenceLength(text, i);
    if (n == 0) return TextIssue{TextIssue::Kind::kInvalidUtf8, i};
    if (n == 3 && std::memcmp(text.data() + i, "\xEF\xBB\xBF", 3) == 0)
      return TextIssue{TextIssue::Kind::kByteOrderMark, i};
    i += n;
  }
  return std::nullopt;
}

std::string ValidUtf8(std::string_view text, bool xml) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool bad_control = c == 0 || (xml && c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    const size_t n = bad_control ? 0 : Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace clemency
