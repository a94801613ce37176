#include "clemency/campaign/plan_outputs.h"

#include <cmath>

#include "clemency/io/csv_writer.h"

namespace clemency {
namespace {

using J = nlohmann::ordered_json;

double Round1(double v) { return std::round(v * 10) / 10; }

J Nullable(double v) { return v < 0 ? J(nullptr) : J(std::round(v)); }

J JurisdictionJson(const JurisdictionPlan& p, double cumulative) {
  J by_year = J::array(), low = J::array(), high = J::array();
  for (size_t y = 0; y < p.releases_by_year.size(); ++y) {
    by_year.push_back(Round1(p.releases_by_year[y]));
    low.push_back(Round1(p.releases_by_year_low[y]));
    high.push_back(Round1(p.releases_by_year_high[y]));
  }
  return {{"jurisdiction", p.in.code},
          {"data_source", p.in.data_source},
          {"people", p.in.people},
          {"eligible", p.in.eligible},
          {"needs_review", p.in.needs_review},
          {"eligible_by_group", p.in.eligible_by_group},
          {"clemency_authority", p.in.authority.empty() ? J(nullptr) : J(p.in.authority)},
          {"governor_can_act_alone", p.in.governor_alone},
          {"vote_restoration", p.in.vote_restoration.empty() ? J(nullptr) : J(p.in.vote_restoration)},
          {"board_capacity_per_month", p.board.capacity_per_month},
          {"grant_rate", p.board.grant_rate.ToString()},
          {"assumed_grant_rate", p.board.grant_rate.Mean()},
          {"board_start", p.board.start.ToString()},
          {"assumption_source", p.board.source},
          {"candidates", p.candidates},
          {"months_to_clear", p.months_to_clear < 0 ? J(nullptr) : J(p.months_to_clear)},
          {"expected_releases_by_year", by_year},
          {"cumulative_low_by_year", low},
          {"cumulative_high_by_year", high},
          {"expected_releases_in_horizon", Round1(p.releases_in_horizon)},
          {"path_cumulative", Round1(cumulative)},
          {"cost_avoided_usd", Nullable(p.cost_avoided)},
          {"votes_restored", Round1(p.votes_restored)}};
}

}  // namespace

bool WritePlanCsv(const std::string& path, const Campaign& campaign, const PlanResult& plan,
                  const std::vector<std::string>& groups, std::string* error) {
  CsvWriter w(path);
  std::vector<std::string> header = {"path_order", "jurisdiction", "data_source", "people", "eligible", "needs_review"};
  for (const std::string& g : groups) header.push_back("eligible_" + g);
  for (const char* h : {"clemency_authority", "governor_can_act_alone", "vote_restoration", "board_capacity_per_month",
                        "grant_rate", "board_start", "candidates", "months_to_clear"})
    header.emplace_back(h);
  for (int y = 1; y <= campaign.horizon_years; ++y) header.push_back("releases_year_" + std::to_string(y));
  for (const char* h : {"releases_in_horizon", "releases_low", "releases_high", "path_cumulative", "cost_avoided_usd",
                        "votes_restored"})
    header.emplace_back(h);
  std::vector<std::string_view> views(header.begin(), header.end());
  w.Row(views);
  double cumulative = 0;
  auto num = [](double v) { return std::to_string(std::llround(v)); };
  for (size_t i = 0; i < plan.jurisdictions.size(); ++i) {
    const JurisdictionPlan& p = plan.jurisdictions[i];
    cumulative += p.releases_in_horizon;
    w.Field(static_cast<int64_t>(i + 1)).Field(p.in.code).Field(p.in.data_source).Field(p.in.people);
    w.Field(p.in.eligible).Field(p.in.needs_review);
    for (const std::string& g : groups) {
      auto it = p.in.eligible_by_group.find(g);
      w.Field(it == p.in.eligible_by_group.end() ? 0 : it->second);
    }
    w.Field(p.in.authority).Field(p.in.governor_alone ? "yes" : "no").Field(p.in.vote_restoration);
    w.Field(p.board.capacity_per_month).Field(p.board.grant_rate.ToString()).Field(p.board.start.ToString());
    w.Field(p.candidates);
    if (p.months_to_clear < 0) w.EmptyField(); else w.Field(p.months_to_clear);
    for (double r : p.releases_by_year) w.Field(num(r));
    w.Field(num(p.releases_in_horizon)).Field(num(p.releases_by_year_low.back())).Field(num(p.releases_by_year_high.back()));
    w.Field(num(cumulative));
    if (p.cost_avoided < 0) w.EmptyField(); else w.Field(num(p.cost_avoided));
    w.Field(num(p.votes_restored)).EndRow();
  }
  if (w.Commit()) return true;
  *error = w.error();
  return false;
}

J PlanJson(const Campaign& campaign, const PlanResult& plan) {
  J jurisdictions = J::array();
  double cumulative = 0;
  for (const JurisdictionPlan& p : plan.jurisdictions) jurisdictions.push_back(JurisdictionJson(p, cumulative += p.releases_in_horizon));
  J sensitivity = J::array();
  for (const SensitivityRow& s : plan.sensitivity)
    sensitivity.push_back({{"assumption", s.assumption},
                           {"change", s.change},
                           {"expected_releases_in_horizon", Round1(s.releases_in_horizon)},
                           {"change_from_plan", Round1(s.releases_in_horizon - plan.releases_in_horizon)},
                           {"probability", s.probability}});
  J cumulative_by_year = J::array();
  for (double c : plan.cumulative_by_year) cumulative_by_year.push_back(Round1(c));
  return {{"campaign",
           {{"id", campaign.id}, {"title", campaign.title}, {"citation", campaign.citation},
            {"confidence", campaign.confidence}, {"policy", campaign.policy}, {"set", campaign.sets}}},
          {"target", campaign.target},
          {"start", campaign.start.ToString()},
          {"horizon_years", campaign.horizon_years},
          {"expected_releases_in_horizon", Round1(plan.releases_in_horizon)},
          {"band", {{"low", Round1(plan.low)}, {"high", Round1(plan.high)}, {"percentiles", {5, 95}}}},
          {"probability_of_target", plan.probability},
          {"jurisdictions_needed", plan.reached_with < 0 ? J(nullptr) : J(plan.reached_with)},
          {"expected_cumulative_by_year", cumulative_by_year},
          {"jurisdictions", jurisdictions},
          {"sensitivity", sensitivity},
          {"assumptions",
           {{"board", campaign.defaults.source},
            {"review_yield", campaign.review_yield},
            {"replicates", campaign.replicates},
            {"seed", campaign.seed},
            {"model", "decisions from each board's start at its capacity a month until its list is done; releases = "
                      "decisions x the replicate's grant rate; cost avoided: each release saves the months left in the "
                      "horizon, at most the jurisdiction's mean stay (BJS stock / releases), at its average cost"}}}};
}

}  // namespace clemency
