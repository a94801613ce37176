// Loading what screen and explain need, with their errors and exit codes:
// the population (validated), the offense catalogs of the jurisdictions in
// it, the policy with --set overrides, the fact table with --assume values
// filled in, the screening, and the review triage of its needs_review people.
#ifndef CLEMENCY_CLI_SCREEN_SESSION_H_
#define CLEMENCY_CLI_SCREEN_SESSION_H_

#include <optional>
#include <string>

#include "clemency/cli/as_of.h"
#include "clemency/cli/commands.h"
#include "clemency/io/population_loader.h"
#include "clemency/law/population_law.h"
#include "clemency/policy/policy.h"
#include "clemency/report/screening_outputs.h"
#include "clemency/screen/assumptions.h"
#include "clemency/screen/fact_table.h"
#include "clemency/screen/review_triage.h"
#include "clemency/screen/screener.h"

namespace clemency {

struct ScreenSession {
  LoadResult load;
  PopulationLaw law;  // catalogs, reforms and jurisdiction facts
  std::optional<Policy> policy;
  FactTable facts;
  std::vector<Assumption> assumptions;  // --assume, in order
  Screening screening;
  ReviewTriage triage;
  ScreenManifest manifest;
  AsOfDate as_of;  // the date screened on, and how it was chosen
  double load_seconds = 0;    // reading and validating the CSV files
  double screen_seconds = 0;  // catalogs, facts, rules, eligible_on, ranking, triage
  double triage_seconds = 0;  // of which the review triage
  ScreenContext context() const { return {*policy, facts, screening, &triage, &assumptions}; }
};

// Returns kExitOk, or the exit code after printing why on stderr.
int PrepareScreen(const ScreenInputs& in, const char* command, ScreenSession& session);

// The path of a policy given as an id or a file.
std::string ResolvePolicyPath(const std::string& policy);

}  // namespace clemency

#endif  // CLEMENCY_CLI_SCREEN_SESSION_H_
