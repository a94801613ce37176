// What a projection needs besides the population, shared by `simulate` and
// the dashboard (`serve`): the rules it reads (BJS flows and return curves),
// the model's input built from a screened session and the arguments, and the
// summary's parameters, hashes, sources and assumptions.
#ifndef CLEMENCY_CLI_PROJECTION_RUN_H_
#define CLEMENCY_CLI_PROJECTION_RUN_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "clemency/cli/commands.h"
#include "clemency/cli/screen_session.h"
#include "clemency/law/prison_flows.h"
#include "clemency/sim/grant_rate.h"
#include "clemency/sim/projection.h"
#include "clemency/sim/return_curves.h"
#include "clemency/sim/roster.h"

namespace clemency {

// The rules every projection reads besides the population's: flows and return curves.
struct ProjectionRules {
  PrisonFlows flows;
  sim::ReturnCurves curves;
};

std::optional<ProjectionRules> LoadProjectionRules(std::string* error);

// The roster, rates and board of a projection (the plan's queue is left to the caller).
sim::SimInput ProjectionInput(const SimulateArgs& a, const ScreenSession& s, const ProjectionRules& rules,
                              const sim::GrantRate& grant, sim::RosterNotes* notes);

// projection_summary.json's parameters, hashes, sources and assumptions.
nlohmann::ordered_json SummaryExtra(const SimulateArgs& a, const ScreenSession& s, const sim::GrantRate& grant,
                                    const ProjectionRules& rules);

}  // namespace clemency

#endif  // CLEMENCY_CLI_PROJECTION_RUN_H_
