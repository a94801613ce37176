// Fuzzes offense-code normalisation and resolution (law/offense_code.h,
// law/offense_resolver.h) against the shipped California catalog, whose
// conventions (books, attempts) exercise every step. Beyond not crashing:
//   - normalising is idempotent: the key of a key is the key;
//   - the key never holds a jurisdiction prefix, runs of spaces, or a space
//     before "(" or after "(" or "/";
//   - ParentKey always shortens, so walking up ends;
//   - a resolution's flags are a subset of its known flags, a section's
//     candidates refine the written code, and Describe() never throws.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "clemency/law/offense_code.h"
#include "clemency/law/offense_resolver.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "offense_code_fuzz: %s: \"%s\"\n", what, detail.c_str());
  std::abort();
}

const clemency::OffenseCatalog& California() {
  static const clemency::OffenseCatalog catalog = [] {
    std::string error;
    auto c = clemency::OffenseCatalog::Load(std::string(CLEMENCY_SOURCE_DIR) + "/rules/offenses/CA.toml", &error);
    if (!c) Fail("cannot load the California catalog", error);
    return std::move(*c);
  }();
  return catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256) return 0;
  const std::string code(reinterpret_cast<const char*>(data), size);
  const clemency::OffenseCatalog& ca = California();
  const clemency::CodeKey key = clemency::NormalizeCode(code, ca.conventions());
  if (clemency::NormalizeCode(key.key, ca.conventions()).key != key.key) Fail("not idempotent", code);
  const std::string& k = key.key;
  if (k.find("  ") != std::string::npos || k.find(" (") != std::string::npos || k.find("( ") != std::string::npos ||
      k.find("/ ") != std::string::npos)
    Fail("spacing not canonical", k);
  if (k.size() >= 3 && k[2] == ':' && std::isalpha(static_cast<unsigned char>(k[0])) &&
      std::isalpha(static_cast<unsigned char>(k[1])))
    Fail("prefix left in key", k);
  for (std::string up = clemency::ParentKey(k), last = k; !up.empty(); last = up, up = clemency::ParentKey(up))
    if (up.size() >= last.size()) Fail("ParentKey does not shorten", last);
  const clemency::ResolvedOffense r = clemency::ResolveOffense(&ca, "CA:" + code, code);
  if ((r.flags & ~r.flags_known) != 0) Fail("a flag is true but not known", code);
  if (r.how == clemency::Resolution::kSection)
    for (const clemency::Offense* o : r.candidates)
      if (!clemency::IsRefinementOf(clemency::NormalizeCode(o->code, ca.conventions()).key, k)) Fail("bad refinement", code);
  (void)r.Describe();
  (void)clemency::ResolveEnhancement(ca, "CA:" + code);
  return 0;
}
