#include "clemency/report/report_sections.h"

#include <fmt/format.h>

#include <cmath>

#include "clemency/report/html.h"
#include "clemency/report/review_text.h"

namespace clemency {
namespace {

using J = nlohmann::ordered_json;
using html::Escape;

std::string P(const std::string& text) { return "<p>" + Escape(text) + "</p>\n"; }
std::string Str(const J& j, const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }
int64_t Round(const J& band, const char* key) { return std::llround(band[key].get<double>()); }

// "1,677 (90% band 1,160 to 2,191)".
std::string Banded(const J& band) {
  return fmt::format("{} (90% band {} to {})", Thousands(Round(band, "mean")), Thousands(Round(band, "p05")),
                     Thousands(Round(band, "p95")));
}

// "month 23 (2027-12)", or "not within the horizon".
std::string When(const J& m) {
  return m.is_null() ? "not within the horizon" : fmt::format("month {} ({})", m["month"].get<int>(), Str(m, "date"));
}

std::string Money(double usd) {
  return usd >= 1e9 ? fmt::format("${:.2f} billion", usd / 1e9) : fmt::format("${:.1f} million", usd / 1e6);
}

std::string ProjectionHeadline(const J& h, const J& prm) {
  std::string out = !Str(prm, "releases_file").empty()
      ? P(fmt::format("{} planned releases on the dates the --releases file gives; {} replicates over {} years.",
                      Thousands(h["queued_people"].get<int64_t>()), prm["replicates"].get<int>(), prm["years"].get<int>()))
      : P(fmt::format(
      "{} people queued for a board deciding {} cases a month after a {}-month lag, granting at {} (an assumption, "
      "drawn once per replicate); {} replicates over {} years.",
      Thousands(h["queued_people"].get<int64_t>()), prm["board_capacity"].get<int64_t>(),
      prm["processing_lag_months"].get<int>(), Str(prm, "grant_rate"), prm["replicates"].get<int>(), prm["years"].get<int>()));
  const J& clear = h["months_to_clear_list"];
  html::Table t({"figure", "median replicate", "90% band"});
  if (Str(prm, "releases_file").empty())
    t.Row({"the board has decided the whole list", When(clear["median"]), When(clear["p05"]) + " to " + When(clear["p95"])});
  if (h.contains("target") && !h["target"].is_null()) {
    const J& target = h["target"];
    t.Row({fmt::format("{} clemency releases (reached in {:.0f}% of replicates)", Thousands(target["target"].get<int64_t>()),
                       100 * target["share_of_replicates_reached"].get<double>()),
           When(target["median"]), When(target["p05"]) + " to " + When(target["p95"])});
  }
  const J& largest = h["largest_population_reduction"];
  t.Row({"largest population reduction, " + Str(largest, "date"), Thousands(Round(largest["reduction"], "mean")) + " people",
         Thousands(Round(largest["reduction"], "p05")) + " to " + Thousands(Round(largest["reduction"], "p95"))});
  const J& end = h["at_horizon"];
  t.Row({"prison years avoided by " + Str(end, "month"), Thousands(Round(end["person_years_avoided"], "mean")),
         Thousands(Round(end["person_years_avoided"], "p05")) + " to " + Thousands(Round(end["person_years_avoided"], "p95"))});
  t.Row({"cost avoided at average cost per prisoner-year", Money(end["cost_avoided_usd"]["mean"].get<double>()),
         Money(end["cost_avoided_usd"]["p05"].get<double>()) + " to " + Money(end["cost_avoided_usd"]["p95"].get<double>())});
  const J& totals = h["totals_over_horizon_mean"];
  t.Row({"returns to prison over the horizon, with clemency against without (mean)",
         fmt::format("{} against {}", Thousands(std::llround(totals["returns_scenario"].get<double>())),
                     Thousands(std::llround(totals["returns_baseline"].get<double>()))),
         ""});
  t.Row({"votes restored at the horizon, with clemency", Banded(end["votes_restored_scenario"]),
         "without: " + Banded(end["votes_restored_baseline"])});
  return out + t.str();
}

}  // namespace

std::string ProjectionSectionHtml(const J& projection) {
  const J& s = projection["summary"];
  std::string out = ProjectionHeadline(s["headline"], s["parameters"]);
  out += "<h3>Prison population, with and without clemency</h3>\n"
         "<div class=\"chart wide\" data-chart=\"population\"></div>\n"
         "<p class=\"note\">Lines are the mean over replicates; the shaded bands hold 90% of them.</p>\n"
         "<h3>Clemency releases and returns each month</h3>\n<div class=\"chart wide\" data-chart=\"flows\"></div>\n"
         "<h3>Facilities over their design capacity</h3>\n<div class=\"chart wide\" data-chart=\"crowding\"></div>\n";
  std::string assumptions;
  for (const J& a : s["assumptions"]) assumptions += "<li>" + Escape(a.get<std::string>()) + "</li>";
  out += "<h3>Assumptions</h3><ul>" + assumptions + "</ul>\n<h3>Sources</h3><ul>";
  for (const auto& [k, v] : s["sources"].items()) out += "<li><b>" + Escape(k) + "</b>: " + Escape(v.get<std::string>()) + "</li>";
  out += "</ul>\n";
  if (!s["jurisdictions_without_cost"].empty())
    out += P("No sourced cost per prisoner-year for: " + s["jurisdictions_without_cost"].dump() + "; their cost is not counted.");
  return out + P("Method, back-test and limits: docs/projection.md.");
}

std::string PolicySectionHtml(const J& pj) {
  const J& policy = pj["policy"];
  std::string out = P(Str(policy, "title") + ". " + Str(policy, "summary")) + P("Source: " + Str(policy, "citation"));
  html::Table params({"parameter", "value screened with", "declared", "meaning", "source"});
  for (const J& p : pj["params"])
    params.Row({Str(p, "name"), Str(p, "value"), Str(p, "declared"), Str(p, "text"), Str(p, "citation")});
  html::Table rules({"rule", "kind", "meaning", "as written", "source"});
  for (const J& r : pj["rules"]) rules.Raw({Escape(Str(r, "id")), Escape(Str(r, "kind")), Escape(Str(r, "text")),
                                            "<code>" + Escape(Str(r, "expr")) + "</code>", Escape(Str(r, "citation"))});
  for (const char* key : {"eligibility", "priority"})
    if (pj.contains(key)) rules.Raw({key, key, "", "<code>" + Escape(Str(pj[key], "expr")) + "</code>", ""});
  html::Table reforms({"reform", "jurisdiction", "effect", "remedy", "source", "confidence"});
  for (const J& r : pj["reforms"])
    reforms.Row({Str(r, "title"), Str(r, "jurisdiction"), Str(r, "effect"), Str(r, "remedy_text"), Str(r, "citation"),
                 Str(r, "confidence")});
  out += "<h3>Parameters</h3>\n" + params.str() + "<h3>Rules</h3>\n" + rules.str();
  if (!reforms.empty()) out += "<h3>Sentencing reforms read for current law</h3>\n" + reforms.str();
  return out;
}

std::string DataSectionHtml(const J& s) {
  html::Table files({"file", "rows read", "accepted", "rejected"});
  for (const auto& [name, f] : s["rows"]["files"].items())
    if (f["present"].get<bool>())
      files.Row({name, Thousands(f["rows_read"].get<int64_t>()), Thousands(f["rows_accepted"].get<int64_t>()),
                 Thousands(f["rows_rejected"].get<int64_t>())});
  std::string out = files.str() + P(fmt::format("{} errors and {} warnings in the data.", s["rows"]["errors"].get<int64_t>(),
                                                s["rows"]["warnings"].get<int64_t>()));
  const J& gaps = s["catalog_gaps"];
  if (gaps["codes"].get<int64_t>() > 0)
    out += P(fmt::format("{} offense codes resolve to nothing or to a partial catalog entry; {} needs-review decisions hang on "
                         "them (summary.json catalog_gaps).",
                         Thousands(gaps["codes"].get<int64_t>()), Thousands(gaps["needs_review"].get<int64_t>())));
  const J& m = s["manifest"];
  html::Table hashes({"file", "SHA-256"});
  for (const auto& [name, sha] : m["inputs_sha256"].items()) hashes.Raw({Escape(name), "<code>" + Escape(sha.get<std::string>()) + "</code>"});
  for (const auto& [name, sha] : m["rules_sha256"].items())
    hashes.Raw({"rules/" + Escape(name), "<code>" + Escape(sha.get<std::string>()) + "</code>"});
  std::string overrides;
  for (const auto& [k, v] : m["overrides"].items()) overrides += fmt::format(" --set {}={}", k, v.get<std::string>());
  std::string assumed;
  for (const J& a : m["assumptions"]) assumed += fmt::format(" --assume {}={}", Str(a, "fact"), Str(a, "value"));
  out += P(fmt::format("Engine {}, policy {}, as of {}{}{}{}.", Str(m, "engine_version"), Str(m, "policy"), Str(m, "as_of"),
                       m["as_of_defaulted"].get<bool>() ? " (today, no --as-of given)" : "",
                       overrides.empty() ? "" : "; overrides:" + overrides, assumed.empty() ? "" : "; assumed:" + assumed));
  return out + hashes.str();
}

}  // namespace clemency
