// A screening session for Python: the same steps as `clemency screen`'s
// PrepareScreen (cli/screen_session.cc) on a population already loaded, with
// every failure raised as an Error (errors.h) instead of printed:
// the policy (an id or a file) with its parameters set, the assumptions, the
// law of the population, the fact table as of the date, the screening and,
// unless decisions_only, eligible_on and the review triage.
#ifndef CLEMENCY_PYTHON_SESSION_H_
#define CLEMENCY_PYTHON_SESSION_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "clemency/cli/screen_session.h"
#include "population.h"

namespace clemency::python {

struct SessionArgs {
  std::string policy;  // an id (rules/policies/ID.toml) or a .toml file
  std::string as_of;   // "" = the population's as-of date
  std::vector<std::pair<std::string, std::string>> params;  // NAME, VALUE as --set takes it
  std::vector<std::string> assume;                         // FACT=VALUE as --assume takes it
  bool allow_missing_catalog = false;
  bool decisions_only = false;  // no eligible_on, no review triage (simulate)
};

struct Session {
  PopulationPtr population;  // s.facts points into it
  ScreenSession s;           // s.load is left empty: the population holds the load
  std::string policy_path;
  std::vector<std::string> sets;  // NAME=VALUE, as the CLI records --set
  // What the CLI prints as "warning: ...": a policy not in force or out of
  // scope, a jurisdiction screened without a catalog (allow_missing_catalog).
  std::vector<std::string> warnings;
};
using SessionPtr = std::shared_ptr<Session>;

SessionPtr OpenSession(const PopulationPtr& population, const SessionArgs& args);

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_SESSION_H_
