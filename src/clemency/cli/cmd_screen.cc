// clemency screen: screen a population against a policy and write
// screening.csv, reasons.jsonl, summary.json, candidates.xlsx (DESIGN.md 5).
#include <fmt/format.h>

#include <chrono>
#include <map>

#include "clemency/cli/commands.h"
#include "clemency/cli/screen_session.h"
#include "clemency/io/rejected_csv.h"
#include "clemency/report/catalog_gaps.h"

namespace clemency {

int RunScreen(const ScreenArgs& args) {
  ScreenSession s;
  if (const int rc = PrepareScreen(args.in, "screen", s); rc != kExitOk) return rc;
  const auto t0 = std::chrono::steady_clock::now();
  std::string error;
  if (!WriteScreeningOutputs(s.context(), s.manifest, args.out_dir, &error) ||
      (args.in.on_error == "quarantine" && !WriteRejectedCsv(args.out_dir + "/rejected.csv", s.load.rejected, &error))) {
    fmt::print(stderr, "clemency screen: {}\n", error);
    return kExitInternal;
  }
  if (args.timings) {
    const double write = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print(stderr, "timings: load {:.3f} s, screen {:.3f} s ({} eligible_on passes), write {:.3f} s\n",
               s.load_seconds, s.screen_seconds, s.screening.eligible_on_passes, write);
  }
  size_t counts[3] = {0, 0, 0};
  for (Status st : s.screening.status) ++counts[static_cast<int>(st)];
  fmt::print("{}: {} people as of {}: {} eligible, {} needs review, {} not eligible -> {}\n", s.policy->id,
             s.facts.people(), s.facts.as_of.ToString(), counts[0], counts[1], counts[2], args.out_dir);
  // Codes the catalogs cannot fully resolve, and the decisions hanging on them.
  if (const std::vector<CatalogGap> gaps = FindCatalogGaps(s.facts, &s.screening); !gaps.empty()) {
    uint64_t review = 0;
    for (const CatalogGap& g : gaps) review += g.needs_review;
    fmt::print("catalog: {} offense codes or descriptions resolve to nothing or to a partial entry; {} needs-review "
               "decisions hang on them (summary.json catalog_gaps; `clemency catalog gaps --data {}` writes catalog stubs)\n",
               gaps.size(), review, args.in.data_dir);
  }
  // What the reforms in force did (docs/current-law.md).
  const FactTable& f = s.facts;
  std::map<std::string, int64_t> by_remedy;
  int64_t certain = 0, possible = 0, unencoded = 0;
  for (size_t p = 0; p < f.people(); ++p) {
    const std::string_view remedy = f.strings.View(static_cast<StrId>(f.current_law_remedy[p]));
    if (f.current_law_excess[p] != kNa && f.current_law_excess[p] > 0) {
      ++certain;
      ++by_remedy[std::string(remedy)];
    } else if (remedy == "unknown") {
      ++unencoded;
    } else if (f.current_law_excess[p] == kNa && f.active_sentences[p] > 0) {
      ++possible;
    }
  }
  if (certain + possible > 0)
    fmt::print("current law: {} people would serve less under the reforms in force ({} through a court, {} a board, "
               "{} only clemency); for {} more it may be less (a court's discretion or facts the data lacks)\n",
               certain, by_remedy["court"], by_remedy["board"], by_remedy["clemency"], possible);
  if (unencoded > 0)
    fmt::print("current law: unknown for {} people: no sentencing reforms are encoded for their jurisdiction "
               "(rules/reforms/)\n",
               unencoded);
  return kExitOk;
}

}  // namespace clemency
