#include "clemency/campaign/plan_html.h"

#include <fmt/format.h>

#include <cmath>

#include "clemency/law/jurisdiction.h"
#include "clemency/report/html.h"
#include "clemency/report/report_html.h"

namespace clemency {
namespace {

using html::Escape;

std::string Num(double v) {
  const auto n = std::llround(v);
  std::string s = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return (n < 0 ? "-" : "") + s;
}

std::string Headline(const Campaign& c, const PlanResult& p) {
  return fmt::format(
      "<p><strong>{} releases expected within {} years</strong> of {} (90% band {} to {}), against a target of {}. "
      "The probability of reaching the target is <strong>{:.1f}%</strong>{}.</p>"
      "<p>Policy <code>{}</code>{}; {} jurisdictions; people the records leave open (needs_review) count as "
      "{:.0f}% eligible. The campaign: {} <span class=\"sub\">[{}]</span></p>",
      Num(p.releases_in_horizon), c.horizon_years, Escape(c.start.ToString()), Num(p.low), Num(p.high),
      Num(static_cast<double>(c.target)), 100 * p.probability,
      p.reached_with < 0 ? "; the expected releases of every jurisdiction together fall short of it"
                         : fmt::format("; in expectation the first {} jurisdictions of the path reach it", p.reached_with),
      Escape(c.policy), c.sets.empty() ? "" : " with " + Escape(fmt::format("{}", fmt::join(c.sets, ", "))),
      p.jurisdictions.size(), 100 * c.review_yield, Escape(c.citation), Escape(c.confidence));
}

std::string PathTable(const Campaign& c, const PlanResult& p) {
  std::vector<std::string> header = {"#", "jurisdiction", "data", "eligible", "needs review", "clemency power",
                                     "governor alone", "board a month", "grant rate", "months to clear"};
  for (int y = 1; y <= c.horizon_years; ++y) header.push_back("year " + std::to_string(y));
  for (const char* h : {"in horizon", "cumulative", "cost avoided", "votes restored"}) header.emplace_back(h);
  html::Table t(header, "num");
  double cumulative = 0;
  for (size_t i = 0; i < p.jurisdictions.size(); ++i) {
    const JurisdictionPlan& j = p.jurisdictions[i];
    cumulative += j.releases_in_horizon;
    std::vector<std::string> row = {std::to_string(i + 1), j.in.code, j.in.data_source, Num(static_cast<double>(j.in.eligible)),
                                    Num(static_cast<double>(j.in.needs_review)),
                                    j.in.authority.empty() ? "unknown" : std::string(DescribeAuthority(j.in.authority)),
                                    j.in.governor_alone ? "yes" : "no", Num(static_cast<double>(j.board.capacity_per_month)),
                                    fmt::format("{:.2f}", j.board.grant_rate.Mean()),
                                    j.months_to_clear < 0 ? "never" : std::to_string(j.months_to_clear)};
    for (double r : j.releases_by_year) row.push_back(Num(r));
    row.push_back(Num(j.releases_in_horizon));
    row.push_back(Num(cumulative));
    row.push_back(j.cost_avoided < 0 ? "no figure" : "$" + Num(j.cost_avoided));
    row.push_back(Num(j.votes_restored));
    t.Row(row);
  }
  return t.str();
}

std::string SensitivityTable(const PlanResult& p) {
  html::Table t({"assumption", "change", "expected in horizon", "change from the plan", "probability of the target"}, "num");
  for (const SensitivityRow& s : p.sensitivity)
    t.Row({s.assumption, s.change, Num(s.releases_in_horizon), Num(s.releases_in_horizon - p.releases_in_horizon),
           fmt::format("{:.1f}%", 100 * s.probability)});
  return t.str();
}

std::string Assumptions(const Campaign& c, const PlanResult& p) {
  std::string out = "<ul><li>Every board unless named below: " + Escape(c.defaults.source) + "</li>";
  for (const auto& [code, b] : c.by_jurisdiction) out += "<li>" + Escape(code) + ": " + Escape(b.source) + "</li>";
  out += fmt::format(
      "<li>The model: each board decides from its start date at its capacity a month until its list is done; releases "
      "are decisions times the grant rate, drawn once per replicate ({} replicates, seed {}). Cost avoided: each "
      "release saves the months left in the horizon, at most the jurisdiction's mean stay (BJS stock over releases), "
      "at its average cost per prisoner-year where a sourced figure exists.</li>"
      "<li>{} of {} jurisdictions have data from an imported roster; the rest are synthetic (BJS-calibrated).</li></ul>",
      c.replicates, c.seed,
      std::count_if(p.jurisdictions.begin(), p.jurisdictions.end(),
                    [](const JurisdictionPlan& j) { return j.in.data_source.rfind("real", 0) == 0; }),
      p.jurisdictions.size());
  return out;
}

}  // namespace

std::string PlanHtml(const Campaign& c, const PlanResult& p) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>{1}</style></head><body>\n<header><h1>{0}</h1><p class=\"sub\">Campaign plan: {2}</p></header>\n<main>\n"
      "<section id=\"headline\"><h2>The plan</h2>{3}</section>\n"
      "<section id=\"path\"><h2>The path to the target</h2><p>Jurisdictions by what their boards can release within "
      "the horizon, most first.</p>{4}</section>\n"
      "<section id=\"sensitivity\"><h2>Which assumptions matter most</h2>{5}</section>\n"
      "<section id=\"assumptions\"><h2>Assumptions and sources</h2>{6}</section>\n</main>\n"
      "<footer><p>Written by Clemency {7} from {8}.</p></footer>\n</body></html>\n",
      Escape(c.title), WebAsset("report.css"), Escape(c.id), Headline(c, p), PathTable(c, p), SensitivityTable(p),
      Assumptions(c, p), CLEMENCY_VERSION, Escape(c.path));
}

}  // namespace clemency
