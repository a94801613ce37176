// clemency demo: the main job on the embedded default, a California-sized
// synthetic state (100,000 people, seed 1, as of 2026-01-01): generate it,
// load and validate it, screen it with redemption-2020, project the releases
// of its eligible people by a board at a stated capacity and grant rate, and
// print a short summary. The report joins here when it is built.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/load_report.h"
#include "clemency/cli/progress.h"
#include "clemency/io/population_loader.h"

namespace clemency {
namespace {

constexpr const char* kDefaultAsOf = "2026-01-01";
constexpr int64_t kDefaultPeople = 100000;
// The demo's board: stated in the printout and in projection_summary.json.
constexpr int kDemoBoardCapacity = 300;
constexpr const char* kDemoGrantRate = "uniform:0.3,0.6";
constexpr int kDemoLagMonths = 3;
constexpr int64_t kDemoTarget = 2500;

void PrintPopulationSummary(const Population& pop, Date as_of) {
  size_t older = 0, technical = 0, female = 0, life = 0;  // life: life, LWOP, death or N-to-life
  for (uint32_t p = 0; p < pop.people_count(); ++p) {
    if (AgeOn(pop.people.birth_date[p], as_of) >= 55) ++older;
    if (pop.people.admission_type[p] == AdmissionType::kTechnicalViolation) ++technical;
    if (pop.people.sex[p] == Sex::kF) ++female;
    const IndexRange r = pop.SentencesOf(p);
    for (uint32_t s = r.begin; s < r.end; ++s) {
      const SentenceType t = pop.sentences.type[s];
      const bool to_life = t == SentenceType::kIndeterminate && pop.sentences.max_term_days[s] == kMissingInt;
      if (pop.sentences.status[s] == SentenceStatus::kActive && (t != SentenceType::kDeterminate) &&
          (t != SentenceType::kIndeterminate || to_life)) {
        ++life;
        break;
      }
    }
  }
  const double n = static_cast<double>(pop.people_count());
  auto pct = [n](size_t k) { return 100.0 * static_cast<double>(k) / n; };
  fmt::print("population      {} people, {} sentences, {} facilities\n", pop.people_count(),
             pop.sentence_count(), pop.facility_count());
  fmt::print("aged 55+        {:>7} ({:.1f}%)\n", older, pct(older));
  fmt::print("women           {:>7} ({:.1f}%)\n", female, pct(female));
  fmt::print("technical viol. {:>7} ({:.1f}%)\n", technical, pct(technical));
  fmt::print("life terms      {:>7} ({:.1f}%) life, LWOP, death or N years to life\n", life, pct(life));
  fmt::print("memory          {:.1f} MB in columns and strings\n",
             static_cast<double>(pop.bytes_used()) / 1e6);
}

}  // namespace

int RunDemo(const DemoArgs& args) {
  // One staging folder for the whole demo; synth and screen write inside it.
  CommandOutput out("demo", args.out_dir);
  std::vector<std::string> known;
  for (const std::string& n : kSynthOutputNames) known.push_back("data/" + n);
  for (const std::string& n : kScreenOutputNames) known.push_back("screen-redemption-2020/" + n);
  for (const std::string& n : kSimulateOutputNames) known.push_back("simulate-redemption-2020/" + n);
  if (const int rc = out.Open(known); rc != kExitOk) return rc;
  const std::string data_dir = out.path("data");
  const std::string final_data_dir = args.out_dir + "/data";
  fmt::print("clemency demo: a synthetic California-sized state, {} people, as of {}\n",
             kDefaultPeople, kDefaultAsOf);

  SynthArgs synth;
  synth.jurisdiction = "CA";
  synth.people = kDefaultPeople;
  synth.seed = 1;
  synth.as_of = kDefaultAsOf;
  synth.out_dir = data_dir;
  synth.staged = false;
  const auto t0 = std::chrono::steady_clock::now();
  if (const int rc = RunSynth(synth); rc != kExitOk) return rc;
  const auto t1 = std::chrono::steady_clock::now();

  LoadOptions options;
  options.as_of = ParseDate(kDefaultAsOf).date;
  options.progress = TerminalProgress();
  const LoadResult result = LoadPopulation(data_dir, options);
  EndTerminalProgress();
  const auto t2 = std::chrono::steady_clock::now();
  PrintLoadProblems(result, false);
  if (result.fatal || result.error_count > 0) {
    fmt::print(stderr, "clemency demo: the generated population did not validate\n");
    return kExitInternal;
  }
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  fmt::print("\n[synth]    {} in {:.2f} s\n", final_data_dir, secs(t0, t1));
  fmt::print("[validate] {:.2f} s\n", secs(t1, t2));
  PrintLoadCounts(result, stdout);
  fmt::print("\n");
  PrintPopulationSummary(*result.population, options.as_of);

  // Screen with the Redemption Campaign policy.
  ScreenArgs screen;
  screen.in.data_dir = data_dir;
  screen.in.policy = "redemption-2020";
  screen.in.as_of = kDefaultAsOf;
  screen.out_dir = out.path("screen-redemption-2020");
  screen.staged = false;
  screen.shown_out = args.out_dir + "/screen-redemption-2020";
  fmt::print("\n[screen]   ");
  std::fflush(stdout);
  const auto t3 = std::chrono::steady_clock::now();
  if (const int rc = RunScreen(screen); rc != kExitOk) return rc;
  fmt::print("           {:.2f} s; explain anyone with: build/clemency explain --data {} --policy redemption-2020 "
             "--as-of {} --person P0000001\n",
             secs(t3, std::chrono::steady_clock::now()), final_data_dir, kDefaultAsOf);

  // Project the eligible people's releases by a board of stated capacity.
  SimulateArgs sim;
  sim.in = screen.in;
  sim.years = 10;
  sim.replicates = 500;
  sim.seed = 1;
  sim.board_capacity = kDemoBoardCapacity;
  sim.grant_rate = kDemoGrantRate;
  sim.lag_months = kDemoLagMonths;
  sim.target = kDemoTarget;
  sim.out_dir = out.path("simulate-redemption-2020");
  sim.staged = false;
  sim.shown_out = args.out_dir + "/simulate-redemption-2020";
  fmt::print("\n[simulate] 10 years, 500 replicates; a board deciding {} cases a month after a {}-month lag, granting "
             "{} (assumed), target {} releases\n",
             kDemoBoardCapacity, kDemoLagMonths, kDemoGrantRate, kDemoTarget);
  const auto t4 = std::chrono::steady_clock::now();
  if (const int rc = RunSimulate(sim); rc != kExitOk) return rc;
  if (const int rc = out.Commit({"demo", kDefaultAsOf, {}}); rc != kExitOk) return rc;
  fmt::print("           {:.2f} s; the method and its sources: docs/projection.md\n",
             secs(t4, std::chrono::steady_clock::now()));
  // Where to look next: the report, and the dashboard over the same data.
  std::error_code ec;
  const std::string report = std::filesystem::absolute(args.out_dir + "/simulate-redemption-2020/report.html", ec).string();
  fmt::print("\n[report]   {}\n"
             "           open it in a browser: the screening, the projection and their sources (print it for a brief)\n",
             report);
  fmt::print("[serve]    the dashboard over the same people (move the policy's parameters, see the list change):\n"
             "           build/clemency serve --data {} --policy redemption-2020 --as-of {}\n"
             "           then open http://127.0.0.1:8080/ (this machine only; Ctrl-C stops it)\n",
             final_data_dir, kDefaultAsOf);
  return kExitOk;
}

}  // namespace clemency
