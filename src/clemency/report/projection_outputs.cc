#include "clemency/report/projection_outputs.h"

#include <fmt/format.h>

#include <cmath>

#include "clemency/io/atomic_file.h"
#include "clemency/core/codes.h"
#include "clemency/io/csv_writer.h"

namespace clemency {
namespace {

using nlohmann::ordered_json;
using sim::kNever;

double Round2(double v) { return std::round(v * 100) / 100; }
double Round3(double v) { return std::round(v * 1000) / 1000; }

ordered_json BandJson(const sim::Band& b) { return {{"mean", Round2(b.mean)}, {"p05", Round2(b.p05)}, {"p95", Round2(b.p95)}}; }

const sim::Figure* FindFigure(const ProjectionContext& c, std::string_view scenario, std::string_view metric) {
  for (const sim::Figure& f : c.figures)
    if (f.scenario == scenario && f.metric == metric && f.group == "all") return &f;
  return nullptr;
}

// A month as its number and label, or null when not within the horizon.
ordered_json MonthValue(const ProjectionContext& c, int32_t m) {
  if (m == kNever) return nullptr;
  return {{"month", m}, {"date", MonthLabel(c.as_of, m)}};
}

ordered_json MonthJson(const ProjectionContext& c, const std::vector<int32_t>& months, std::string_view null_means) {
  const sim::MonthBand mb = sim::MonthBandOf(months);
  return {{"p05", MonthValue(c, mb.p05)},
          {"median", MonthValue(c, mb.median)},
          {"p95", MonthValue(c, mb.p95)},
          {"share_of_replicates_reached", Round2(static_cast<double>(mb.reached) / std::max(1, mb.replicates))},
          {"null_means", null_means}};
}

ordered_json Headline(const ProjectionContext& c) {
  const int h = c.result.months;
  ordered_json j;
  const sim::ScenarioPlan& plan = c.input.plan;
  j["queued_people"] = plan.queue.size() + plan.planned.size();
  j["months_to_clear_list"] =
      MonthJson(c, c.result.clear_month, "at this percentile the board had not decided every queued person within the horizon");
  if (plan.target > 0) {
    ordered_json t = {{"target", plan.target}};
    t.update(MonthJson(c, c.result.target_month, "at this percentile clemency releases had not reached the target within the horizon"));
    j["target"] = t;
  }
  if (const sim::Figure* f = FindFigure(c, "scenario", "population_reduction")) {
    int best = 0;
    for (int m = 0; m <= h; ++m)
      if (f->months[m].mean > f->months[best].mean) best = m;
    j["largest_population_reduction"] = {{"month", best}, {"date", MonthLabel(c.as_of, best)}, {"reduction", BandJson(f->months[best])}};
  }
  auto at_end = [&](std::string_view scenario, std::string_view metric) {
    const sim::Figure* f = FindFigure(c, scenario, metric);
    return f == nullptr ? ordered_json() : BandJson(f->months[h]);
  };
  auto total = [&](std::string_view scenario, std::string_view metric) {
    const sim::Figure* f = FindFigure(c, scenario, metric);
    double sum = 0;
    if (f != nullptr)
      for (const sim::Band& b : f->months) sum += b.mean;
    return Round2(sum);
  };
  j["at_horizon"] = {{"month", MonthLabel(c.as_of, h)},
                     {"baseline_population", at_end("baseline", "population")},
                     {"scenario_population", at_end("scenario", "population")},
                     {"population_reduction", at_end("scenario", "population_reduction")},
                     {"person_years_avoided", at_end("scenario", "person_years_avoided")},
                     {"cost_avoided_usd", at_end("scenario", "cost_avoided_usd")},
                     {"votes_restored_baseline", at_end("baseline", "votes_restored")},
                     {"votes_restored_scenario", at_end("scenario", "votes_restored")}};
  j["totals_over_horizon_mean"] = {{"clemency_releases", total("scenario", "clemency_releases")},
                                   {"returns_baseline", total("baseline", "returns")},
                                   {"returns_scenario", total("scenario", "returns")}};
  return j;
}

}  // namespace

std::string MonthLabel(Date as_of, int m) { return as_of.PlusMonths(m).ToString().substr(0, 7); }

ordered_json ProjectionSummary(const ProjectionContext& c, const ordered_json& extra) {
  ordered_json j;
  j["headline"] = Headline(c);
  for (const auto& [k, v] : extra.items()) j[k] = v;
  const sim::RosterNotes& n = c.notes;
  j["baseline_release"] = {{"projected_release_date", n.known},
                           {"drawn_from_sentence", n.from_sentence},
                           {"drawn_from_exit_rate", n.from_exit_rate},
                           {"not_released_lwop_or_death", n.not_released},
                           {"projected_release_date_before_as_of", n.overdue},
                           {"before_as_of_means", "released in the first month of the projection"}};
  ordered_json jur = ordered_json::array();
  for (const sim::SimJurisdiction& sj : c.input.jurisdictions)
    jur.push_back({{"code", sj.code},
                   {"exit_rate_per_year", Round3(sj.exit_rate_per_year)},
                   {"admissions_per_month", Round2(sj.admissions_per_month)},
                   {"cost_per_prisoner_year_usd", sj.cost_per_year >= 0 ? ordered_json(sj.cost_per_year) : ordered_json()},
                   {"vote_restoration", n.vote_rules.count(sj.code) ? n.vote_rules.at(sj.code) : "unknown"}});
  j["jurisdictions"] = jur;
  j["admissions_mix"] = {{"people", n.pool_mix_people},
                         {"from", n.pool_mix_recent ? "the roster's people admitted in the 730 days before the as-of date"
                                                    : "the whole roster (nobody was admitted in the 730 days before the as-of date)"},
                         {"race", ordered_json::object()},
                         {"age_band", ordered_json::object()}};
  for (size_t r = 0; r < c.input.pool_race_share.size(); ++r)
    j["admissions_mix"]["race"][std::string(kRaceNames[r])] = Round3(c.input.pool_race_share[r]);
  for (int b = 0; b < sim::kAgeBands; ++b)
    j["admissions_mix"]["age_band"][std::string(sim::kAgeBandNames[b])] = Round3(c.input.pool_age_share[b]);
  j["jurisdictions_without_flows"] = n.without_flows;
  j["jurisdictions_without_cost"] = n.without_cost;
  if (!c.actuals.empty()) {
    const sim::Figure* base = FindFigure(c, "baseline", "population");
    double abs_pct = 0;
    int counted = 0;
    for (const auto& [m, pop] : c.actuals)
      if (base != nullptr && m >= 0 && m <= c.result.months && pop > 0) {
        abs_pct += std::abs(base->months[m].mean - pop) / pop;
        ++counted;
      }
    j["actuals"] = {{"months_compared", counted},
                    {"baseline_mean_absolute_percent_error", counted > 0 ? Round2(100 * abs_pct / counted) : 0.0}};
  }
  ordered_json metrics = ordered_json::object();
  for (const sim::MetricInfo& m : sim::kMetrics) metrics[std::string(m.name)] = m.meaning;
  j["metrics"] = metrics;
  return j;
}

bool WriteProjectionCsv(const ProjectionContext& c, const std::string& path, std::string* error) {
  std::string out = "month,scenario,metric,group,mean,p05,p95\n";
  std::vector<std::string> months;
  for (int m = 0; m <= c.result.months; ++m) months.push_back(MonthLabel(c.as_of, m));
  for (const sim::Figure& f : c.figures) {
    for (int m = 0; m <= c.result.months; ++m) {
      const sim::Band& b = f.months[m];
      out += months[m];
      out += ',';
      out += f.scenario;
      out += ',';
      out += f.metric;
      out += ',';
      AppendCsvField(out, f.group);
      fmt::format_to(std::back_inserter(out), ",{:.2f},{:.2f},{:.2f}\n", b.mean, b.p05, b.p95);
    }
  }
  for (const auto& [m, pop] : c.actuals)
    fmt::format_to(std::back_inserter(out), "{},actual,population,all,{:.2f},{:.2f},{:.2f}\n",
                   MonthLabel(c.as_of, m), pop, pop, pop);
  return WriteFileAtomically(path, out, error);
}

bool WriteReleasesCsv(const ProjectionContext& c, const std::string& path, std::string* error) {
  std::string out =
      "person_id,plan_order,status,probability_released,release_month_earliest,release_month_mean,"
      "release_month_latest,baseline_release,return_within_3y\n";
  const auto& outcomes = c.result.outcomes;
  for (size_t k = 0; k < outcomes.size(); ++k) {
    const auto& o = outcomes[k];
    const sim::SimPerson& p = c.input.people[o.person];
    AppendCsvField(out, c.person_ids[o.person]);
    fmt::format_to(std::back_inserter(out), ",{},{},{:.3f},", k + 1, c.plan_status[k],
                   static_cast<double>(o.released) / c.result.replicates);
    int release_month = 0;
    if (o.released > 0) {
      release_month = static_cast<int>(std::lround(static_cast<double>(o.month_sum) / o.released));
      out += MonthLabel(c.as_of, o.earliest) + "," + MonthLabel(c.as_of, release_month) + "," +
             MonthLabel(c.as_of, o.latest);
    } else {
      out += ",,";
    }
    switch (p.release) {
      case sim::ReleaseKind::kKnown: out += "," + MonthLabel(c.as_of, p.release_lo); break;
      case sim::ReleaseKind::kRange:
        out += "," + MonthLabel(c.as_of, p.release_lo) + " to " + MonthLabel(c.as_of, p.release_hi);
        break;
      case sim::ReleaseKind::kHazard: out += ",exit rate"; break;
      case sim::ReleaseKind::kNotReleased: out += ",not released"; break;
    }
    // The chance of a return within 36 months of a release in the mean month (or today).
    const int band = sim::AgeBand((std::max(release_month, 1) - p.birth_month) / 12);
    fmt::format_to(std::back_inserter(out), ",{:.3f}\n", c.input.curves.Within(band, p.offense, 36));
  }
  return WriteFileAtomically(path, out, error);
}

ordered_json ProjectionChartJson(const ProjectionContext& c) {
  ordered_json months = ordered_json::array();
  for (int m = 0; m <= c.result.months; ++m) months.push_back(MonthLabel(c.as_of, m));
  ordered_json series = ordered_json::object();
  for (const char* metric : {"population", "clemency_releases", "returns", "facilities_over_design_capacity"})
    for (const char* scenario : {"baseline", "scenario"}) {
      const sim::Figure* f = FindFigure(c, scenario, metric);
      if (f == nullptr) continue;
      ordered_json mean = ordered_json::array(), p05 = ordered_json::array(), p95 = ordered_json::array();
      for (const sim::Band& b : f->months) {
        mean.push_back(Round2(b.mean));
        p05.push_back(Round2(b.p05));
        p95.push_back(Round2(b.p95));
      }
      series[metric][scenario] = {{"mean", mean}, {"p05", p05}, {"p95", p95}};
    }
  ordered_json actuals = ordered_json::array();
  for (const auto& [m, pop] : c.actuals) actuals.push_back({m, pop});
  return {{"months", months}, {"series", series}, {"actuals", actuals}};
}

}  // namespace clemency
