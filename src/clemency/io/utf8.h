// UTF-8 checks shared by the input readers (which reject bad text) and the
// output writers (which never emit it): a byte that does not begin or continue
// a well-formed sequence (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF), a NUL byte, and the byte order mark U+FEFF, which is
// invisible and makes "A1" and "\uFEFFA1" different values.
#ifndef CLEMENCY_IO_UTF8_H_
#define CLEMENCY_IO_UTF8_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace clemency {

// The length of the well-formed sequence starting at s[i], or 0 when the
// bytes there are not one.
size_t Utf8SequenceLength(std::string_view s, size_t i);

struct TextIssue {
  enum class Kind { kInvalidUtf8, kNul, kByteOrderMark };
  Kind kind;
  size_t offset;  // of the first offending byte in the text
  // "invalid UTF-8 (byte 0xE9)", "a NUL byte (0x00)", "a byte order mark (U+FEFF, invisible)"
  std::string Describe(std::string_view text) const;
  // "bad_encoding" for invalid UTF-8 and NUL, "bom_in_text" for U+FEFF.
  const char* Code() const;
};

// The first issue in text, or nullopt when it is clean UTF-8.
std::optional<TextIssue> FindTextIssue(std::string_view text);

// text with each invalid byte and each NUL replaced by U+FFFD, for writers.
// With xml = true, the other control characters XML 1.0 forbids (all below
// 0x20 but tab, LF and CR) are replaced too.
std::string ValidUtf8(std::string_view text, bool xml = false);

}  // namespace clemency

#endif  // CLEMENCY_IO_UTF8_H_
