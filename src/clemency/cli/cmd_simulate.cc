// clemency simulate: project what releasing a screening's eligible people (or
// planned releases) does, month by month, with bands (DESIGN.md section 4,
// docs/projection.md). Writes projection.csv, projection_summary.json and
// releases.csv.
#include <fmt/format.h>

#include <chrono>
#include <thread>

#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/progress.h"
#include "clemency/cli/projection_run.h"
#include "clemency/cli/screen_session.h"
#include "clemency/io/atomic_file.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/sha256.h"
#include "clemency/law/prison_flows.h"
#include "clemency/law/return_rates.h"
#include "clemency/law/rules_dir.h"
#include "clemency/report/policy_json.h"
#include "clemency/report/projection_outputs.h"
#include "clemency/report/report_html.h"
#include "clemency/report/review_text.h"
#include "clemency/sim/projection_figures.h"
#include "clemency/sim/roster.h"

namespace clemency {

namespace {

using nlohmann::ordered_json;

constexpr double kMaxSeriesBytes = 6e9;

// Reads a two-column CSV (header first) and calls row(line, first, second);
// returns an error "FILE:LINE: ..." or "".
template <typename Row>
std::string ReadPairs(const std::string& path, std::string_view a, std::string_view b, Row&& row) {
  std::string error;
  auto reader = CsvReader::Open(path, &error);
  if (!reader) return error;
  CsvRecord rec;
  bool header = true;
  while (reader->Next(rec)) {
    if (!rec.ok()) return fmt::format("{}:{}:{}: {}", path, rec.error_line, rec.error_column, rec.error);
    if (header) {
      if (rec.fields.size() < 2 || rec.fields[0] != a || rec.fields[1] != b)
        return fmt::format("{}:{}: expected the header {},{}", path, rec.line, a, b);
      header = false;
      continue;
    }
    if (rec.fields.size() < 2) return fmt::format("{}:{}: expected two fields, {} and {}", path, rec.line, a, b);
    if (std::string e = row(rec.line, rec.fields[0], rec.fields[1]); !e.empty()) return fmt::format("{}:{}: {}", path, rec.line, e);
  }
  if (header) return fmt::format("{}: empty; expected the header {},{}", path, a, b);
  return "";
}

// The month index of "YYYY-MM" from as_of, or nullopt.
std::optional<int32_t> MonthIndex(Date as_of, std::string_view text) {
  const DateParseResult d = ParseDate(std::string(text) + "-01");
  if (!d.ok() || text.size() != 7) return std::nullopt;
  return (d.date.year() - as_of.year()) * 12 + d.date.month() - as_of.month();
}

std::string ReadPlanned(const std::string& path, const ScreenSession& s, sim::ScenarioPlan& plan) {
  const Population& pop = *s.facts.population;
  std::vector<uint8_t> seen(pop.people_count(), 0);
  return ReadPairs(path, "person_id", "date", [&](uint64_t, std::string_view id, std::string_view date) -> std::string {
    const uint32_t p = pop.FindPerson(id);
    if (p == kNoIndex) return fmt::format("person_id \"{}\" is not in the population", id);
    if (seen[p]++) return fmt::format("person_id \"{}\" is listed twice", id);
    const DateParseResult d = ParseDate(date);
    if (!d.ok()) return fmt::format("date \"{}\": {}", date, DescribeDateParseError(d.error));
    if (d.date.days() < s.facts.as_of.days()) return fmt::format("date {} is before the as-of date {}", date, s.facts.as_of.ToString());
    plan.planned.emplace_back(p, sim::ReleaseMonthOf(d.date.days() - s.facts.as_of.days()));
    return "";
  });
}

std::string ReadActuals(const std::string& path, Date as_of, std::vector<std::pair<int32_t, double>>& out) {
  return ReadPairs(path, "month", "population", [&](uint64_t, std::string_view month, std::string_view count) -> std::string {
    const auto m = MonthIndex(as_of, month);
    if (!m) return fmt::format("month \"{}\": expected YYYY-MM", month);
    char* end = nullptr;
    const std::string text(count);
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || v < 0) return fmt::format("population \"{}\": expected a count", count);
    out.emplace_back(*m, v);
    return "";
  });
}

std::string Band(const ordered_json& b, std::string_view unit = "") {
  auto n = [](double v) { return Thousands(std::llround(v)); };
  return fmt::format("{}{} (90% band {} to {})", n(b["mean"].get<double>()), unit, n(b["p05"].get<double>()),
                     n(b["p95"].get<double>()));
}

std::string Dollars(const ordered_json& b) {
  auto m = [](double v) { return fmt::format("${:.1f} million", v / 1e6); };
  return fmt::format("{} (90% band {} to {})", m(b["mean"].get<double>()), m(b["p05"].get<double>()), m(b["p95"].get<double>()));
}

// "month 18 (2027-07)" or "not within N years".
std::string MonthText(const ordered_json& v, int years) {
  if (v.is_null()) return fmt::format("not within {} years", years);
  return fmt::format("month {} ({})", v["month"].get<int>(), v["date"].get<std::string>());
}

// "IA, NE" from a JSON array of codes.
std::string Codes(const ordered_json& list) {
  std::string out;
  for (const auto& c : list) out += (out.empty() ? "" : ", ") + c.get<std::string>();
  return out;
}

void PrintQueue(const ordered_json& h, const SimulateArgs& a) {
  fmt::print("{} people queued for the board at {} decisions a month, grant rate {}:\n", Thousands(h["queued_people"].get<int64_t>()),
             a.board_capacity > 0 ? Thousands(a.board_capacity) : "unlimited", a.grant_rate);
  const ordered_json& clear = h["months_to_clear_list"];
  fmt::print("  list cleared: {} in the median replicate (90% band {} to {})\n", MonthText(clear["median"], a.years),
             MonthText(clear["p05"], a.years), MonthText(clear["p95"], a.years));
  if (h.contains("target")) {
    const ordered_json& t = h["target"];
    fmt::print("  {} clemency releases: {} in the median replicate (90% band {} to {}); reached within {} years in {:.0f}% of replicates\n",
               Thousands(a.target), MonthText(t["median"], a.years), MonthText(t["p05"], a.years), MonthText(t["p95"], a.years),
               a.years, 100 * t["share_of_replicates_reached"].get<double>());
  }
  const ordered_json& peak = h["largest_population_reduction"];
  fmt::print("  largest population reduction: {} fewer people in {}\n", Band(peak["reduction"]), peak["date"].get<std::string>());
}

void PrintHeadline(const ordered_json& summary, const SimulateArgs& a, std::string_view shown_out) {
  const ordered_json& h = summary["headline"];
  const int64_t queued = h["queued_people"].get<int64_t>();
  if (!a.releases.empty()) {
    fmt::print("{} planned releases, each taking effect where it comes before the person's own release:\n", Thousands(queued));
    const ordered_json& peak = h["largest_population_reduction"];
    fmt::print("  largest population reduction: {} fewer people in {}\n", Band(peak["reduction"]), peak["date"].get<std::string>());
  } else if (queued > 0) {
    PrintQueue(h, a);
  } else {
    fmt::print("nobody is queued for the board: the policy finds nobody eligible{}\n",
               a.review_share > 0 ? " or needing review" : " (--review-share P queues the needs_review people)");
  }
  const ordered_json& end = h["at_horizon"];
  fmt::print("  at {}: population {} against {} without clemency\n", end["month"].get<std::string>(),
             Band(end["scenario_population"]), Band(end["baseline_population"]));
  const ordered_json& no_cost = summary["jurisdictions_without_cost"];
  std::string cost;
  if (no_cost.size() == summary["jurisdictions"].size())
    cost = fmt::format("cost avoided not computed: no sourced cost per prisoner-year for {} (rules/jurisdictions/XX.toml [cost])",
                       Codes(no_cost));
  else
    cost = fmt::format("cost avoided {} at average cost per prisoner-year{}", Dollars(end["cost_avoided_usd"]),
                       no_cost.empty() ? "" : "; nothing counted for " + Codes(no_cost) + ", which have no sourced cost");
  fmt::print("  prison years avoided {}; {}\n", Band(end["person_years_avoided"]), cost);
  const ordered_json& t = h["totals_over_horizon_mean"];
  fmt::print("  returns to prison over {} years: {} against {} without clemency\n", a.years,
             Thousands(std::llround(t["returns_scenario"].get<double>())),
             Thousands(std::llround(t["returns_baseline"].get<double>())));
  std::string uncounted;
  for (const auto& j : summary["jurisdictions"]) {
    const std::string rule = j["vote_restoration"].get<std::string>();
    if (rule != "on_release" && rule != "after_sentence")
      uncounted += fmt::format("{}{} ({})", uncounted.empty() ? "" : ", ", j["code"].get<std::string>(), rule);
  }
  fmt::print("  votes restored at the end: {} against {} without clemency{}\n",
             Thousands(std::llround(end["votes_restored_scenario"]["mean"].get<double>())),
             Thousands(std::llround(end["votes_restored_baseline"]["mean"].get<double>())),
             uncounted.empty() ? "" : "; not counted for " + uncounted);
  fmt::print("  -> {}\n", shown_out);
}

// The scenario's people: planned releases, or the screening's queue. Returns
// kExitOk or the exit code after printing why; status gets one entry per person.
int FillPlan(const SimulateArgs& a, const ScreenSession& s, sim::ScenarioPlan& plan, std::vector<std::string>& status) {
  if (a.releases.empty()) {
    plan.queue = sim::QueueFromScreening(s.screening, a.review_share);
    for (const auto& q : plan.queue) status.push_back(q.needs_review ? "needs_review" : "eligible");
    return kExitOk;
  }
  if (std::string e = ReadPlanned(a.releases, s, plan); !e.empty()) {
    fmt::print(stderr, "clemency simulate: --releases {}\n", e);
    return kExitBadData;
  }
  status.assign(plan.planned.size(), "planned");
  return kExitOk;
}

// Every replicate keeps its monthly series for the percentiles: refuse what
// would not fit on an ordinary laptop before spending minutes on it.
bool SeriesFit(const sim::SimInput& in) {
  const sim::SeriesLayout layout{static_cast<int>(in.jurisdictions.size()), static_cast<int>(in.facilities.size())};
  const double bytes = 2.0 * in.replicates * (in.months + 1) * 4.0 * layout.size();
  if (bytes <= kMaxSeriesBytes) return true;
  fmt::print(stderr, "clemency simulate: {} replicates of {} months over {} facilities would hold {:.1f} GB of monthly series; "
             "lower --replicates or --years (at most {:.0f} GB)\n", in.replicates, in.months, in.facilities.size(), bytes / 1e9,
             kMaxSeriesBytes / 1e9);
  return false;
}

void PrintScreeningCounts(const ScreenSession& s, const SimulateArgs& a) {
  if (!s.policy) return;
  size_t counts[3] = {0, 0, 0};
  for (Status st : s.screening.status) ++counts[static_cast<int>(st)];
  fmt::print("{}: {} people as of {}: {} eligible, {} needs review{}, {} not eligible\n", s.policy->id,
             Thousands(static_cast<int64_t>(s.facts.people())), s.facts.as_of.ToString(), Thousands(counts[0]),
             Thousands(counts[1]),
             a.review_share > 0 ? fmt::format(" (queued after them, each kept with probability {})", a.review_share) : "",
             Thousands(counts[2]));
}

sim::ProjectionResult ProjectWithProgress(const sim::SimInput& in) {
  struct Bar {
    ProgressCallback cb;
    int total;
  } bar{TerminalProgress(), in.replicates};
  sim::ProjectionResult result = sim::Project(in, [](int done, void* p) {
    auto* b = static_cast<Bar*>(p);
    if (b->cb) b->cb("simulate", static_cast<uint64_t>(done), static_cast<uint64_t>(b->total));
  }, &bar);
  EndTerminalProgress();
  return result;
}

// report.html with the projection: the screening's sections (when a policy
// was screened) from a summary with its review triage (simulate screens
// without one), and the projection's.
std::string SimulateReport(ScreenSession& s, const ordered_json& projection_summary, const ProjectionContext& c) {
  ReportInputs report{nullptr, nullptr, {{"summary", projection_summary}, {"chart", ProjectionChartJson(c)}}};
  if (s.policy) {
    s.triage = TriageReview(*s.policy, s.facts, s.screening);
    const ScreenContext sc = s.context();
    report.summary = ScreeningSummary(sc, s.manifest);
    report.policy = PolicyJson(sc);
  }
  return ReportHtml(report);
}

}  // namespace

int RunSimulate(const SimulateArgs& a) {
  if (a.in.policy.empty() && a.releases.empty()) {
    fmt::print(stderr, "clemency simulate: give --policy (release its eligible people) or --releases FILE.csv\n");
    return kExitUsage;
  }
  std::string error;
  const auto grant = sim::GrantRate::Parse(a.grant_rate, &error);
  if (!grant) {
    fmt::print(stderr, "clemency simulate: --grant-rate: {}\n", error);
    return kExitUsage;
  }
  if (OutputHolds(a.out_dir, a.in.data_dir)) {
    fmt::print(stderr, "clemency simulate: -o {} holds the --data folder {}; choose another output folder\n", a.out_dir,
               a.in.data_dir);
    return kExitUsage;
  }
  CommandOutput out("simulate", a.out_dir, a.staged);
  if (const int rc = out.Open(kSimulateOutputNames); rc != kExitOk) return rc;
  const auto rules = LoadProjectionRules(&error);
  if (!rules) {
    fmt::print(stderr, "clemency simulate: {}\n", error);
    return kExitBadRules;
  }
  ScreenSession s;
  ScreenInputs inputs = a.in;
  inputs.decisions_only = true;
  if (const int rc = PrepareScreen(inputs, "simulate", s); rc != kExitOk) return rc;
  sim::RosterNotes notes;
  sim::SimInput in = ProjectionInput(a, s, *rules, *grant, &notes);
  std::vector<std::string> plan_status;
  if (const int rc = FillPlan(a, s, in.plan, plan_status); rc != kExitOk) return rc;
  std::vector<std::pair<int32_t, double>> actuals;
  if (!a.actuals.empty())
    if (std::string e = ReadActuals(a.actuals, s.facts.as_of, actuals); !e.empty()) {
      fmt::print(stderr, "clemency simulate: --actuals {}\n", e);
      return kExitBadData;
    }
  if (!SeriesFit(in)) return kExitUsage;
  PrintScreeningCounts(s, a);

  const auto t0 = std::chrono::steady_clock::now();
  const sim::ProjectionResult result = ProjectWithProgress(in);
  const double project_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::vector<sim::Figure> figures = sim::ProjectionFigures(result, in, in.threads);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const Population& pop = *s.facts.population;
  std::vector<std::string> person_ids;
  for (uint32_t p = 0; p < pop.people_count(); ++p) person_ids.emplace_back(pop.str(pop.people.id[p]));
  const ProjectionContext c{in, result, figures, notes, s.facts.as_of, std::move(person_ids), std::move(plan_status),
                            std::move(actuals)};
  const ordered_json summary = ProjectionSummary(c, SummaryExtra(a, s, *grant, *rules));
  if (!WriteProjectionCsv(c, out.path("projection.csv"), &error) ||
      !WriteFileAtomically(out.path("projection_summary.json"), summary.dump(2) + "\n", &error) ||
      !WriteReleasesCsv(c, out.path("releases.csv"), &error) ||
      !WriteFileAtomically(out.path("report.html"), SimulateReport(s, summary, c), &error))
    return out.Fail(error);
  ManifestInfo info{"simulate", s.facts.as_of.ToString(), {}};
  info.inputs = s.manifest.inputs;
  if (const int rc = out.Commit(info); rc != kExitOk) return rc;
  if (a.timings)
    fmt::print(stderr, "timings: load {:.3f} s, screen {:.3f} s, replicates {:.3f} s, figures {:.3f} s\n", s.load_seconds,
               s.screen_seconds, project_seconds, seconds - project_seconds);
  PrintHeadline(summary, a, a.shown_out.empty() ? a.out_dir : a.shown_out);
  return kExitOk;
}

}  // namespace clemency
