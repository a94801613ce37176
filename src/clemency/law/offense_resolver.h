// Resolving an offense code as written against a jurisdiction's catalog
// (DESIGN.md section 3), in this order, the first that succeeds:
//   exact        the code is a catalog code;
//   normalised   its canonical key (law/offense_code.h) is a code's or an
//                alias's key ("PC187 2nd" -> "CA:PC 187 2nd");
//   section      it has less detail than the catalog ("CA:PC 211" against
//                "211 1st" and "211 2nd"): it stands for all its refinements,
//                and each field is known where they all agree, else unknown;
//   parent       it has more detail than the catalog ("HS 11352(a)(1)"): the
//                nearest catalogued provision it falls under;
//   attempt      an attempt of a catalogued offense whose attempt the catalog
//                does not list: the offense's category, every flag unknown;
//   code / description pattern   the catalog's [[pattern]]s, first match;
//   unresolved   nothing matched: category and flags unknown.
#ifndef CLEMENCY_LAW_OFFENSE_RESOLVER_H_
#define CLEMENCY_LAW_OFFENSE_RESOLVER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clemency/law/offense_catalog.h"

namespace clemency {

enum class Resolution { kExact, kNormalised, kSection, kParent, kAttempt, kCodePattern, kDescriptionPattern,
                        kUnresolved, kNoCatalog };
std::string_view ResolutionName(Resolution r);

struct ResolvedOffense {
  Resolution how = Resolution::kUnresolved;
  // The one catalog entry the code stands for (exact, normalised, parent, a
  // pattern naming an offense), else null.
  const Offense* offense = nullptr;
  std::vector<const Offense*> candidates;  // section: the refinements; attempt: the offense attempted
  const OffensePattern* pattern = nullptr;
  std::string category;     // "" when unknown
  std::string bjs_offense;  // "" when unknown
  uint64_t flags = 0;        // bit i: kOffenseFlags[i] is certainly true
  uint64_t flags_known = 0;  // bit i: kOffenseFlags[i] is known (true or false)
  std::vector<std::string> differing;  // section: the fields the refinements disagree on

  bool category_known() const { return !category.empty(); }
  bool complete() const;  // category and every flag known
  // One line for explain and the gaps report, e.g. "section: CA:PC 211 1st,
  // CA:PC 211 2nd (they differ in: triad)".
  std::string Describe() const;
};

inline constexpr uint64_t kAllOffenseFlags = (uint64_t{1} << std::size(kOffenseFlags)) - 1;

ResolvedOffense ResolveOffense(const OffenseCatalog* catalog, std::string_view code, std::string_view description);

// The catalog enhancement a code as written stands for (exact or
// normalised), or null.
const SentenceEnhancement* ResolveEnhancement(const OffenseCatalog& catalog, std::string_view code);

}  // namespace clemency

#endif  // CLEMENCY_LAW_OFFENSE_RESOLVER_H_
