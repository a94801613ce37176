// `clemency screen` reduced to the work the other systems of bench/compare.sh
// do: load and validate the CSVs, build the facts with the same law (offense
// catalogs, sentencing reforms, jurisdiction facts), screen against a policy (eligible_on
// and the review triage included, as `clemency screen` does) and write screening.csv only (no
// reasons.jsonl, summary.json or candidates.xlsx). Prints the seconds of each
// stage on stderr like `clemency screen --timings`.
//   usage: screen_csv_only DATA_DIR OUT.csv [AS_OF] [POLICY]
// AS_OF defaults to 2026-01-01, POLICY to redemption-2020.
#include <chrono>
#include <cstdio>
#include <string>

#include "bench_data.h"
#include "clemency/report/screening_csv.h"
#include "clemency/screen/review_triage.h"
#include "clemency/screen/screener.h"

int main(int argc, char** argv) {
  using namespace clemency;
  if (argc < 3 || argc > 5) {
    std::fprintf(stderr, "usage: screen_csv_only DATA_DIR OUT.csv [AS_OF] [POLICY]\n");
    return 2;
  }
  const std::string dir = argv[1], out = argv[2];
  const DateParseResult as_of = ParseDate(argc > 3 ? argv[3] : "2026-01-01");
  if (!as_of.ok()) {
    std::fprintf(stderr, "screen_csv_only: bad as-of date\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  bench::Loaded loaded;
  if (!bench::LoadAll(dir, as_of.date, argc > 4 ? argv[4] : "redemption-2020", loaded)) return 3;
  const auto t1 = Clock::now();
  const FactTable facts = BuildFactTable(*loaded.load.population, loaded.law(), as_of.date);
  const Screening screening = Screen(*loaded.policy, facts);
  const auto t_triage = Clock::now();
  const ReviewTriage triage = TriageReview(*loaded.policy, facts, screening);
  const auto t2 = Clock::now();
  std::string error;
  if (!WriteScreeningCsv({*loaded.policy, facts, screening, &triage}, out, &error)) {
    std::fprintf(stderr, "screen_csv_only: %s\n", error.c_str());
    return 1;
  }
  const auto t3 = Clock::now();
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::fprintf(stderr, "timings: load %.3f s, screen %.3f s (%d eligible_on passes; review triage %.3f s), write %.3f s\n",
               secs(t0, t1), secs(t1, t2), screening.eligible_on_passes, secs(t_triage, t2), secs(t2, t3));
  size_t counts[3] = {0, 0, 0};
  for (Status st : screening.status) ++counts[static_cast<int>(st)];
  std::printf("screen_csv_only: %zu eligible, %zu needs review, %zu not eligible -> %s\n", counts[0], counts[1],
              counts[2], out.c_str());
  return 0;
}
