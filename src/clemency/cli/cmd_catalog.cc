// clemency catalog gaps: the offense codes and descriptions of a population
// that the catalogs resolve to nothing or to a partial entry, most
// consequential first, as stubs to paste into a catalog file (stdout or -o).
// With --policy, each gap also counts the needs_review decisions hanging on it.
#include <fmt/format.h>

#include "clemency/cli/commands.h"
#include "clemency/cli/screen_session.h"
#include "clemency/io/atomic_file.h"
#include "clemency/report/catalog_gaps.h"

namespace clemency {

int RunCatalogGaps(const CatalogGapsArgs& args) {
  ScreenInputs in = args.in;
  in.allow_missing_catalog = true;  // a jurisdiction without a catalog is the biggest gap of all
  ScreenSession s;
  if (const int rc = PrepareScreen(in, "catalog gaps", s); rc != kExitOk) return rc;
  const std::vector<CatalogGap> gaps = FindCatalogGaps(s.facts, s.policy ? &s.screening : nullptr, s.policy ? &s.triage : nullptr);
  const std::string toml = CatalogGapsToml(gaps);
  if (args.out_file.empty()) {
    fmt::print(stderr, "clemency catalog gaps: {}\n", s.as_of.Statement());  // stdout holds the stubs
    fmt::print("{}", toml);
  } else {
    std::string error;
    if (!WriteFileAtomically(args.out_file, toml, &error)) {
      fmt::print(stderr, "clemency catalog gaps: {}\n", error);
      return kExitUsage;
    }
    fmt::print("{}\n", s.as_of.Statement());
  }
  uint64_t people = 0, review = 0;
  for (const CatalogGap& g : gaps) {
    people += g.people;
    review += g.needs_review;
  }
  fmt::print(stderr, "{} codes or descriptions resolve to nothing or to a partial catalog entry ({} people{})\n", gaps.size(),
             people, s.policy ? fmt::format(", {} needs_review decisions under {}", review, s.policy->id) : "");
  return kExitOk;
}

}  // namespace clemency
