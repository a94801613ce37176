// toml++, the TOML parser every rule pack is read with (Debian's package
// names the header toml.h; upstream names it toml.hpp), and the small helpers
// the rule-pack loaders share: an error carrying its position in the file,
// thrown inside a loader and turned into "FILE:LINE:COLUMN: message" at its top.
#ifndef CLEMENCY_LAW_TOML_H_
#define CLEMENCY_LAW_TOML_H_

#if __has_include(<toml++/toml.hpp>)
#include <toml++/toml.hpp>
#else
#include <toml++/toml.h>
#endif

#include <string>
#include <string_view>

namespace clemency::rule_file {

struct LoadError {
  toml::source_position where;
  std::string message;
};

[[noreturn]] inline void Fail(const toml::node& at, std::string message) {
  throw LoadError{at.source().begin, std::move(message)};
}
[[noreturn]] inline void Fail(toml::source_position at, std::string message) {
  throw LoadError{at, std::move(message)};
}

// Concatenation without "literal" + std::string temporaries.
template <typename... Parts>
std::string Cat(const Parts&... parts) {
  std::string s;
  (s.append(std::string_view(parts)), ...);
  return s;
}

}  // namespace clemency::rule_file

#endif  // CLEMENCY_LAW_TOML_H_
