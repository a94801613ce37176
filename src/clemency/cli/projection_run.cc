#include "clemency/cli/projection_run.h"

#include <algorithm>
#include <thread>

#include "clemency/io/sha256.h"
#include "clemency/law/return_rates.h"

namespace clemency {

using nlohmann::ordered_json;

std::optional<ProjectionRules> LoadProjectionRules(std::string* error) {
  auto flows = PrisonFlows::Load(PrisonFlows::DefaultPath(), error);
  const auto rates = flows ? ReturnRates::LoadDefault(error) : std::nullopt;
  auto curves = rates ? sim::ReturnCurves::FromBjs(*rates, error) : std::nullopt;
  if (!curves) return std::nullopt;
  return ProjectionRules{std::move(*flows), std::move(*curves)};
}

sim::SimInput ProjectionInput(const SimulateArgs& a, const ScreenSession& s, const ProjectionRules& rules,
                              const sim::GrantRate& grant, sim::RosterNotes* notes) {
  sim::SimInput in = sim::BuildRoster(s.facts, s.law.refs(), rules.flows, notes);
  in.curves = rules.curves;
  in.months = 12 * a.years;
  in.replicates = a.replicates;
  in.seed = a.seed;
  in.threads = a.threads > 0 ? a.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  in.plan.board_capacity = a.board_capacity;
  in.plan.lag_months = a.lag_months;
  in.plan.grant_rate = grant;
  in.plan.review_share = a.review_share;
  in.plan.target = a.target;
  return in;
}

ordered_json SummaryExtra(const SimulateArgs& a, const ScreenSession& s, const sim::GrantRate& grant, const ProjectionRules& rules) {
  ordered_json extra;
  extra["parameters"] = {{"as_of", s.facts.as_of.ToString()}, {"years", a.years}, {"replicates", a.replicates},
                         {"seed", a.seed}, {"board_capacity", a.board_capacity > 0 ? ordered_json(a.board_capacity) : ordered_json("unlimited")},
                         {"grant_rate", grant.ToString()}, {"grant_rate_mean", grant.Mean()},
                         {"processing_lag_months", a.lag_months}, {"review_share", a.review_share},
                         {"target", a.target}, {"policy", a.in.policy}, {"releases_file", a.releases},
                         {"actuals_file", a.actuals}, {"overrides", a.in.sets}};
  ordered_json hashes;
  hashes["inputs"] = ordered_json::object();
  for (const auto& [file, sha] : s.manifest.inputs) hashes["inputs"][file] = sha;
  if (!a.in.policy.empty()) hashes["policy"] = Sha256File(ResolvePolicyPath(a.in.policy));
  hashes["prison_flows"] = Sha256File(rules.flows.path);
  hashes["return_rates"] = Sha256File(ReturnRates::DefaultPath());
  extra["hashes"] = hashes;
  extra["sources"] = {{"prison_flows", rules.flows.citation}, {"return_rates", rules.curves.source},
                      {"cost", "rules/jurisdictions/XX.toml [cost]: average cost per prisoner-year, not the marginal saving of "
                               "one release; no marginal figure is sourced"}};
  extra["assumptions"] = ordered_json::array();
  for (std::string_view text : sim::kProjectionAssumptions) extra["assumptions"].push_back(text);
  return extra;
}


}  // namespace clemency
