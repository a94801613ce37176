#include "clemency/cli/screen_session.h"

#include <fmt/format.h>

#include <fstream>

#include <chrono>
#include <filesystem>

#include "clemency/cli/data_source.h"
#include "clemency/cli/load_report.h"
#include "clemency/cli/progress.h"
#include "clemency/io/output_dir.h"
#include "clemency/law/rules_dir.h"

namespace clemency {

std::string ResolvePolicyPath(const std::string& policy) {
  if (policy.find('/') != std::string::npos || policy.ends_with(".toml")) return policy;
  return RuleFilePath("policies", policy + ".toml", "");
}

namespace {

// A policy whose declared jurisdictions cover nobody in the data.
// The scope is the declared list, or the current value of its list parameter.
void WarnWhenOutOfScope(const Policy& policy, const Population& pop, const char* command) {
  const int param = policy.jurisdictions_param.empty() ? -1 : policy.FindParam(policy.jurisdictions_param);
  const std::vector<std::string>& scope =
      param >= 0 ? policy.params[static_cast<size_t>(param)].value.list : policy.jurisdictions;
  if (scope.empty() || pop.people_count() == 0) return;
  for (StrId j : pop.people.jurisdiction)
    for (const std::string& in_scope : scope)
      if (pop.str(j) == in_scope) return;
  std::string list;
  for (const std::string& j : scope) list += (list.empty() ? "" : ", ") + j;
  fmt::print(stderr, "warning: clemency {}: policy {} applies only in {}, and nobody in the data is there: everyone is not_eligible (outside_scope)\n",
             command, policy.id, list);
}

// A policy that has ended, or is not yet in force, on the as-of date:
// everyone is not_eligible (program_ended, program_not_in_force).
void WarnWhenNotInForce(const Policy& policy, Date as_of, const char* command) {
  if (policy.ends && as_of > *policy.ends)
    fmt::print(stderr, "warning: clemency {}: policy {} ended on {} ({}); as of {} everyone is not_eligible (program_ended){}\n",
               command, policy.id, policy.ends->ToString(), policy.ends_citation, as_of.ToString(),
               policy.ended_text.empty() ? "" : ". " + policy.ended_text);
  if (policy.in_force && as_of < *policy.in_force)
    fmt::print(stderr, "warning: clemency {}: policy {} is in force from {}; as of {} everyone is not_eligible (program_not_in_force)\n",
               command, policy.id, policy.in_force->ToString(), as_of.ToString());
}

// Why path cannot be a policy file ("is a directory, not a policy file"), or
// "" when it is a regular file.
std::string_view NotAPolicyFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  switch (st.type()) {
    case fs::file_type::regular: return "";
    case fs::file_type::not_found: return "does not exist: no such policy file (give a policy id or a .toml file)";
    case fs::file_type::directory: return "is a directory, not a policy file (give a policy id or a .toml file)";
    case fs::file_type::character:
    case fs::file_type::block: return "is a device, not a policy file";
    case fs::file_type::fifo: return "is a pipe (FIFO), not a policy file";
    case fs::file_type::socket: return "is a socket, not a policy file";
    default: return ec ? "cannot be examined (permission denied?), so it is not read as a policy file"
                       : "is not a regular file, so it is not read as a policy file";
  }
}

// A scenario file (--set @FILE, saved by the dashboard): NAME=VALUE lines;
// blank lines and lines starting with # are skipped.
bool ReadScenarioFile(const std::string& path, std::vector<std::string>* sets, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "@" + path + ": cannot be read";
    return false;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    if (line.find('=') == std::string::npos) {
      *error = fmt::format("@{}:{}:{}: expected NAME=VALUE, found \"{}\"", path, number, start + 1, line.substr(start));
      return false;
    }
    sets->push_back(line.substr(start));
  }
  return true;
}

// Loads the policy and applies --set; returns kExitOk or the exit code.
int LoadPolicyWithSets(const ScreenInputs& in, const std::string& policy_path, const char* command, ScreenSession& s) {
  if (const std::string_view what = NotAPolicyFile(policy_path); !what.empty()) {
    fmt::print(stderr, "clemency {}: --policy {}: {} {}\n", command, in.policy, policy_path, what);
    return kExitUsage;
  }
  std::vector<PolicyProblem> problems;
  s.policy = LoadPolicy(policy_path, &problems);
  for (const PolicyProblem& p : problems)
    if (!p.lint || !s.policy) fmt::print(stderr, "{}\n", p.Format());
  if (!s.policy) return kExitBadRules;
  std::vector<std::string> sets;
  for (const std::string& set : in.sets) {
    std::string error;
    if (set.rfind('@', 0) != 0) {
      sets.push_back(set);
    } else if (!ReadScenarioFile(set.substr(1), &sets, &error)) {
      fmt::print(stderr, "clemency {}: --set {}\n", command, error);
      return kExitUsage;
    }
  }
  for (const std::string& set : sets) {
    const size_t eq = set.find('=');
    std::string error;
    if (eq == std::string::npos) {
      fmt::print(stderr, "clemency {}: --set {}: expected NAME=VALUE\n", command, set);
      return kExitUsage;
    }
    if (!SetParam(*s.policy, set.substr(0, eq), set.substr(eq + 1), &error)) {
      fmt::print(stderr, "clemency {}: {}\n", command, error);
      return kExitUsage;
    }
    s.manifest.overrides.emplace_back(set.substr(0, eq), set.substr(eq + 1));
  }
  return kExitOk;
}

// A data folder written by import or synth has a manifest.json: a file it
// names must be there (exit 3), and a file read with other bytes than it
// names is a warning (someone may have fixed a row by hand), kept in
// summary.json. Without a manifest.json there is nothing to compare.
int CheckDataFilesPresent(const std::string& dir, const char* command, std::vector<ManifestFile>* files) {
  bool absent = false;
  std::string error;
  if (!ReadManifest(dir, files, &absent, &error)) {
    if (!absent) fmt::print(stderr, "warning: clemency {}: {}; the data files are not compared with it\n", command, error);
    files->clear();
    return kExitOk;
  }
  for (const ManifestFile& f : *files) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(std::filesystem::path(dir) / f.name, ec)) continue;
    fmt::print(stderr, "clemency {}: --data {}: {} is missing, but {}/manifest.json names it: the folder is incomplete\n",
               command, dir, f.name, dir);
    return kExitBadData;
  }
  return kExitOk;
}

void CompareDataHashes(const std::string& dir, const char* command, const std::vector<ManifestFile>& files,
                       ScreenSession& s) {
  for (const FileCounts* c : {&s.load.people, &s.load.sentences, &s.load.facilities}) {
    for (const ManifestFile& f : files) {
      if (f.name != c->file || !c->present || c->sha256 == f.sha256) continue;
      const std::string text = fmt::format(
          "{}/{} differs from {}/manifest.json (edited since it was written?); the file was used as read", dir,
          c->file, dir);
      fmt::print(stderr, "warning: clemency {}: {}\n", command, text);
      s.manifest.data_manifest_warnings.push_back(text);
    }
  }
}

// The law for the population (law/population_law.h), with screen's messages;
// returns kExitOk or the exit code.
int LoadLaw(const ScreenInputs& in, const Population& pop, const char* command, ScreenSession& s) {
  s.law = PopulationLaw::Load(pop, PopulationLawOptions{"", in.allow_missing_catalog});
  for (const LawProblem& w : s.law.warnings())
    fmt::print(stderr, "warning: no offense catalog for {} ({}): the category and flags of its offenses are unknown (--allow-missing-catalog)\n", w.jurisdiction, w.path);
  const std::optional<LawProblem>& e = s.law.error();
  if (e && e->missing_catalog()) {
    const std::string& j = e->jurisdiction;
    fmt::print(stderr,
               "clemency {}: the data has {} offenses but there is no offense catalog for {}: looked for {}{}.\n"
               "  Write one (rules/offenses/CA.toml shows the format) in your rules folder and pass --rules DIR,\n"
               "  or pass --allow-missing-catalog to screen with the category and flags of every {} offense unknown.\n",
               command, j, j, e->path, UserRulesDir().empty() ? "" : " (and in " + UserRulesDir() + "/offenses)", j);
    return kExitBadRules;
  }
  if (e) {
    fmt::print(stderr, "{}\n", e->message);
    return kExitBadRules;
  }
  s.manifest.rule_files.insert(s.manifest.rule_files.end(), s.law.rule_files().begin(), s.law.rule_files().end());
  return kExitOk;
}

}  // namespace

int PrepareScreen(const ScreenInputs& in, const char* command, ScreenSession& s) {
  s.as_of = ResolveAsOf(in.as_of);
  const std::string& as_of_text = s.as_of.text;
  const DateParseResult as_of = ParseDate(as_of_text);
  if (!as_of.ok()) {
    fmt::print(stderr, "clemency {}: --as-of \"{}\": {}\n", command, as_of_text, DescribeDateParseError(as_of.error));
    return kExitUsage;
  }
  s.manifest.as_of_defaulted = s.as_of.defaulted;
  s.manifest.as_of_time_zone = s.as_of.time_zone;
  if (!DataSourceExists(in.data_dir)) {
    fmt::print(stderr, "clemency {}: --data {}: not a directory (or a snapshot file)\n", command, in.data_dir);
    return kExitUsage;
  }

  // The policy first: a broken rule pack should not wait for a big load.
  // (No policy: the law is applied to the data and nothing is screened.)
  const std::string policy_path = in.policy.empty() ? "" : ResolvePolicyPath(in.policy);
  if (!in.policy.empty()) {
    if (const int rc = LoadPolicyWithSets(in, policy_path, command, s); rc != kExitOk) return rc;
    WarnWhenNotInForce(*s.policy, as_of.date, command);
  }

  for (const std::string& arg : in.assumes) {
    Assumption a;
    std::string error;
    if (!ParseAssumption(arg, &a, &error)) {
      fmt::print(stderr, "clemency {}: {}\n", command, error);
      return kExitUsage;
    }
    for (const Assumption& other : s.assumptions)
      if (other.fact == a.fact) {
        fmt::print(stderr, "clemency {}: --assume {}: {} is already assumed ({}={})\n", command, arg, a.fact->name,
                   other.fact->name, other.text);
        return kExitUsage;
      }
    s.assumptions.push_back(std::move(a));
  }

  std::vector<ManifestFile> data_manifest;
  const bool snapshot = IsSnapshotSource(in.data_dir);
  if (!snapshot)
    if (const int rc = CheckDataFilesPresent(in.data_dir, command, &data_manifest); rc != kExitOk) return rc;
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  LoadOptions options;
  options.as_of = as_of.date;
  options.progress = TerminalProgress();
  if (const int rc = LoadDataSource(in.data_dir, options, command, &s.load); rc != kExitOk) return rc;
  const bool quarantine = in.on_error == "quarantine";
  PrintLoadProblems(s.load, quarantine);
  if (s.load.fatal || (!quarantine && s.load.error_count > 0)) {
    fmt::print(stderr, "clemency {}: the input data has errors: nothing written (see --on-error quarantine)\n", command);
    return kExitBadData;
  }
  CompareDataHashes(in.data_dir, command, data_manifest, s);
  const Population& pop = *s.load.population;
  const auto t1 = Clock::now();

  // The offense catalogs, reforms and jurisdiction facts of the population.
  if (const int rc = LoadLaw(in, pop, command, s); rc != kExitOk) return rc;
  if (s.policy) s.manifest.rule_files.insert(s.manifest.rule_files.begin(), policy_path);
  for (const FileCounts* c : {&s.load.people, &s.load.sentences, &s.load.facilities})
    if (c->present) s.manifest.inputs.emplace_back(c->file, c->sha256);
  s.manifest.rows = LoadCountsJson(s.load);

  if (s.policy) WarnWhenOutOfScope(*s.policy, pop, command);
  s.facts = BuildFactTable(pop, s.law.refs(), as_of.date);
  for (Assumption& a : s.assumptions) ApplyAssumption(s.facts, a);
  if (s.policy) {
    s.screening = Screen(*s.policy, s.facts, {.eligible_on = !in.decisions_only});
    const auto t2 = Clock::now();
    if (!in.decisions_only) s.triage = TriageReview(*s.policy, s.facts, s.screening);
    s.triage_seconds = std::chrono::duration<double>(Clock::now() - t2).count();
  }
  s.load_seconds = std::chrono::duration<double>(t1 - t0).count();
  s.screen_seconds = std::chrono::duration<double>(Clock::now() - t1).count();
  return kExitOk;
}

}  // namespace clemency
