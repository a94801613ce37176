// Opening a screening session (session.h), step by step as PrepareScreen.
#include "session.h"

#include <filesystem>

#include "clemency/cli/load_report.h"
#include "clemency/law/rules_dir.h"
#include "errors.h"

namespace clemency::python {
namespace {

void LoadPolicyFile(const std::string& path, Session& s) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    Fail(ErrorKind::kUsage, "no such policy file (give a policy id or a .toml file)", path);
  std::vector<PolicyProblem> problems;
  s.s.policy = LoadPolicy(path, &problems);
  if (s.s.policy) return;
  for (const PolicyProblem& p : problems)
    if (!p.lint) Fail(ErrorKind::kRules, p.message, p.file, p.pos.line, p.pos.column);
  Fail(ErrorKind::kRules, "the policy does not load", path);
}

void SetParams(const SessionArgs& args, Session& s) {
  Policy& policy = *s.s.policy;
  for (const auto& [name, value] : args.params) {
    std::string error;
    if (!SetParam(policy, name, value, &error)) {
      if (error.starts_with("--set ")) error = "params: " + error.substr(6);
      const int i = policy.FindParam(name);
      const SourcePos pos = i < 0 ? SourcePos{} : policy.params[static_cast<size_t>(i)].pos;
      Fail(ErrorKind::kUsage, error, s.policy_path, pos.line, pos.column);
    }
    s.s.manifest.overrides.emplace_back(name, value);
    s.sets.push_back(name + "=" + value);
  }
}

void ParseAssumptions(const SessionArgs& args, Session& s) {
  for (const std::string& arg : args.assume) {
    Assumption a;
    std::string error;
    if (!ParseAssumption(arg, &a, &error)) Fail(ErrorKind::kUsage, "assume: " + error);
    for (const Assumption& other : s.s.assumptions)
      if (other.fact == a.fact) Fail(ErrorKind::kUsage, "assume " + arg + ": " + std::string(a.fact->name) + " is already assumed");
    s.s.assumptions.push_back(std::move(a));
  }
}

void LoadLaw(const SessionArgs& args, const Population& pop, Session& s) {
  s.s.law = PopulationLaw::Load(pop, PopulationLawOptions{"", args.allow_missing_catalog});
  const std::optional<LawProblem>& e = s.s.law.error();
  if (e && e->missing_catalog())
    Fail(ErrorKind::kRules,
         "the data has " + e->jurisdiction + " offenses but there is no offense catalog for " + e->jurisdiction +
             ": write one in your rules folder (clemency.set_rules_dir), or pass allow_missing_catalog=True",
         e->path);
  if (e) FailLocated(ErrorKind::kRules, e->message);
  s.s.manifest.rule_files = s.s.law.rule_files();
}

// The CLI's warnings (cli/screen_session.cc), kept for Python's warnings module.
void CollectWarnings(const Population& pop, Session& s) {
  for (const LawProblem& w : s.s.law.warnings())
    s.warnings.push_back("no offense catalog for " + w.jurisdiction + " (" + w.path +
                         "): the category and flags of its offenses are unknown");
  if (!s.s.policy) return;
  const Policy& policy = *s.s.policy;
  const Date as_of = s.s.facts.as_of;
  if (policy.ends && as_of > *policy.ends)
    s.warnings.push_back("policy " + policy.id + " ended on " + policy.ends->ToString() + "; as of " +
                         as_of.ToString() + " everyone is not_eligible (program_ended)");
  if (policy.in_force && as_of < *policy.in_force)
    s.warnings.push_back("policy " + policy.id + " is in force from " + policy.in_force->ToString() + "; as of " +
                         as_of.ToString() + " everyone is not_eligible (program_not_in_force)");
  const int param = policy.jurisdictions_param.empty() ? -1 : policy.FindParam(policy.jurisdictions_param);
  const std::vector<std::string>& scope =
      param >= 0 ? policy.params[static_cast<size_t>(param)].value.list : policy.jurisdictions;
  if (scope.empty() || pop.people_count() == 0) return;
  for (StrId j : pop.people.jurisdiction)
    for (const std::string& in_scope : scope)
      if (pop.str(j) == in_scope) return;
  s.warnings.push_back("policy " + policy.id +
                       " applies only in other jurisdictions than the data's: everyone is not_eligible (outside_scope)");
}

}  // namespace

SessionPtr OpenSession(const PopulationPtr& population, const SessionArgs& args) {
  auto session = std::make_shared<Session>();
  Session& s = *session;
  s.population = population;
  const Date as_of = args.as_of.empty() ? population->as_of : ParseAsOf(args.as_of);
  if (as_of < population->as_of)
    Fail(ErrorKind::kUsage, "as_of " + as_of.ToString() + " is before " + population->as_of.ToString() +
                                ", the date the population was checked against: load it with as_of=\"" +
                                as_of.ToString() + "\"");
  s.s.as_of.text = as_of.ToString();
  if (!args.policy.empty()) {
    s.policy_path = ResolvePolicyPath(args.policy);
    LoadPolicyFile(s.policy_path, s);
    SetParams(args, s);
  }
  ParseAssumptions(args, s);
  const Population& pop = *population->load.population;
  LoadLaw(args, pop, s);
  if (s.s.policy) s.s.manifest.rule_files.insert(s.s.manifest.rule_files.begin(), s.policy_path);
  for (const FileCounts* c : {&population->load.people, &population->load.sentences, &population->load.facilities})
    if (c->present) s.s.manifest.inputs.emplace_back(c->file, c->sha256);
  s.s.manifest.rows = LoadCountsJson(population->load);
  s.s.facts = BuildFactTable(pop, s.s.law.refs(), as_of);
  for (Assumption& a : s.s.assumptions) ApplyAssumption(s.s.facts, a);
  CollectWarnings(pop, s);
  if (s.s.policy) {
    s.s.screening = Screen(*s.s.policy, s.s.facts, {.eligible_on = !args.decisions_only});
    if (!args.decisions_only) s.s.triage = TriageReview(*s.s.policy, s.s.facts, s.s.screening);
  }
  return session;
}

}  // namespace clemency::python
