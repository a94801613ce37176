// The dashboard's engine (`clemency serve`, docs/api.md): one loaded
// population and its law, the policy the user chose with the parameter values
// they set, and its screening. Each method answers one API endpoint with a
// status, a content type and a body, and knows nothing of HTTP. Safe from many
// threads: a re-screening takes the state alone (readers wait); everything
// else reads it together. A re-screening answers with the counts at once; the
// review triage (slower) is made by the first request that needs it. Bodies hold person-level data only where the
// endpoint is about people (the candidate list, a person, the downloads).
#ifndef CLEMENCY_CLI_DASHBOARD_H_
#define CLEMENCY_CLI_DASHBOARD_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <shared_mutex>
#include <string>

#include "clemency/cli/commands.h"
#include "clemency/cli/projection_run.h"
#include "clemency/cli/screen_session.h"
#include "clemency/report/live_figures.h"

namespace clemency {

struct ApiReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string filename;  // set: a download, with this name
};

class Dashboard {
 public:
  // session: prepared by PrepareScreen with a policy; inputs: what prepared it.
  Dashboard(std::unique_ptr<ScreenSession> session, ScreenInputs inputs, ProjectionRules rules);

  ApiReply Summary() const;                                // GET /api/summary
  ApiReply Policies() const;                               // GET /api/policies
  ApiReply PolicyControls() const;                         // GET /api/policy
  ApiReply Screen(const std::string& request_body);        // POST /api/screen
  ApiReply Triage() const;                                 // GET /api/triage
  ApiReply Candidates(const std::string& status, int64_t offset, int64_t limit) const;  // GET /api/candidates
  ApiReply Search(const std::string& query) const;         // GET /api/search
  ApiReply Person(const std::string& person_id) const;     // GET /api/people/ID
  ApiReply ScreeningCsv() const;                           // GET /api/screening.csv
  ApiReply CandidatesXlsx() const;                         // GET /api/candidates.xlsx
  ApiReply Scenario() const;                               // GET /api/scenario
  ApiReply Simulate(const std::string& request_body) const;  // POST /api/simulate

  // The JSON of an error reply: {"error": message}.
  static ApiReply Error(int status, const std::string& message);

 private:
  // Makes policy and next current and screens with them (in place when only
  // parameters changed). Called with the state held alone.
  void ScreenWith(Policy policy, ScreenInputs next, const std::string& path);
  nlohmann::ordered_json LiveJson() const;  // report/live_figures.h, with the policy and its parameters
  ApiReply WithFullScreening(const char* file, bool (*write)(const ScreenContext&, const std::string&, std::string*),
                             const char* content_type) const;
  // Runs read(), under the shared lock, once the review triage belongs to the
  // current screening (re-screening leaves it to the first reader that needs it).
  template <typename Read>
  ApiReply WithTriage(Read read) const;
  mutable std::shared_mutex mutex_;
  // s_->triage is of screening number triage_of_; the screening is number screened_.
  std::unique_ptr<ScreenSession> s_;
  uint64_t screened_ = 0;
  mutable uint64_t triage_of_ = 0;
  ScreenInputs inputs_;  // policy and --set as now screened
  ProjectionRules rules_;
  LiveFigures live_;  // the population's codes, made once
};

}  // namespace clemency

#endif  // CLEMENCY_CLI_DASHBOARD_H_
