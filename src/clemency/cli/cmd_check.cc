// clemency check PATH...: type-check and lint rule packs. A directory is
// searched for .toml files; policies (rules/policies/) and offense catalogs
// (rules/offenses/), reforms (rules/reforms/, their codes against the
// catalog), jurisdiction facts, recidivism rates and the calibration extract
// are checked; other files are listed as not checked.
// Worked-case files (NAME.cases.toml, next to the rule file they test) are
// not policies: they are listed as worked cases, run by the test suite
// (tests/rules), and are never a problem. Exit 4 when any problem (lints
// included) is found.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "clemency/cli/commands.h"
#include "clemency/law/import_mapping.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
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

}  // namespace

int RunCheck(const CheckArgs& args) {
  namespace fs = std::filesystem;
  // (file, named explicitly): a file named on the command line that is not a
  // catalog is checked as a policy; one found in a directory only if it is in
  // a policies/ folder.
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
  int problems = 0, checked = 0;
  for (const auto& [file, named] : files) {
    const std::string folder = fs::path(file).parent_path().filename().string();
    if (file.ends_with(".cases.toml")) {
      fmt::print("{}: worked cases, not a rule pack: run by the test suite (tests/rules/worked_cases_test)\n", file);
    } else if (folder == "offenses") {
      std::string error;
      ++checked;
      if (!OffenseCatalog::Load(file, &error)) {
        fmt::print("{}\n", error);
        ++problems;
      }
    } else if (folder == "reforms") {
      ++checked;
      const std::vector<std::string> found = CheckReforms(file);
      for (const std::string& p : found) fmt::print("{}\n", p);
      problems += static_cast<int>(found.size());
    } else if (folder == "jurisdictions" || folder == "recidivism" || folder == "calibration") {
      std::string error;
      ++checked;
      const bool ok = folder == "jurisdictions" ? JurisdictionFacts::Load(file, &error).has_value()
                      : folder == "recidivism"  ? ReturnRates::Load(file, &error).has_value()
                                                : Calibration::Load(file, &error).has_value();
      if (!ok) {
        fmt::print("{}\n", error);
        ++problems;
      }
    } else if (folder == "mappings") {
      std::string error;
      ++checked;
      if (!LoadImportMapping(file, &error)) {
        fmt::print("{}\n", error);
        ++problems;
      }
    } else if (folder == "policies" || named) {
      std::vector<PolicyProblem> found;
      LoadPolicy(file, &found);
      ++checked;
      for (const PolicyProblem& p : found) fmt::print("{}\n", p.Format());
      problems += static_cast<int>(found.size());
    } else {
      fmt::print("{}: not checked (not a known kind of rule file)\n", file);
    }
  }
  fmt::print(stderr, "{} files checked, {} problems\n", checked, problems);
  return problems > 0 ? kExitBadRules : kExitOk;
}

}  // namespace clemency
