// clemency campaign plan --campaign ID|FILE --data DIR|FILE [--data XX=DIR|FILE ...] -o OUT
// Screens every jurisdiction with the campaign's policy on its start date,
// then plans each board's work (campaign/plan.h) and writes plan.csv,
// plan.json and report.html. A `--data XX=PATH` (a real roster, imported)
// stands in for jurisdiction XX of the main data.
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "clemency/campaign/campaign_file.h"
#include "clemency/campaign/plan.h"
#include "clemency/campaign/plan_counts.h"
#include "clemency/campaign/plan_html.h"
#include "clemency/campaign/plan_outputs.h"
#include "clemency/cli/command_output.h"
#include "clemency/cli/commands.h"
#include "clemency/cli/screen_session.h"
#include "clemency/io/atomic_file.h"
#include "clemency/law/jurisdiction.h"
#include "clemency/law/prison_flows.h"

namespace clemency {
namespace {

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "clemency campaign plan: %s\n", message.c_str());
  return code;
}

std::vector<std::string> GroupIds(const Policy& policy) {
  std::vector<std::string> out;
  for (const PolicyRule& r : policy.rules)
    if (r.kind == RuleKind::kGroup) out.push_back(r.id);
  return out;
}

// The screening's counts per jurisdiction, and again under each sensitivity set.
struct Screened {
  std::string source;  // "synthetic" or "real: PATH"
  std::map<std::string, PlanJurisdiction> counts;
  std::vector<std::map<std::string, PlanJurisdiction>> variations;
};

int ScreenData(const Campaign& c, const std::string& data, const std::string& source, Screened& out,
               std::vector<std::string>* groups) {
  ScreenInputs in;
  in.data_dir = data;
  in.policy = c.policy;
  in.as_of = c.start.ToString();
  in.sets = c.sets;
  in.decisions_only = true;
  ScreenSession s;
  if (const int rc = PrepareScreen(in, "campaign plan", s); rc != kExitOk) return rc;
  out.source = source;
  out.counts = CountByJurisdiction(*s.policy, s.facts, s.screening);
  *groups = GroupIds(*s.policy);
  for (const std::string& set : c.sensitivity_sets) {  // the policy moved, screened, and put back
    std::string error;
    const size_t eq = set.find('=');
    const std::string name = set.substr(0, eq);
    const PolicyParam* param = nullptr;
    for (const PolicyParam& p : s.policy->params)
      if (p.name == name) param = &p;
    const std::string before = param == nullptr ? "" : param->value.ToString();
    if (param == nullptr || !SetParam(*s.policy, name, set.substr(eq + 1), &error))
      return Fail(kExitBadRules, c.path + ": sensitivity_sets \"" + set + "\": " +
                                     (param == nullptr ? "the policy has no parameter " + name : error));
    const Screening screening = Screen(*s.policy, s.facts, {.eligible_on = false});
    out.variations.push_back(CountByJurisdiction(*s.policy, s.facts, screening));
    SetParam(*s.policy, name, before, &error);
  }
  return kExitOk;
}

// What the rules say of a jurisdiction: clemency power, votes, cost, exit rate.
void AddLaw(PlanJurisdiction& j, const PrisonFlows* flows) {
  std::string error;
  if (auto facts = JurisdictionFacts::LoadCode(j.code, &error)) {
    j.authority = facts->clemency.authority;
    j.governor_alone = j.authority == "executive_alone" || j.authority == "executive_may_consult_board";
    j.vote_restoration = facts->voting.restoration;
    if (facts->cost) j.cost_per_year = facts->cost->per_prisoner_year_usd;
  }
  if (flows != nullptr)
    if (const PrisonFlow* f = flows->Find(j.code)) j.exit_rate_per_year = f->ExitRatePerYear();
}

// The plan's inputs: each campaign jurisdiction from the real data that covers it, else the main data.
std::vector<PlanJurisdiction> PlanInputs(const Campaign& c, const std::vector<Screened>& data, int variation,
                                         const PrisonFlows* flows) {
  std::vector<PlanJurisdiction> out;
  for (const std::string& code : c.jurisdictions) {
    PlanJurisdiction j;
    j.code = code;
    j.data_source = "none";
    for (auto it = data.rbegin(); it != data.rend(); ++it) {  // real rosters were given after the main data
      const auto& counts = variation < 0 ? it->counts : it->variations[static_cast<size_t>(variation)];
      if (auto found = counts.find(code); found != counts.end()) {
        j = found->second;
        j.data_source = it->source;
        break;
      }
    }
    AddLaw(j, flows);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

int RunCampaignPlan(const CampaignPlanArgs& args) {
  if (args.data.empty()) return Fail(kExitUsage, "--data DIR: the population to plan on is required");
  std::string error;
  const auto campaign = Campaign::Load(Campaign::Resolve(args.campaign), &error);
  if (!campaign) return Fail(kExitBadRules, error);
  CommandOutput out("campaign plan", args.out_dir);
  if (const int rc = out.Open({"plan.csv", "plan.json", "report.html"}); rc != kExitOk) return rc;

  std::vector<Screened> data;
  std::vector<std::string> groups;
  for (const std::string& d : args.data) {
    const size_t eq = d.find('=');
    const bool real = eq == 2;
    Screened s;
    if (const int rc = ScreenData(*campaign, real ? d.substr(3) : d, real ? "real: " + d.substr(3) : "synthetic", s, &groups);
        rc != kExitOk)
      return rc;
    if (real) {  // only its own jurisdiction
      const std::string code = d.substr(0, 2);
      for (auto* counts : {&s.counts}) std::erase_if(*counts, [&](const auto& kv) { return kv.first != code; });
      for (auto& v : s.variations) std::erase_if(v, [&](const auto& kv) { return kv.first != code; });
    }
    data.push_back(std::move(s));
  }
  const auto flows = PrisonFlows::Load(PrisonFlows::DefaultPath(), &error);
  const std::vector<PlanJurisdiction> inputs = PlanInputs(*campaign, data, -1, flows ? &*flows : nullptr);
  PlanResult plan = ComputePlan(*campaign, inputs);
  plan.sensitivity = AssumptionSensitivity(*campaign, inputs);
  for (size_t v = 0; v < campaign->sensitivity_sets.size(); ++v) {
    const PlanResult varied = ComputePlan(*campaign, PlanInputs(*campaign, data, static_cast<int>(v), flows ? &*flows : nullptr));
    plan.sensitivity.push_back({"policy", campaign->sensitivity_sets[v], varied.releases_in_horizon, varied.probability});
  }

  if (!WritePlanCsv(out.path("plan.csv"), *campaign, plan, groups, &error)) return out.Fail(error);
  AtomicFile json(out.path("plan.json"));
  json.Write(PlanJson(*campaign, plan).dump(2) + "\n");
  if (!json.Commit()) return out.Fail(json.error());
  AtomicFile html(out.path("report.html"));
  html.Write(PlanHtml(*campaign, plan));
  if (!html.Commit()) return out.Fail(html.error());
  if (const int rc = out.Commit({"campaign plan", campaign->start.ToString(), {}}); rc != kExitOk) return rc;

  std::printf("%s: target %lld releases in %d years from %s\n", campaign->id.c_str(),
              static_cast<long long>(campaign->target), campaign->horizon_years, campaign->start.ToString().c_str());
  std::printf("expected %.0f (90%% band %.0f to %.0f); probability of reaching the target %.1f%%\n",
              plan.releases_in_horizon, plan.low, plan.high, 100 * plan.probability);
  double cumulative = 0;
  for (size_t i = 0; i < plan.jurisdictions.size() && i < 10; ++i) {
    const JurisdictionPlan& p = plan.jurisdictions[i];
    cumulative += p.releases_in_horizon;
    std::printf("  %2zu. %s %8.0f  (cumulative %8.0f; %lld candidates, %s months to clear)\n", i + 1,
                p.in.code.c_str(), p.releases_in_horizon, cumulative, static_cast<long long>(p.candidates),
                p.months_to_clear < 0 ? "never" : std::to_string(p.months_to_clear).c_str());
  }
  std::printf("wrote plan.csv, plan.json and report.html to %s\n", args.out_dir.c_str());
  return kExitOk;
}

}  // namespace clemency
