// clemency: argument parsing and wiring only (DESIGN.md section 4).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>

#include "clemency/cli/commands.h"
#include "clemency/law/rules_dir.h"

namespace clemency {

namespace {

// "unknown command 'X'; commands: ..." when the first argument (or the one
// after a command that takes subcommands) names no command; else "".
std::string UnknownCommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* parent = &app;
  for (int i = 1; i < argc && argv[i][0] != '-'; ++i) {
    const std::vector<const CLI::App*> subs = parent->get_subcommands([](const CLI::App*) { return true; });
    if (subs.empty()) return "";
    const CLI::App* found = nullptr;
    std::string names;
    for (const CLI::App* sub : subs) {
      if (sub->get_name() == argv[i]) found = sub;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (found == nullptr) {
      const std::string where = parent == &app ? "" : " of '" + parent->get_name() + "'";
      return "unknown command '" + std::string(argv[i]) + "'" + where + "; commands: " + names;
    }
    parent = found;
  }
  return "";
}

int Main(int argc, char** argv) {
  std::string rules_dir;  // --rules, on every command that reads rules
  auto add_rules = [&rules_dir](CLI::App* cmd) {
    cmd->add_option("--rules", rules_dir,
                    "your rules folder, laid over the shipped rules file by file (default: $CLEMENCY_RULES_DIR)");
  };
  CLI::App app{"clemency: screen a prison population for clemency and resentencing"};
  app.set_version_flag("--version", CLEMENCY_VERSION);
  app.require_subcommand(1);

  DemoArgs demo;
  auto* demo_cmd = app.add_subcommand("demo", "synth + validate on the embedded default population");
  demo_cmd->add_option("-o,--out", demo.out_dir, "output directory")->capture_default_str();

  SynthArgs synth;
  auto* synth_cmd = app.add_subcommand("synth", "generate a synthetic population calibrated to BJS tables");
  synth_cmd->add_option("--jurisdiction", synth.jurisdiction,
                        "two-letter state code, US (federal), ALL (every state, DC and US) or a list XX,YY,...")
      ->capture_default_str();
  auto* synth_people = synth_cmd->add_option("--people", synth.people,
                                             "number of people (several jurisdictions: shared out by their BJS "
                                             "counts; without it each at its BJS count)")
                           ->capture_default_str();
  synth_cmd->add_option("--seed", synth.seed, "random seed")->capture_default_str();
  synth_cmd->add_option("--as-of", synth.as_of, "snapshot date YYYY-MM-DD (default today)");
  synth_cmd->add_option("-o,--out", synth.out_dir, "output directory")->required();

  ValidateArgs validate;
  auto* validate_cmd = app.add_subcommand("validate", "check a population directory against the schema");
  validate_cmd->add_option("dir", validate.data_dir, "directory with people.csv, sentences.csv, or a snapshot file")->required();
  validate_cmd->add_option("--save", validate.save, "after a successful load, write a snapshot of the population to FILE");
  validate_cmd->add_option("--as-of", validate.as_of, "dates after this are errors (default today)");
  validate_cmd->add_option("--on-error", validate.on_error, "fail | quarantine")
      ->check(CLI::IsMember({"fail", "quarantine"}))
      ->capture_default_str();
  validate_cmd->add_option("-o,--out", validate.out_dir,
                           "directory for rejected.csv and validation.json");

  auto add_screen_inputs = [](CLI::App* cmd, ScreenInputs& in) {
    cmd->add_option("--data", in.data_dir, "population directory (people.csv, sentences.csv) or snapshot file (--save)")->required();
    cmd->add_option("--policy", in.policy, "policy id (rules/policies/ID.toml) or file")->required();
    cmd->add_option("--as-of", in.as_of, "screening date YYYY-MM-DD (default today)");
    cmd->add_option("--set", in.sets, "override a policy parameter: NAME=VALUE, or @FILE of such lines (a saved scenario; repeatable)");
    cmd->add_option("--assume", in.assumes,
                    "fill a missing value of a person fact for this run, never an existing one: FACT=VALUE "
                    "(repeatable; infractions_5y, medical_high_risk, admission_type)");
    cmd->add_option("--on-error", in.on_error, "fail | quarantine")
        ->check(CLI::IsMember({"fail", "quarantine"}))
        ->capture_default_str();
    cmd->add_flag("--allow-missing-catalog", in.allow_missing_catalog,
                  "screen even when a jurisdiction of the data has no offense catalog (its offenses' category and flags unknown)");
  };
  add_rules(demo_cmd);
  add_rules(synth_cmd);
  ScreenArgs screen;
  auto* screen_cmd = app.add_subcommand("screen", "screen a population against a policy");
  add_screen_inputs(screen_cmd, screen.in);
  add_rules(screen_cmd);
  screen_cmd->add_option("-o,--out", screen.out_dir, "output directory")->required();
  screen_cmd->add_flag("--timings", screen.timings, "print the seconds of each stage on stderr");

  ExplainArgs explain;
  auto* explain_cmd = app.add_subcommand("explain", "explain one person's result, rule by rule");
  add_screen_inputs(explain_cmd, explain.in);
  add_rules(explain_cmd);
  explain_cmd->add_option("--person", explain.person, "person_id")->required();
  explain_cmd->add_flag("--json", explain.json, "print the person's reasons.jsonl object");

  ServeArgs serve;
  auto* serve_cmd = app.add_subcommand("serve", "the dashboard: move a policy's parameters and see the screening change");
  add_screen_inputs(serve_cmd, serve.in);
  add_rules(serve_cmd);
  serve_cmd->get_option("--policy")->required(false)->description("policy id or file to open with (default redemption-2020)");
  serve_cmd->add_option("--bind", serve.host, "address to listen on (beyond loopback a token is required)")->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "port (0: any free port)")->capture_default_str();
  serve_cmd->add_option("--token", serve.token, "require Authorization: Bearer TOKEN on every API request");
  serve_cmd->add_option("--port-file", serve.port_file, "write the port listened on to this file");
  serve_cmd->add_option("--threads", serve.threads, "requests answered at once")->check(CLI::Range(1, 64))->capture_default_str();
  serve_cmd->add_option("--request-timeout", serve.request_timeout, "seconds a client may take to send a request or read an answer")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve_cmd->add_flag("--log", serve.log, "print a line per request (route and status, never a person_id)");

  SimulateArgs sim;
  auto* sim_cmd = app.add_subcommand("simulate", "project releases month by month: population, returns, cost, votes, the board's months");
  sim_cmd->add_option("--data", sim.in.data_dir, "population directory or snapshot file")->required();
  sim_cmd->add_option("--policy", sim.in.policy, "policy id or file: its eligible people are queued for the board");
  sim_cmd->add_option("--as-of", sim.in.as_of, "start date YYYY-MM-DD (default today)");
  sim_cmd->add_option("--set", sim.in.sets, "override a policy parameter: NAME=VALUE (repeatable)");
  sim_cmd->add_option("--assume", sim.in.assumes, "fill a missing value of a person fact: FACT=VALUE (repeatable)");
  sim_cmd->add_flag("--allow-missing-catalog", sim.in.allow_missing_catalog, "screen even without an offense catalog");
  sim_cmd->add_option("--years", sim.years, "years to project, monthly")->check(CLI::Range(1, 50))->capture_default_str();
  sim_cmd->add_option("--replicates", sim.replicates, "Monte Carlo replicates")->check(CLI::Range(1, 100000))->capture_default_str();
  sim_cmd->add_option("--seed", sim.seed, "random seed: the same seed gives the same output")->capture_default_str();
  sim_cmd->add_option("--board-capacity", sim.board_capacity, "decisions the board makes a month (default unlimited)")
      ->check(CLI::Range(0, 10000000));
  sim_cmd->add_option("--grant-rate", sim.grant_rate, "0.4, uniform:LO,HI, triangular:LO,MODE,HI or beta:A,B")->capture_default_str();
  sim_cmd->add_option("--lag-months", sim.lag_months, "months before the board's first decision")->check(CLI::Range(0, 600));
  sim_cmd->add_option("--review-share", sim.review_share,
                      "queue needs_review people after the eligible, each found eligible with this probability")
      ->check(CLI::Range(0.0, 1.0));
  sim_cmd->add_option("--target", sim.target, "clemency releases to reach: the month it is reached, with its band")
      ->check(CLI::Range(int64_t{0}, int64_t{100000000}));
  sim_cmd->add_option("--releases", sim.releases, "planned releases instead of a policy: CSV person_id,date");
  sim_cmd->add_option("--actuals", sim.actuals, "observed population to set against the projection: CSV month,population");
  sim_cmd->add_option("--threads", sim.threads, "threads (default every core)")->check(CLI::Range(0, 256));
  sim_cmd->add_flag("--timings", sim.timings, "print the seconds of each stage on stderr");
  sim_cmd->add_option("-o,--out", sim.out_dir, "output directory")->required();
  add_rules(sim_cmd);

  CatalogGapsArgs gaps;
  CampaignPlanArgs plan;
  auto* campaign_cmd = app.add_subcommand("campaign", "a campaign: the national plan");
  campaign_cmd->require_subcommand(1);
  auto* plan_cmd = campaign_cmd->add_subcommand(
      "plan", "screen and plan every jurisdiction of a campaign: the path to its target, its probability, what matters");
  plan_cmd->add_option("--campaign", plan.campaign, "campaign id (rules/campaigns/ID.toml) or file")->required();
  plan_cmd->add_option("--data", plan.data,
                       "population folder or snapshot; again as XX=DIR for a real roster that replaces jurisdiction XX")
      ->required();
  plan_cmd->add_option("-o,--out", plan.out_dir, "output directory")->required();
  add_rules(plan_cmd);

  auto* catalog_cmd = app.add_subcommand("catalog", "offense catalogs against the data");
  catalog_cmd->require_subcommand(1);
  auto* gaps_cmd = catalog_cmd->add_subcommand(
      "gaps", "codes and descriptions the catalogs resolve to nothing or partly, as stubs for a catalog file");
  gaps_cmd->add_option("--data", gaps.in.data_dir, "population directory or snapshot file")->required();
  gaps_cmd->add_option("--policy", gaps.in.policy, "also count the needs_review decisions hanging on each gap");
  gaps_cmd->add_option("--as-of", gaps.in.as_of, "screening date YYYY-MM-DD (default today)");
  gaps_cmd->add_option("--set", gaps.in.sets, "override a policy parameter: NAME=VALUE (repeatable)");
  gaps_cmd->add_option("--on-error", gaps.in.on_error, "fail | quarantine")
      ->check(CLI::IsMember({"fail", "quarantine"}))
      ->capture_default_str();
  gaps_cmd->add_option("-o,--out", gaps.out_file, "write the stubs to this file instead of stdout");
  add_rules(gaps_cmd);

  SqlArgs sqlargs;
  auto* sql_cmd = app.add_subcommand("sql", "compile a policy, and the law it reads, to one SQL script for a database");
  sql_cmd->add_option("--policy", sqlargs.in.policy, "policy id (rules/policies/ID.toml) or file")->required();
  sql_cmd->add_option("--dialect", sqlargs.dialect, "postgres | duckdb | bigquery | spark")->required();
  sql_cmd->add_option("--as-of", sqlargs.in.as_of, "screening date YYYY-MM-DD (default today)");
  sql_cmd->add_option("--data", sqlargs.in.data_dir, "population folder (people.csv, sentences.csv)")->required();
  sql_cmd->add_option("--set", sqlargs.in.sets, "override a policy parameter: NAME=VALUE (repeatable)");
  sql_cmd->add_option("-o,--out", sqlargs.out_dir, "output directory (screen.sql, tables/)")->required();
  add_rules(sql_cmd);

  CheckArgs check;
  auto* check_cmd = app.add_subcommand("check", "type-check and lint rule packs (files or directories)");
  check_cmd->add_option("paths", check.paths, "TOML files or directories")->required();
  add_rules(check_cmd);

  ImportArgs import_args;
  auto* import_cmd = app.add_subcommand("import", "turn an agency's CSV or .xlsx export into a population directory via a mapping");
  import_cmd->add_option("--mapping", import_args.mapping, "mapping file (rules/mappings/NAME.toml)")->required();
  import_cmd->add_option("input", import_args.input, "the agency's CSV file or .xlsx workbook (first sheet, or the mapping's sheet)")->required();
  import_cmd->add_option("-o,--out", import_args.out_dir, "output directory")->required();
  import_cmd->add_option("--on-error", import_args.on_error, "fail | quarantine")
      ->check(CLI::IsMember({"fail", "quarantine"}))
      ->capture_default_str();
  import_cmd->add_option("--as-of", import_args.as_of, "dates after this are errors (default today)");
  import_cmd->add_option("--save", import_args.save, "also write a snapshot of the imported population to FILE");
  add_rules(import_cmd);

  DiffArgs diff;
  auto* diff_cmd = app.add_subcommand("diff", "follow people across two screenings: who left, arrived, changed");
  diff_cmd->add_option("--baseline", diff.baseline, "output directory of the earlier clemency screen")->required();
  diff_cmd->add_option("--current", diff.current, "output directory of the later clemency screen")->required();
  diff_cmd->add_option("-o,--out", diff.out_dir, "output directory (changes.csv, diff.json)")->required();

  CasesArgs cases;
  auto* cases_cmd = app.add_subcommand("cases", "the candidate pipeline: cases from screenings to release, in SQLite or PostgreSQL");
  cases_cmd->require_subcommand(1);
  auto add_case_cmd = [&](const char* name, const char* help) {
    CLI::App* c = cases_cmd->add_subcommand(name, help);
    c->add_option("--db", cases.db, "the cases database: a SQLite file or a postgresql:// URL (its TLS settings apply)")
        ->required();
    c->callback([&cases, name] { cases.action = name; });
    return c;
  };
  add_case_cmd("init", "create the database (SQLite: a file private to you, 0600) or migrate it to this version");
  CLI::App* sync_cmd = add_case_cmd("sync", "bring in a screening: new candidates added, leavers flagged, never deleted");
  sync_cmd->add_option("--screening", cases.screening, "output folder of clemency screen")->required();
  CLI::App* advance_cmd = add_case_cmd("advance", "record one step of a case (an append-only event)");
  advance_cmd->add_option("--person", cases.person, "the person's id")->required();
  advance_cmd->add_option("--to", cases.to, "identified, contacted, counsel_assigned, petition_drafted, filed, hearing, decided, released")->required();
  advance_cmd->add_option("--outcome", cases.outcome, "with decided: granted, denied or withdrawn");
  advance_cmd->add_option("--by", cases.by, "who records it")->required();
  advance_cmd->add_option("--why", cases.why, "why: a reference, a letter, a decision")->required();
  advance_cmd->add_option("--on", cases.on, "the date it happened YYYY-MM-DD (default today)");
  add_rules(advance_cmd);
  CLI::App* report_cmd = add_case_cmd("report", "the funnel, grant rates, overdue clocks and progress against a plan");
  report_cmd->add_option("-o,--out", cases.out, "output directory (cases.csv, funnel.csv, cases.xlsx, report.html)")->required();
  report_cmd->add_option("--as-of", cases.as_of, "count events up to this date YYYY-MM-DD (default today)");
  report_cmd->add_option("--plan", cases.plan, "plan.json of clemency campaign plan");
  add_rules(report_cmd);
  CLI::App* packet_cmd = add_case_cmd("packet", "a printable petition packet per candidate (HTML)");
  packet_cmd->add_option("--screening", cases.screening, "output folder of clemency screen that named them")->required();
  packet_cmd->add_option("--person", cases.person, "one person: -o is FILE.html");
  packet_cmd->add_option("--stage", cases.stage, "every case now at this stage: -o is a folder");
  packet_cmd->add_option("--data", cases.data, "the population folder screened: its sentences.csv, if unchanged");
  packet_cmd->add_option("-o,--out", cases.out, "FILE.html, or a folder with --stage")->required();

  if (const std::string unknown = UnknownCommand(app, argc, argv); !unknown.empty()) {
    std::fprintf(stderr, "clemency: %s\n", unknown.c_str());
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!rules_dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(rules_dir, ec)) {
      std::fprintf(stderr, "clemency: --rules %s: not a directory\n", rules_dir.c_str());
      return kExitUsage;
    }
    SetUserRulesDir(rules_dir);
  }
  if (*demo_cmd) return RunDemo(demo);
  if (*synth_cmd) {
    synth.people_given = synth_people->count() > 0;
    return RunSynth(synth);
  }
  if (*validate_cmd) return RunValidate(validate);
  if (*screen_cmd) return RunScreen(screen);
  if (*explain_cmd) return RunExplain(explain);
  if (*sim_cmd) return RunSimulate(sim);
  if (*serve_cmd) return RunServe(serve);
  if (*check_cmd) return RunCheck(check);
  if (*gaps_cmd) return RunCatalogGaps(gaps);
  if (*import_cmd) return RunImport(import_args);
  if (*diff_cmd) return RunDiff(diff);
  if (*plan_cmd) return RunCampaignPlan(plan);
  if (*sql_cmd) return RunSql(sqlargs);
  if (*cases_cmd) return RunCases(cases);
  return kExitUsage;
}

}  // namespace
}  // namespace clemency

int main(int argc, char** argv) {
  try {
    return clemency::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "clemency: internal error: %s\n", e.what());
    return clemency::kExitInternal;
  }
}
