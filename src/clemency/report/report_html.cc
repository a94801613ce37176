#include "clemency/report/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "clemency/law/jurisdiction.h"
#include "clemency/law/remedy.h"
#include "clemency/report/html.h"
#include "clemency/report/report_sections.h"
#include "clemency/report/review_text.h"

namespace clemency {
namespace {

using J = nlohmann::ordered_json;
using html::Escape;
using html::Of;

int64_t N(const J& j, const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<int64_t>() : 0; }
int64_t Total(const J& counts) { return N(counts, "eligible") + N(counts, "needs_review") + N(counts, "not_eligible"); }

std::string Section(const std::string& id, const std::string& title, const std::string& body) {
  return fmt::format("<section id=\"{}\"><h2>{}</h2>\n{}</section>\n", id, Escape(title), body);
}
std::string P(const std::string& text) { return "<p>" + Escape(text) + "</p>\n"; }

std::string Headline(const J& s) {
  const J& c = s["counts"];
  const int64_t people = N(c, "people");
  std::string out = "<div class=\"headline\">";
  for (const auto& [key, label] : {std::pair{"eligible", "eligible"}, std::pair{"needs_review", "need review"},
                                   std::pair{"not_eligible", "not eligible"}})
    out += fmt::format("<div class=\"figure {}\"><b>{}</b><span>{}</span><small>of {} people screened ({})</small></div>",
                       key, Thousands(N(c, key)), label, Thousands(people), html::Percent(N(c, key), people));
  out += "</div>\n";
  out += P(fmt::format("{} people screened as of {}. {} are eligible under the policy today; {} cannot be decided from "
                       "the data and need a person to review them (what would decide them is below); {} are not eligible.",
                       Thousands(people), s["as_of"].get<std::string>(), Thousands(N(c, "eligible")),
                       Thousands(N(c, "needs_review")), Thousands(N(c, "not_eligible"))));
  if (s.contains("not_yet_eligible") && s["not_yet_eligible"].is_object())
    out += P(fmt::format("Of those not eligible today, {} become eligible within a year and {} within five years if "
                         "nothing but time changes.",
                         Thousands(N(s["not_yet_eligible"], "eligible_within_1_year")),
                         Thousands(N(s["not_yet_eligible"], "eligible_within_5_years"))));
  return out;
}

std::string Groups(const J& s, const J& policy) {
  const int64_t eligible = N(s["counts"], "eligible");
  html::Table groups({"group", "what it is", "eligible", "needs review", "meets the group but not eligible"});
  for (const auto& [id, c] : s["groups"].items()) {
    std::string text;
    for (const J& r : policy["rules"])
      if (r["id"] == id) text = r["text"].get<std::string>();
    groups.Row({id, text, Of(N(c, "eligible"), eligible), Thousands(N(c, "needs_review")), Thousands(N(c, "not_eligible"))});
  }
  std::vector<std::pair<std::string, int64_t>> combos;
  for (const auto& [k, v] : s["eligible_by_group_combination"].items()) combos.emplace_back(k, v.get<int64_t>());
  std::stable_sort(combos.begin(), combos.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  html::Table overlaps({"groups met (eligible people)", "people"});
  for (const auto& [k, v] : combos) overlaps.Row({k, Of(v, eligible)});
  return P("A person can belong to several groups; the first table counts each group on its own (shares are of all eligible "
           "people, so they add to more than 100% when groups overlap), the second counts each combination once.") +
         groups.str() + "<h3>Group overlaps</h3>\n" + overlaps.str();
}

std::string Review(const J& s) {
  const J& t = s["review_triage"];
  const int64_t review = N(t, "needs_review");
  if (review == 0) return P("Every person was decided from the data: nobody needs review.");
  html::Table groups({"what is unknown", "people", "share of those needing review"});
  for (const J& g : t["groups"]) {
    std::string facts;
    for (const J& f : g["facts"]) facts += (facts.empty() ? "" : ", ") + f.get<std::string>();
    groups.Row({facts, Thousands(N(g, "people")), html::Percent(N(g, "people"), review)});
  }
  std::string out = P(fmt::format("{} people need review: the policy's answer for them hangs on facts the data does not "
                                  "hold. Grouped by the unknown facts that decide them:",
                                  Thousands(review))) +
                    groups.str();
  std::string coverage;
  for (const J& g : s["data_coverage"]["gaps"]) coverage += "<li>" + Escape(g["text"].get<std::string>()) + "</li>";
  for (const J& g : s["data_coverage"]["absent_from_data"]) coverage += "<li>" + Escape(g["text"].get<std::string>()) + "</li>";
  if (!coverage.empty()) out += "<h3>What the data lacks</h3><ul>" + coverage + "</ul>\n";
  std::string suggested;
  for (const J& a : s["suggested_assumptions"])
    suggested += fmt::format("<li><code>--assume {}={}</code> ({}): {}</li>", Escape(a["fact"].get<std::string>()),
                             Escape(a["value"].get<std::string>()), a["applied"].get<bool>() ? "applied" : "not applied",
                             Escape(a["reason"].get<std::string>()));
  if (!suggested.empty()) out += "<h3>Assumptions the policy suggests</h3><ul>" + suggested + "</ul>\n";
  return out;
}

// One grouping's composition: the eligible against everyone, and the ratio of
// the group's eligibility rate to the overall rate.
std::string Composition(const J& s, const char* key, const std::string& title) {
  const int64_t people = N(s["counts"], "people"), eligible = N(s["counts"], "eligible");
  const double overall = people > 0 ? static_cast<double>(eligible) / static_cast<double>(people) : 0;
  html::Table t({title, "people screened", "eligible", "rate eligible", "rate against the overall rate"});
  for (const auto& [value, c] : s[key].items()) {
    const int64_t n = Total(c), e = N(c, "eligible");
    const double rate = n > 0 ? static_cast<double>(e) / static_cast<double>(n) : 0;
    t.Row({value, Of(n, people), Of(e, eligible), html::Percent(e, n), html::Ratio(overall > 0 ? rate / overall : NAN)});
  }
  return fmt::format("<h3>By {}</h3>\n<div class=\"chart\" data-chart=\"composition\" data-key=\"{}\"></div>\n{}", Escape(title),
                     key, t.str());
}

std::string CompositionSection(const J& s) {
  std::string out = P(
      "Who is eligible against who is in prison. The ratio divides a group's rate of eligibility by the rate of everyone "
      "screened: 1.00 means the group is eligible as often as everyone; 0.50 half as often; 2.00 twice as often.");
  if (N(s["counts"], "eligible") == 0)
    out += P("Nobody is eligible, so there is no eligible group to compare and every ratio is n/a. The people who need "
             "review, and what would decide them, are in the section above.");
  for (const auto& [key, title] : {std::pair{"by_race", "race or ethnicity"}, std::pair{"by_sex", "sex"},
                                   std::pair{"by_age_band", "age band"}, std::pair{"by_offense_category", "most serious offense"}})
    if (s.contains(key)) out += Composition(s, key, title);
  return out;
}

std::string CurrentLaw(const J& s) {
  const J& e = s["excess_time_days"];
  std::string out = P(fmt::format(
      "Time that people would not serve if sentenced under the reforms in force today: {:.0f} years in all, {:.0f} of them "
      "among the eligible. The remedy says who can give that time back.",
      static_cast<double>(N(e, "everyone")) / 365.25, static_cast<double>(N(e, "eligible")) / 365.25));
  html::Table t({"remedy", "what it means", "eligible", "needs review", "not eligible"});
  for (const auto& [name, c] : s["by_current_law_remedy"].items()) {
    std::string text;
    for (const RemedyKind& k : kRemedyKinds)
      if (k.name == name) text = std::string(k.text);
    t.Row({name, text, Thousands(N(c, "eligible")), Thousands(N(c, "needs_review")), Thousands(N(c, "not_eligible"))});
  }
  return out + t.str();
}

std::string Authority(const J& s) {
  const int64_t people = N(s["counts"], "people");
  html::Table power({"who holds the clemency power", "people screened", "eligible"});
  for (const auto& [k, c] : s["by_clemency_authority"].items()) {
    const std::string_view text = DescribeAuthority(k);
    power.Row({text.empty() ? k : std::string(text) + " (" + k + ")", Of(Total(c), people), Thousands(N(c, "eligible"))});
  }
  html::Table vote({"when the vote returns", "people screened", "eligible", "needs review"});
  for (const auto& [k, c] : s["by_vote_restoration"].items()) {
    const std::string_view text = DescribeRestoration(k);
    vote.Row({text.empty() ? k : std::string(text) + " (" + k + ")", Of(Total(c), people), Thousands(N(c, "eligible")),
              Thousands(N(c, "needs_review"))});
  }
  const J& v = s["vote_restored_on_release"];
  return power.str() + vote.str() +
         P(fmt::format("Released today, {} eligible people and {} people needing review would regain the vote on release.",
                       Thousands(N(v, "eligible")), Thousands(N(v, "needs_review"))));
}


// The sections of the page, in order: each with what it reads. A screening's
// sections are left out without a summary, the projection's without one.
enum class Needs { kSummary, kProjection };
struct SectionSpec {
  const char* id;
  const char* heading;
  Needs needs;
  std::string (*content)(const ReportInputs&);
};
const SectionSpec kSections[] = {
    {"headline", "The headline", Needs::kSummary, [](const ReportInputs& in) { return Headline(in.summary); }},
    {"groups", "Groups and their overlaps", Needs::kSummary,
     [](const ReportInputs& in) { return Groups(in.summary, in.policy); }},
    {"review", "Why people are undecided, and what would decide them", Needs::kSummary,
     [](const ReportInputs& in) { return Review(in.summary); }},
    {"composition", "Who is eligible, against who is in prison", Needs::kSummary,
     [](const ReportInputs& in) { return CompositionSection(in.summary); }},
    {"current-law", "Excess time under current law, and its remedies", Needs::kSummary,
     [](const ReportInputs& in) { return CurrentLaw(in.summary); }},
    {"authority", "Who can grant clemency, and who regains the vote", Needs::kSummary,
     [](const ReportInputs& in) { return Authority(in.summary); }},
    {"projection", "What releasing them would do", Needs::kProjection,
     [](const ReportInputs& in) { return ProjectionSectionHtml(in.projection); }},
    {"policy", "The policy's criteria and their sources", Needs::kSummary,
     [](const ReportInputs& in) { return PolicySectionHtml(in.policy); }},
    {"data", "The data and the manifest", Needs::kSummary, [](const ReportInputs& in) { return DataSectionHtml(in.summary); }},
};

bool Present(const SectionSpec& spec, const ReportInputs& in) {
  return !(spec.needs == Needs::kSummary ? in.summary : in.projection).is_null();
}

std::string TitleOf(const ReportInputs& in) {
  if (in.summary.is_null())
    return "Projection of planned releases as of " + in.projection["summary"]["parameters"]["as_of"].get<std::string>();
  return fmt::format("{}: screening as of {}", in.policy["policy"]["title"].get<std::string>(),
                     in.summary["as_of"].get<std::string>());
}

std::string SubtitleOf(const ReportInputs& in) {
  if (in.summary.is_null()) return "People and dates from the --releases file; no policy screened.";
  const J& policy = in.policy["policy"];
  return Escape(policy["citation"].get<std::string>()) + " &middot; " +
         Escape(policy["summary"].is_string() ? policy["summary"].get<std::string>() : "");
}

}  // namespace

std::string ReportHtml(const ReportInputs& in) {
  const std::string title = TitleOf(in);
  std::string body, contents;
  for (const SectionSpec& spec : kSections) {
    if (!Present(spec, in)) continue;
    body += Section(spec.id, spec.heading, spec.content(in));
    contents += fmt::format("<li><a href=\"#{}\">{}</a></li>", spec.id, Escape(spec.heading));
  }
  const J data = {{"summary", in.summary}, {"projection", in.projection.is_null() ? J() : in.projection["chart"]}};
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>{1}\n{2}</style></head><body>\n"
      "<header><h1>{0}</h1><p class=\"sub\">{3}</p></header>\n"
      "<nav><h2>Contents</h2><ol>{4}</ol></nav>\n<main>\n{5}</main>\n"
      "<footer><p>Written by Clemency {6}. Every figure counts people by the policy's rules as written in the policy "
      "section; the manifest names the files and their SHA-256 hashes.</p></footer>\n"
      "<script type=\"application/json\" id=\"report-data\">{7}</script>\n"
      "<script>{8}</script>\n<script>{9}\n{10}</script>\n</body></html>\n",
      Escape(title), WebAsset("uPlot.css"), WebAsset("report.css"), SubtitleOf(in), contents, body,
      CLEMENCY_VERSION, html::ScriptJson(data.dump()), WebAsset("uPlot.js"), WebAsset("charts.js"), WebAsset("report.js"));
}

}  // namespace clemency
