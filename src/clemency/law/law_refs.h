// The law a fact table is built with, by jurisdiction code ("CA", "US"):
// offense catalogs (each sentence's category and flags), sentencing reforms
// and jurisdiction facts (clemency authority, voting rights). The maps point
// into objects someone else owns (law/population_law.h, or a test's own).
#ifndef CLEMENCY_LAW_LAW_REFS_H_
#define CLEMENCY_LAW_LAW_REFS_H_

#include <map>
#include <string>

#include "clemency/law/jurisdiction.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"

namespace clemency {

// A jurisdiction without an entry has no catalog: its offenses are unknown.
using CatalogSet = std::map<std::string, const OffenseCatalog*, std::less<>>;
// A jurisdiction without an entry has no reform pack.
using ReformSets = std::map<std::string, const ReformSet*, std::less<>>;
// A jurisdiction without an entry has no jurisdiction file.
using JurisdictionSets = std::map<std::string, const JurisdictionFacts*, std::less<>>;

// All three maps are optional.
struct LawRefs {
  CatalogSet catalogs;
  ReformSets reforms;
  JurisdictionSets jurisdictions;
  // When true, a person whose jurisdiction has no entry in `reforms` (no
  // rules/reforms/XX.toml), or whose pack was reviewed only through a date
  // before the as-of date, has an unknown excess and remedy "unknown"; when
  // false (unit tests of one state), no entry means no reforms.
  bool unknown_without_reforms = false;
};

}  // namespace clemency

#endif  // CLEMENCY_LAW_LAW_REFS_H_
