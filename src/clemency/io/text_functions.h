// String functions an import mapping applies to a field (docs/import-mappings.md
// section 11): an ordered list of steps (trim, upper, lower, collapse_spaces,
// a literal replace, a regex replace), and templates that join columns
// ("{Code} {Sub}"). Pure functions of text; the mapping loader checks a step's
// regex when it builds the step.
#ifndef CLEMENCY_IO_TEXT_FUNCTIONS_H_
#define CLEMENCY_IO_TEXT_FUNCTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/io/regex.h"

namespace clemency::import {

struct TextStep {
  enum class Kind { kTrim, kUpper, kLower, kCollapseSpaces, kReplace, kRegexReplace };
  Kind kind = Kind::kTrim;
  std::string from;  // kReplace: the literal text (not empty); kRegexReplace: the pattern (RE2 syntax)
  std::string to;    // the replacement; for kRegexReplace $1..$9 are the groups, $$ a dollar
  Regex re;     // kRegexReplace, case-sensitive
};

// Applies the steps in order. Replacements replace every occurrence; upper
// and lower change ASCII letters only; collapse_spaces turns each run of
// spaces, tabs and line ends into one space and trims both ends.
std::string ApplyTextSteps(const std::vector<TextStep>& steps, std::string value);

// A template such as "{Code} {Sub}": each {Name} stands for the cell of the
// column Name; "{{" and "}}" are literal braces. error names the 1-based byte
// and what was expected when the template is malformed.
struct TemplateParts {
  std::vector<std::string> literals;  // literals.size() == columns.size() + 1 when well formed
  std::vector<std::string> columns;
  std::string error;
};
TemplateParts ParseTemplate(std::string_view text);

// Appends the UTF-8 encoding of a code point (at most 0x10FFFF).
void AppendUtf8(std::string& out, uint32_t cp);

}  // namespace clemency::import

#endif  // CLEMENCY_IO_TEXT_FUNCTIONS_H_
