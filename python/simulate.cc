// simulate() and the Projection class (simulate.h).
#include "simulate.h"

#include <pybind11/stl.h>

#include <cmath>

#include "clemency/cli/projection_run.h"
#include "clemency/report/projection_outputs.h"
#include "clemency/sim/projection_figures.h"
#include "columns.h"
#include "errors.h"
#include "session.h"

namespace clemency::python {
namespace {

namespace py = pybind11;

struct Projection {
  py::list projection, releases;  // columns (columns.h)
  std::string summary_json;
};

// What a run computed, before any Python object is made.
struct Run {
  SessionPtr session;
  std::optional<sim::SimInput> input;
  sim::RosterNotes notes;
  sim::ProjectionResult result;
  std::vector<sim::Figure> figures;
  std::vector<std::string> plan_status;
  std::string summary_json;
};

// projection.csv's rows: month, scenario, metric, group, mean, p05, p95.
py::list ProjectionColumns(const Run& r) {
  const Date as_of = r.session->s.facts.as_of;
  const int months = r.result.months;
  const size_t n = r.figures.size() * (static_cast<size_t>(months) + 1);
  CategoricalBuilder month(n), scenario(n), metric(n), group(n);
  std::vector<double> mean(n), p05(n), p95(n);
  std::vector<std::string> labels;
  for (int m = 0; m <= months; ++m) labels.push_back(MonthLabel(as_of, m));
  size_t i = 0;
  for (const sim::Figure& f : r.figures)
    for (int m = 0; m <= months; ++m, ++i) {
      month.Add(labels[m]);
      scenario.Add(f.scenario);
      metric.Add(f.metric);
      group.Add(f.group);
      mean[i] = f.months[m].mean;
      p05[i] = f.months[m].p05;
      p95[i] = f.months[m].p95;
    }
  Columns out;
  month.AddTo(out, "month");
  scenario.AddTo(out, "scenario");
  metric.AddTo(out, "metric");
  group.AddTo(out, "group");
  out.Array("mean", Owned(std::move(mean)));
  out.Array("p05", Owned(std::move(p05)));
  out.Array("p95", Owned(std::move(p95)));
  return out.release();
}

std::string BaselineRelease(const sim::SimPerson& p, Date as_of) {
  switch (p.release) {
    case sim::ReleaseKind::kKnown: return MonthLabel(as_of, p.release_lo);
    case sim::ReleaseKind::kRange: return MonthLabel(as_of, p.release_lo) + " to " + MonthLabel(as_of, p.release_hi);
    case sim::ReleaseKind::kHazard: return "exit rate";
    case sim::ReleaseKind::kNotReleased: break;
  }
  return "not released";
}

// releases.csv's rows, as report/projection_outputs.cc's WriteReleasesCsv
// writes them (probabilities unrounded).
py::list ReleaseColumns(const Run& r) {
  const Date as_of = r.session->s.facts.as_of;
  const Population& pop = *r.session->population->load.population;
  const auto& outcomes = r.result.outcomes;
  const size_t n = outcomes.size();
  StringColumnBuilder person(n);
  std::vector<int64_t> order(n);
  std::vector<double> released(n), returns(n);
  CategoricalBuilder status(n), earliest(n), mean(n), latest(n), baseline(n);
  for (size_t k = 0; k < n; ++k) {
    const auto& o = outcomes[k];
    const sim::SimPerson& p = r.input->people[o.person];
    person.Set(k, pop.str(pop.people.id[o.person]));
    order[k] = static_cast<int64_t>(k) + 1;
    status.Add(r.plan_status[k]);
    released[k] = static_cast<double>(o.released) / r.result.replicates;
    int release_month = 0;
    if (o.released > 0) {
      release_month = static_cast<int>(std::lround(static_cast<double>(o.month_sum) / o.released));
      earliest.Add(MonthLabel(as_of, o.earliest));
      mean.Add(MonthLabel(as_of, release_month));
      latest.Add(MonthLabel(as_of, o.latest));
    } else {
      earliest.AddMissing();
      mean.AddMissing();
      latest.AddMissing();
    }
    baseline.Add(BaselineRelease(p, as_of));
    const int band = sim::AgeBand((std::max(release_month, 1) - p.birth_month) / 12);
    returns[k] = r.input->curves.Within(band, p.offense, 36);
  }
  Columns out;
  out.Object("person_id", person.release());
  out.Array("plan_order", Owned(std::move(order)));
  status.AddTo(out, "status");
  out.Array("probability_released", Owned(std::move(released)));
  earliest.AddTo(out, "release_month_earliest");
  mean.AddTo(out, "release_month_mean");
  latest.AddTo(out, "release_month_latest");
  baseline.AddTo(out, "baseline_release");
  out.Array("return_within_3y", Owned(std::move(returns)));
  return out.release();
}

void RunProjection(const SimulateArgs& a, Run& r) {
  std::string error;
  const auto grant = sim::GrantRate::Parse(a.grant_rate, &error);
  if (!grant) Fail(ErrorKind::kUsage, "grant_rate: " + error);
  const auto rules = LoadProjectionRules(&error);
  if (!rules) FailLocated(ErrorKind::kRules, error);
  r.input = ProjectionInput(a, r.session->s, *rules, *grant, &r.notes);
  sim::SimInput& in = *r.input;
  in.plan.queue = sim::QueueFromScreening(r.session->s.screening, a.review_share);
  for (const auto& q : in.plan.queue) r.plan_status.push_back(q.needs_review ? "needs_review" : "eligible");
  r.result = sim::Project(in);
  r.figures = sim::ProjectionFigures(r.result, in, in.threads);
  const ProjectionContext c{in, r.result, r.figures, r.notes, r.session->s.facts.as_of, {}, r.plan_status, {}};
  r.summary_json = ProjectionSummary(c, SummaryExtra(a, r.session->s, *grant, *rules)).dump();
}

void CheckArgs(const SimulateArgs& a) {
  if (a.years < 1 || a.years > 50) Fail(ErrorKind::kUsage, "years: expected 1 to 50");
  if (a.replicates < 1 || a.replicates > 100000) Fail(ErrorKind::kUsage, "replicates: expected 1 to 100000");
  if (a.board_capacity < 0) Fail(ErrorKind::kUsage, "board_capacity: expected 0 (unlimited) or more");
  if (a.lag_months < 0) Fail(ErrorKind::kUsage, "lag_months: expected 0 or more");
  if (!(a.review_share >= 0 && a.review_share <= 1)) Fail(ErrorKind::kUsage, "review_share: expected 0 to 1");
  if (a.target < 0) Fail(ErrorKind::kUsage, "target: expected 0 or more");
}

Projection Simulate(const PopulationPtr& population, const SimulateArgs& a,
                    const std::vector<std::pair<std::string, std::string>>& params) {
  CheckArgs(a);
  if (a.in.policy.empty()) Fail(ErrorKind::kUsage, "policy: give a policy id or a .toml file");
  Run r;
  {
    py::gil_scoped_release unlocked;  // no Python object is touched until the columns
    SessionArgs args{a.in.policy, a.in.as_of, params, a.in.assumes, a.in.allow_missing_catalog, true};
    r.session = OpenSession(population, args);
    SimulateArgs with_sets = a;
    with_sets.in.sets = r.session->sets;
    RunProjection(with_sets, r);
  }
  return Projection{ProjectionColumns(r), ReleaseColumns(r), r.summary_json};
}

}  // namespace

void BindSimulate(py::module_& m) {
  py::class_<Projection>(m, "Projection")
      .def_readonly("projection_columns", &Projection::projection)
      .def_readonly("release_columns", &Projection::releases)
      .def_readonly("summary_json", &Projection::summary_json);
  m.def(
      "simulate",
      [](const PopulationPtr& population, const std::string& policy, const std::string& as_of,
         const std::vector<std::pair<std::string, std::string>>& params, const std::vector<std::string>& assume,
         bool allow_missing_catalog, int years, int replicates, uint64_t seed, int board_capacity,
         const std::string& grant_rate, int lag_months, double review_share, int64_t target, int threads) {
        SimulateArgs a;
        a.in.policy = policy;
        a.in.as_of = as_of;
        a.in.assumes = assume;
        a.in.allow_missing_catalog = allow_missing_catalog;
        a.years = years;
        a.replicates = replicates;
        a.seed = seed;
        a.board_capacity = board_capacity;
        a.grant_rate = grant_rate;
        a.lag_months = lag_months;
        a.review_share = review_share;
        a.target = target;
        a.threads = threads;
        return Simulate(population, a, params);
      },
      py::arg("population"), py::arg("policy"), py::arg("as_of"), py::arg("params"), py::arg("assume"),
      py::arg("allow_missing_catalog"), py::arg("years"), py::arg("replicates"), py::arg("seed"),
      py::arg("board_capacity"), py::arg("grant_rate"), py::arg("lag_months"), py::arg("review_share"),
      py::arg("target"), py::arg("threads"));
}

}  // namespace clemency::python
