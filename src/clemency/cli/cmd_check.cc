// clemency check PATH...: type-check and lint rule packs. A directory is
// searched recursively for .toml files, each checked by the kind its content
// shows (cli/rule_file_kind.h), whatever its folder is called: policies,
// offense catalogs, reforms (their codes against the catalog), jurisdiction
// facts, recidivism rates, the calibration extract and import mappings; files
// of no known kind are listed as not checked. Exit 2 when the paths hold no
// rule file at all.
// Worked-case files (NAME.cases.toml, next to the rule file they test) are
// not policies: they are listed as worked cases, run by the test suite
// (tests/rules), and are never a problem. Exit 4 when any problem (lints
// included) is found.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "clemency/campaign/campaign_file.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/rule_file_kind.h"
#include "clemency/law/import_mapping.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/legal_clocks.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
#include "clemency/law/prison_flows.h"
#include "clemency/law/return_rates.h"
#include "clemency/synth/calibration.h"
#include "clemency/policy/policy.h"

namespace clemency {
namespace {

// A reforms file must load, and every exact offense or enhancement code it
// names must be in the jurisdiction's offense catalog (rules/offenses/XX.toml
// beside the reforms folder): a misspelt code would never match.
std::vector<std::string> CheckReforms(const std::string& file) {
  namespace fs = std::filesystem;
  std::string error;
  auto reforms = ReformSet::Load(file, &error);
  if (!reforms) return {error};
  const std::string rules_dir = fs::path(file).parent_path().parent_path().string();
  auto catalog = OffenseCatalog::LoadJurisdiction(reforms->jurisdiction(), &error, rules_dir);
  if (!catalog) return {file + ": cannot check its codes: " + error};
  std::vector<std::string> out;
  for (const Reform& r : reforms->reforms()) {
    for (const std::string& code : r.match.offense_codes)
      if (!code.ends_with("*") && catalog->Find(code) == nullptr)
        out.push_back(fmt::format("{}: reform {}: offense code \"{}\" is not in {}", file, r.id, code, catalog->path()));
    for (const std::string& code : r.match.enhancements)
      if (catalog->FindEnhancement(code) == nullptr)
        out.push_back(fmt::format("{}: reform {}: enhancement \"{}\" is not in {}", file, r.id, code, catalog->path()));
  }
  return out;
}

// The problems of one rule file of a known kind, one message each.
std::vector<std::string> CheckRuleFile(const std::string& file, RuleFileKind kind) {
  std::string error;
  bool ok = true;
  switch (kind) {
    case RuleFileKind::kReforms: return CheckReforms(file);
    case RuleFileKind::kPolicy: {
      std::vector<PolicyProblem> found;
      LoadPolicy(file, &found);
      std::vector<std::string> out;
      for (const PolicyProblem& p : found) out.push_back(p.Format());
      return out;
    }
    case RuleFileKind::kCatalog: ok = OffenseCatalog::Load(file, &error).has_value(); break;
    case RuleFileKind::kJurisdiction: ok = JurisdictionFacts::Load(file, &error).has_value(); break;
    case RuleFileKind::kRecidivism: ok = ReturnRates::Load(file, &error).has_value(); break;
    case RuleFileKind::kCalibration: ok = Calibration::Load(file, &error).has_value(); break;
    case RuleFileKind::kPrisonFlows: ok = PrisonFlows::Load(file, &error).has_value(); break;
    case RuleFileKind::kMapping: ok = LoadImportMapping(file, &error).has_value(); break;
    case RuleFileKind::kClocks: ok = LegalClockSet::Load(file, &error).has_value(); break;
    case RuleFileKind::kCampaign: ok = Campaign::Load(file, &error).has_value(); break;
    default: break;
  }
  if (ok) return {};
  return {error};
}

}  // namespace

int RunCheck(const CheckArgs& args) {
  namespace fs = std::filesystem;
  // (file, named explicitly): a file named on the command line whose kind its
  // content does not tell is checked as a policy; one found in a directory is
  // listed as of no known kind.
  std::vector<std::pair<std::string, bool>> files;
  for (const std::string& path : args.paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(path, ec))
        if (e.is_regular_file() && e.path().extension() == ".toml") files.emplace_back(e.path().string(), false);
    } else if (fs::exists(path, ec)) {
      files.emplace_back(path, true);
    } else {
      fmt::print(stderr, "clemency check: {}: no such file or directory\n", path);
      return kExitUsage;
    }
  }
  std::sort(files.begin(), files.end());
  int problems = 0, checked = 0, cases = 0, unknown = 0;
  for (const auto& [file, named] : files) {
    RuleFileClass c = ClassifyRuleFile(file);
    if (named && (c.kind == RuleFileKind::kUnknown || c.kind == RuleFileKind::kUnreadable))
      c.kind = RuleFileKind::kPolicy;  // a file named on the command line: its loader says what is missing
    if (c.kind == RuleFileKind::kWorkedCases) {
      ++cases;
      fmt::print("{}: worked cases, not a rule pack: run by the test suite (tests/rules/worked_cases_test)\n", file);
    } else if (c.kind == RuleFileKind::kUnknown) {
      ++unknown;
      fmt::print("{}: not checked: not a kind of rule file clemency knows (no [catalog], [[reform]], [people], "
                 "eligibility, [jurisdiction] ... table)\n", file);
    } else if (c.kind == RuleFileKind::kUnreadable) {
      ++checked;
      ++problems;
      fmt::print("{}\n", c.error);
    } else {
      ++checked;
      const std::vector<std::string> found = CheckRuleFile(file, c.kind);
      for (const std::string& p : found) fmt::print("{}\n", p);
      problems += static_cast<int>(found.size());
    }
  }
  if (checked == 0 && cases == 0) {
    std::string paths;
    for (const std::string& path : args.paths) paths += (paths.empty() ? "" : " ") + path;
    fmt::print(stderr, "clemency check: no rule files in {} ({} .toml files, none of a known kind)\n", paths,
               unknown);
    return kExitUsage;
  }
  fmt::print(stderr, "{} files checked, {} problems{}\n", checked, problems,
             unknown > 0 ? fmt::format(", {} files of no known kind not checked", unknown) : "");
  return problems > 0 ? kExitBadRules : kExitOk;
}

}  // namespace clemency
