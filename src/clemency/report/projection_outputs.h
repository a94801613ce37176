// The files of `clemency simulate` (DESIGN.md section 4, docs/projection.md):
//   projection.csv           month, scenario, metric, group, mean, p05, p95
//   projection_summary.json  the headline, every assumption and parameter, the
//                            sources, the policy and data hashes
//   releases.csv             per person the scenario names: when clemency
//                            released them, how often, and the chance of a
//                            return within 3 years
// Months are written YYYY-MM, month 0 being the as-of date's month.
#ifndef CLEMENCY_REPORT_PROJECTION_OUTPUTS_H_
#define CLEMENCY_REPORT_PROJECTION_OUTPUTS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/sim/projection.h"
#include "clemency/sim/projection_figures.h"
#include "clemency/sim/roster.h"

namespace clemency {

struct ProjectionContext {
  const sim::SimInput& input;
  const sim::ProjectionResult& result;
  const std::vector<sim::Figure>& figures;
  const sim::RosterNotes& notes;
  Date as_of;
  std::vector<std::string> person_ids;  // by person index
  std::vector<std::string> plan_status;  // per plan entry: eligible | needs_review | planned
  std::vector<std::pair<int32_t, double>> actuals;  // (month, population) given by --actuals
};

// The headline and every assumption; `extra` (parameters, hashes, sources) is merged in.
nlohmann::ordered_json ProjectionSummary(const ProjectionContext& c, const nlohmann::ordered_json& extra);

bool WriteProjectionCsv(const ProjectionContext& c, const std::string& path, std::string* error);
bool WriteReleasesCsv(const ProjectionContext& c, const std::string& path, std::string* error);

// The series report.html charts, group "all": {"months": [...], "series":
// {metric: {scenario: {"mean": [...], "p05": [...], "p95": [...]}}},
// "actuals": [[month, population], ...]}.
nlohmann::ordered_json ProjectionChartJson(const ProjectionContext& c);

// "2027-03" for month m after as_of.
std::string MonthLabel(Date as_of, int m);

}  // namespace clemency

#endif  // CLEMENCY_REPORT_PROJECTION_OUTPUTS_H_
