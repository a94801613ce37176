// A regular expression of a mapping or catalog, in RE2 syntax
// (https://github.com/google/re2/wiki/Syntax; no backreferences, no
// lookaround): matching takes time linear in the text and bounded stack,
// whatever the pattern. Compiled once; copies share the compiled form.
#ifndef CLEMENCY_IO_REGEX_H_
#define CLEMENCY_IO_REGEX_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace clemency {

class Regex {
 public:
  // Matches nothing until assigned a compiled pattern.
  Regex() = default;

  // The compiled pattern, or nullopt with RE2's message in *error.
  static std::optional<Regex> Compile(std::string_view pattern, bool case_insensitive, std::string* error);

  // Whether a match occurs anywhere in text.
  bool Search(std::string_view text) const;
  // Whether the whole text matches; then (*groups)[0] is the text and
  // (*groups)[i] the i-th capture group, nullopt when it took no part.
  bool FullMatch(std::string_view text, std::vector<std::optional<std::string_view>>* groups) const;
  // Every non-overlapping match replaced by `format`, written as ECMAScript
  // replacements are: $1..$9 a group, $& the match, $$ a dollar; any other
  // character as is.
  std::string ReplaceAll(std::string_view text, std::string_view format) const;

  int capture_groups() const;

 private:
  std::shared_ptr<const re2::RE2> re_;
};

}  // namespace clemency

#endif  // CLEMENCY_IO_REGEX_H_
