// clemency screen: screen a population against a policy and write
// screening.csv, reasons.jsonl, summary.json, candidates.xlsx (DESIGN.md 5).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/screen_session.h"
#include "clemency/io/rejected_csv.h"
#include "clemency/law/remedy.h"
#include "clemency/report/catalog_gaps.h"
#include "clemency/report/review_text.h"
#include "clemency/screen/data_coverage.h"

namespace clemency {
namespace {

constexpr size_t kShownTriageGroups = 5;
constexpr size_t kShownCoverageGaps = 8;

// What the screening could not decide and why, in plain words: the largest
// triage groups, the facts the data lacks, the assumptions made or suggested.
void PrintReviewTriage(const ScreenSession& s) {
  const std::vector<CoverageEntry> coverage = DataCoverage(*s.policy, s.facts, s.triage);
  const std::vector<TriageGroup> groups = TriageGroups(s.triage);
  int64_t needs_review = 0;
  for (const TriageGroup& g : groups) needs_review += g.people;
  if (needs_review > 0) {
    fmt::print("review triage: what would decide the {} {} review{}:\n", Thousands(needs_review),
               needs_review == 1 ? "person who needs" : "people who need",
               groups.size() > kShownTriageGroups ? fmt::format(" ({} largest of {} groups; all in summary.json)",
                                                                kShownTriageGroups, groups.size())
                                                  : "");
    for (size_t i = 0; i < groups.size() && i < kShownTriageGroups; ++i)
      fmt::print("  {}\n", TriageGroupText(groups[i], coverage));
  }
  std::vector<const CoverageEntry*> absent, gaps;
  for (const CoverageEntry& e : coverage) (e.absent() ? absent : gaps).push_back(&e);
  std::stable_sort(gaps.begin(), gaps.end(), [](const CoverageEntry* a, const CoverageEntry* b) {
    return a->needs_review != b->needs_review ? a->needs_review > b->needs_review : a->missing > b->missing;
  });
  if (!coverage.empty()) fmt::print("data coverage: facts the policy reads that the data lacks:\n");
  for (const CoverageEntry* e : absent) fmt::print("  {}\n", CoverageText(*e));
  for (size_t i = 0; i < gaps.size() && i < kShownCoverageGaps; ++i) fmt::print("  {}\n", CoverageText(*gaps[i]));
  if (gaps.size() > kShownCoverageGaps)
    fmt::print("  ... {} more partial gaps in summary.json (data_coverage)\n", gaps.size() - kShownCoverageGaps);
  for (const Assumption& a : s.assumptions)
    fmt::print("assumed: {} = {} (--assume) for the {} people whose data lacks it\n", a.fact->name, a.text,
               Thousands(a.filled));
  for (const PolicyAssumption& a : s.policy->assumptions) {
    bool applied = false;
    for (const Assumption& given : s.assumptions) applied |= given.fact->name == a.fact && given.text == a.value;
    if (!applied)
      fmt::print("suggested by the policy, not applied: --assume {}={} ({})\n", a.fact, a.value, a.reason);
  }
}

}  // namespace

int RunScreen(const ScreenArgs& args) {
  // The output folder first: a locked or unwritable OUT fails before the work.
  if (OutputHolds(args.out_dir, args.in.data_dir)) {
    fmt::print(stderr, "clemency screen: -o {} holds the --data folder {}: writing there would replace it; choose "
               "another output folder\n", args.out_dir, args.in.data_dir);
    return kExitUsage;
  }
  CommandOutput out("screen", args.out_dir, args.staged);
  if (const int rc = out.Open(kScreenOutputNames); rc != kExitOk) return rc;
  ScreenSession s;
  if (const int rc = PrepareScreen(args.in, "screen", s); rc != kExitOk) return rc;
  const auto t0 = std::chrono::steady_clock::now();
  std::string error;
  if (!WriteScreeningOutputs(s.context(), s.manifest, out.dir(), &error) ||
      (args.in.on_error == "quarantine" && !WriteRejectedCsv(out.path("rejected.csv"), s.load.rejected, &error)))
    return out.Fail(error);
  ManifestInfo info{"screen", s.facts.as_of.ToString(), {}};
  info.inputs = s.manifest.inputs;  // file names within --data
  if (const int rc = out.Commit(info); rc != kExitOk) return rc;
  if (args.timings) {
    const double write = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    fmt::print(stderr,
               "timings: load {:.3f} s, screen {:.3f} s ({} eligible_on passes; review triage {:.3f} s), write {:.3f} s\n",
               s.load_seconds, s.screen_seconds, s.screening.eligible_on_passes, s.triage_seconds, write);
  }
  size_t counts[3] = {0, 0, 0};
  for (Status st : s.screening.status) ++counts[static_cast<int>(st)];
  fmt::print("{}\n", s.as_of.Statement());
  fmt::print("{}: {} people as of {}: {} eligible, {} needs review, {} not eligible -> {}\n", s.policy->id,
             s.facts.people(), s.facts.as_of.ToString(), counts[0], counts[1], counts[2],
             args.shown_out.empty() ? args.out_dir : args.shown_out);
  // Codes the catalogs cannot fully resolve, and the decisions hanging on them.
  if (const std::vector<CatalogGap> gaps = FindCatalogGaps(s.facts, &s.screening, &s.triage); !gaps.empty()) {
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
  if (certain + possible > 0) {
    std::string remedies;  // "3 court, 1 clemency", strongest first
    for (const RemedyKind& k : kRemedyKinds)
      if (by_remedy[std::string(k.name)] > 0)
        remedies += fmt::format("{}{} {}", remedies.empty() ? "" : ", ", by_remedy[std::string(k.name)], k.name);
    fmt::print("current law: {} people would serve less under the reforms in force (remedy: {}); for {} more it may "
               "be less (a court's discretion or facts the data lacks)\n",
               certain, remedies.empty() ? "none" : remedies, possible);
  }
  if (unencoded > 0)
    fmt::print("current law: unknown for {} people: no sentencing reforms are encoded for their jurisdiction "
               "(rules/reforms/)\n",
               unencoded);
  PrintReviewTriage(s);
  return kExitOk;
}

}  // namespace clemency
