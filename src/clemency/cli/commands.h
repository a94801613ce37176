// The subcommands, one function each. main.cc parses the arguments into these
// structs and returns the function's exit code (DESIGN.md section 4):
// 0 ok, 1 internal error, 2 usage error, 3 invalid input data, 4 invalid rule pack.
#ifndef CLEMENCY_CLI_COMMANDS_H_
#define CLEMENCY_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace clemency {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBadData = 3;
inline constexpr int kExitBadRules = 4;

struct SynthArgs {
  std::string jurisdiction = "CA";
  int64_t people = 100000;
  bool people_given = false;  // several jurisdictions without --people: each at its BJS count
  uint64_t seed = 1;
  std::string as_of;  // YYYY-MM-DD; empty = today
  std::string out_dir;
  bool staged = true;  // false: write straight into out_dir (inside demo's staging folder)
};
int RunSynth(const SynthArgs& args);

struct ValidateArgs {
  std::string data_dir;
  std::string as_of;            // empty = today
  std::string on_error = "fail";  // fail | quarantine
  std::string out_dir;          // where rejected.csv goes (quarantine)
  std::string save;             // --save FILE: a snapshot of the loaded population
};
int RunValidate(const ValidateArgs& args);

// What screen and explain share: the data, the policy and the date.
struct ScreenInputs {
  std::string data_dir;
  std::string policy;  // an id (rules/policies/ID.toml) or a file path
  std::string as_of;   // empty = today
  std::vector<std::string> sets;  // NAME=VALUE
  std::vector<std::string> assumes;  // FACT=VALUE: fill missing values (screen/assumptions.h)
  std::string on_error = "fail";
  // A jurisdiction of the data without an offense catalog is exit 4 unless
  // this is set; then its offenses' category and flags are unknown.
  bool allow_missing_catalog = false;
  // Statuses, priorities and ranks only: no eligible_on and no review triage
  // (simulate needs neither).
  bool decisions_only = false;
};

struct ScreenArgs {
  ScreenInputs in;
  std::string out_dir;
  bool timings = false;  // print the seconds of each stage on stderr
  bool staged = true;    // false: write straight into out_dir (inside demo's staging folder)
  std::string shown_out;  // the folder named in the printout, when not out_dir
};
int RunScreen(const ScreenArgs& args);

struct ExplainArgs {
  ScreenInputs in;
  std::string person;
  bool json = false;
};
int RunExplain(const ExplainArgs& args);

// clemency catalog gaps (the policy is optional).
struct CatalogGapsArgs {
  ScreenInputs in;
  std::string out_file;  // empty: stdout
};
int RunCatalogGaps(const CatalogGapsArgs& args);

// clemency sql: the policy compiled to one SQL script (sqlgen/screen_sql.h).
struct SqlArgs {
  ScreenInputs in;
  std::string dialect;
  std::string out_dir;
};
int RunSql(const SqlArgs& args);

struct CheckArgs {
  std::vector<std::string> paths;  // files or directories
};
int RunCheck(const CheckArgs& args);

struct ImportArgs {
  std::string mapping;            // rules/mappings/NAME.toml
  std::string input;              // the agency's CSV
  std::string out_dir;
  std::string on_error = "fail";  // fail | quarantine
  std::string as_of;              // empty = today
  std::string save;               // --save FILE: a snapshot of the imported population
};
int RunImport(const ImportArgs& args);

// clemency diff: follow people across two screenings (docs/diff.md).
struct DiffArgs {
  std::string baseline;  // an output directory of clemency screen
  std::string current;   // another one
  std::string out_dir;   // changes.csv, diff.json
};
int RunDiff(const DiffArgs& args);

// clemency simulate (docs/projection.md).
struct SimulateArgs {
  ScreenInputs in;  // policy optional with --releases
  std::string out_dir;
  int years = 10;
  int replicates = 1000;
  uint64_t seed = 1;
  int board_capacity = 0;       // decisions a month; 0 = unlimited
  std::string grant_rate = "1";  // sim/grant_rate.h
  int lag_months = 0;
  double review_share = 0;
  int64_t target = 0;
  std::string releases, actuals;  // CSV files
  int threads = 0;                // 0 = every core
  bool timings = false;
  bool staged = true;
  std::string shown_out;
};
int RunSimulate(const SimulateArgs& args);

// clemency serve: the dashboard (docs/api.md).
struct ServeArgs {
  ScreenInputs in;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string token;
  std::string port_file;  // where the port listened on is written (for scripts and tests)
  int threads = 8;
  int request_timeout = 30;  // seconds a client may take to send a request or read the answer
  bool log = false;  // a line per request on stderr (route and status; no person_id)
};
int RunServe(const ServeArgs& args);

struct CampaignPlanArgs {
  std::string campaign;           // an id (rules/campaigns/ID.toml) or a file
  std::vector<std::string> data;  // DIR|FILE, then XX=DIR|FILE for a real roster of XX
  std::string out_dir;
};
int RunCampaignPlan(const CampaignPlanArgs& args);

// clemency cases: the candidate pipeline (docs/cases.md).
struct CasesArgs {
  std::string action;  // init | sync | advance | report | packet
  std::string db;      // a SQLite file or a postgresql:// URL
  std::string screening;                   // sync, packet: an output folder of clemency screen
  std::string person, to, outcome, by, why, on;  // advance (person also packet)
  std::string out;     // report: a folder; packet: FILE.html, or a folder with stage
  std::string as_of;   // report: empty = today
  std::string plan;    // report: plan.json of clemency campaign plan
  std::string stage;   // packet: every case now at this stage
  std::string data;    // packet: the population folder screened (for its sentences.csv)
};
int RunCases(const CasesArgs& args);

struct DemoArgs {
  std::string out_dir = "demo-out";
};
int RunDemo(const DemoArgs& args);

// Today's date as YYYY-MM-DD (local time), for --as-of defaults (cli/as_of.h
// says which date a run used and why).
std::string TodayIso();

}  // namespace clemency

#endif  // CLEMENCY_CLI_COMMANDS_H_
