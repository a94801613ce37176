#include "bench_data.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "clemency/law/rules_dir.h"
#include "clemency/synth/synthesizer.h"

namespace clemency::bench {

std::string DataDir() {
  if (const char* env = std::getenv("CLEMENCY_BENCH_DATA"); env != nullptr && *env != '\0') return env;
  return std::string(CLEMENCY_SOURCE_DIR) + "/bench/out/ca-" + std::to_string(kDefaultPeople);
}

bool EnsurePopulation(const std::string& dir, int64_t people) {
  if (std::filesystem::exists(dir + "/sentences.csv")) return true;
  std::fprintf(stderr, "generating %lld people into %s ...\n", static_cast<long long>(people), dir.c_str());
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  SynthOptions options;
  options.jurisdiction = "CA";
  options.people = people;
  options.seed = 1;
  options.as_of = ParseDate("2026-01-01").date;
  options.out_dir = dir;
  const SynthResult r = Synthesize(options);
  if (!r.ok()) std::fprintf(stderr, "synth: %s\n", r.error.c_str());
  return r.ok();
}

bool LoadAll(const std::string& dir, Date as_of, const std::string& policy, Loaded& out) {
  LoadOptions options;
  options.as_of = as_of;
  out.load = LoadPopulation(dir, options);
  if (out.load.fatal || out.load.error_count > 0 || !out.load.population) {
    std::fprintf(stderr, "%s: %llu errors in the data%s%s\n", dir.c_str(),
                 static_cast<unsigned long long>(out.load.error_count), out.load.problems.empty() ? "" : ", first: ",
                 out.load.problems.empty() ? "" : out.load.problems.front().Format().c_str());
    return false;
  }
  out.population_law = PopulationLaw::Load(*out.load.population, PopulationLawOptions{"", true});
  if (!out.population_law.ok()) {
    std::fprintf(stderr, "%s\n", out.population_law.error()->message.c_str());
    return false;
  }
  const std::string path = policy.find('/') != std::string::npos || policy.ends_with(".toml")
                               ? policy
                               : RuleFilePath("policies", policy + ".toml", "");
  std::vector<PolicyProblem> problems;
  out.policy = LoadPolicy(path, &problems);
  if (!out.policy) {
    for (const PolicyProblem& p : problems) std::fprintf(stderr, "%s\n", p.Format().c_str());
    return false;
  }
  return true;
}

}  // namespace clemency::bench
