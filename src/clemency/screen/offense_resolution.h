// Every sentence's offense resolved against its jurisdiction's catalog
// (law/offense_resolver.h), once per distinct code as written (and per
// description, for codes only a description pattern can resolve), and every
// enhancement code against the catalog's enhancements. The jurisdiction is
// the code's "XX:" prefix, which the loader always supplies.
#ifndef CLEMENCY_SCREEN_OFFENSE_RESOLUTION_H_
#define CLEMENCY_SCREEN_OFFENSE_RESOLUTION_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "clemency/core/population.h"
#include "clemency/law/law_refs.h"
#include "clemency/law/offense_resolver.h"

namespace clemency {

struct OffenseResolutions {
  struct Entry {
    StrId code = kNoStr;         // as written (population string)
    StrId description = kNoStr;  // the description that resolved it, or kNoStr
    ResolvedOffense resolved;
  };
  std::vector<Entry> entries;
  std::vector<uint32_t> of_sentence;  // index into entries
  // Per enhancement: the catalog code it resolved to, or the code as written.
  std::vector<std::string> enhancement_code;

  const ResolvedOffense& of(uint32_t sentence) const { return entries[of_sentence[sentence]].resolved; }
};

// The jurisdiction of a code: the text before its first ':'.
std::string_view CodeJurisdiction(std::string_view code);

OffenseResolutions ResolveOffenses(const Population& pop, const CatalogSet& catalogs);

}  // namespace clemency

#endif  // CLEMENCY_SCREEN_OFFENSE_RESOLUTION_H_
