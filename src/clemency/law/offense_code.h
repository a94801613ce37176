// Offense codes as agencies and lawyers write them, brought to one canonical
// key so that "CA:PC 211", "pc211", "P.C. 211" and "PC 211" meet (DESIGN.md
// section 3). What a jurisdiction's codes look like is data, declared by its
// catalog's [catalog.codes] table (rules/offenses/CA.toml):
//   books    canonical code-book abbreviation -> the other ways it is written
//            ("PC" = ["P.C.", "PEN", "P"]); dots and spaces inside a book are
//            ignored, so "P.C." and "P C" need no entry
//   attempt  how the catalog writes an attempt, before the section ("664/")
//   attempt_suffixes  other ways agencies mark one, after the code ("(664)")
//   rewrite  [{ match = REGEX, replace = TEXT }], applied in order to the
//            upper-cased code without its "XX:" prefix
// The key: upper case; no "XX:" jurisdiction prefix; the rewrites; the book
// (when the catalog declares books) canonical and followed by one space; the
// attempt marker first; single spaces, none before "(" or ")" and none after
// "(" or "/".
// A key never contains the jurisdiction, so callers compare within one catalog.
#ifndef CLEMENCY_LAW_OFFENSE_CODE_H_
#define CLEMENCY_LAW_OFFENSE_CODE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/io/regex.h"

namespace clemency {

struct CodeRewrite {
  std::string match;    // RE2 syntax, case-insensitive
  Regex re;
  std::string replace;  // $1..$9 refer to groups
};

struct CodeConventions {
  std::map<std::string, std::vector<std::string>> books;  // canonical -> aliases
  std::string attempt;                                    // e.g. "664/"
  std::vector<std::string> attempt_suffixes;              // e.g. "(664)"
  std::vector<CodeRewrite> rewrites;
};

struct CodeKey {
  std::string key;       // the canonical key, attempt marker included
  bool attempt = false;  // the code was marked as an attempt
  std::string base;      // the key without the attempt marker
};

// The canonical key of a code as written (with or without "XX:").
CodeKey NormalizeCode(std::string_view code, const CodeConventions& conventions);

// Whether `child` is `parent` with more detail: a subsection "(a)", a degree
// or variant after a space, both keys canonical ("PC 211" -> "PC 211 1ST",
// "HS 11352" -> "HS 11352(A)"; never "PC 212" -> "PC 212.5").
bool IsRefinementOf(std::string_view child, std::string_view parent);

// The key with its last subsection or variant removed, or "" when there is
// none ("PC 29800(A)(1)(B)" -> "PC 29800(A)(1)").
std::string ParentKey(std::string_view key);

}  // namespace clemency

#endif  // CLEMENCY_LAW_OFFENSE_CODE_H_
