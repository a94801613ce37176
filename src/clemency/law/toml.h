// toml++, the TOML parser every rule pack is read with. Debian's package
// names the header toml.h; upstream names it toml.hpp.
#ifndef CLEMENCY_LAW_TOML_H_
#define CLEMENCY_LAW_TOML_H_

#if __has_include(<toml++/toml.hpp>)
#include <toml++/toml.hpp>
#else
#include <toml++/toml.h>
#endif

#endif  // CLEMENCY_LAW_TOML_H_
