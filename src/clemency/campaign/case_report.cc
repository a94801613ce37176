#include "clemency/campaign/case_report.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "clemency/campaign/case_stages.h"
#include "clemency/io/csv_writer.h"
#include "clemency/report/html.h"
#include "clemency/report/report_html.h"

namespace clemency {
namespace {

using json = nlohmann::json;

double Number(const json& j, const char* key, double fallback) {
  return j.contains(key) && j[key].is_number() ? j[key].get<double>() : fallback;
}

std::vector<double> Numbers(const json& j, const char* key) {
  std::vector<double> out;
  if (j.contains(key) && j[key].is_array())
    for (const json& v : j[key]) out.push_back(v.is_number() ? v.get<double>() : 0);
  return out;
}

std::vector<double> Cumulative(std::vector<double> v) {
  for (size_t i = 1; i < v.size(); ++i) v[i] += v[i - 1];
  return v;
}

// Each case's position as of the date, and the positions it reached by then.
struct Replay {
  std::map<int64_t, CaseState> state;
  std::map<int64_t, std::set<std::string>> reached;
};

Replay ReplayEvents(CaseStore& store, Date as_of) {
  Replay r;
  std::map<int64_t, std::pair<std::string, std::string>> who;  // case_id -> person, jurisdiction
  for (const SqlRow& row : store.Query("SELECT case_id, person_id, jurisdiction FROM cases"))
    who[std::stoll(row[0].value_or("0"))] = {row[1].value_or(""), row[2].value_or("")};
  const std::string limit = as_of.ToString();
  for (const CaseEvent& e : AllEvents(store)) {
    if (e.at > limit) continue;
    CaseState& s = r.state[e.case_id];
    s = {e.case_id, who[e.case_id].first, who[e.case_id].second, e.seq, e.at, e.stage, e.outcome};
    r.reached[e.case_id].insert(s.position());
  }
  return r;
}

std::vector<FunnelRow> Funnel(const std::vector<ReportCase>& cases, const Replay& replay) {
  std::map<std::string, std::map<std::string, FunnelRow>> by;  // jurisdiction -> position
  for (const ReportCase& c : cases) {
    for (const std::string& j : {c.state.jurisdiction, std::string("all")}) {
      by[j][c.state.position()].now++;
      for (const std::string& p : replay.reached.at(c.state.case_id)) by[j][p].reached++;
    }
  }
  std::vector<FunnelRow> out;
  for (auto& [j, rows] : by)
    for (std::string_view p : CasePositions()) {
      FunnelRow row = rows[std::string(p)];
      row.jurisdiction = j;
      row.position = std::string(p);
      out.push_back(row);
    }
  return out;
}

std::vector<GrantRow> Grants(const std::vector<ReportCase>& cases, const Replay& replay,
                             const std::optional<PlannedReleases>& plan) {
  std::map<std::string, GrantRow> by;
  for (const ReportCase& c : cases)
    for (const std::string& j : {c.state.jurisdiction, std::string("all")}) {
      GrantRow& g = by[j];
      const std::set<std::string>& reached = replay.reached.at(c.state.case_id);
      g.granted += reached.count("granted");
      g.denied += reached.count("denied");
      g.withdrawn += reached.count("withdrawn");
    }
  std::vector<GrantRow> out;
  for (auto& [j, g] : by) {
    g.jurisdiction = j;
    if (plan)
      for (const PlannedJurisdiction& pj : plan->jurisdictions)
        if (pj.jurisdiction == j) g.assumed = pj.assumed_grant_rate;
    out.push_back(g);
  }
  return out;
}

std::vector<PlanProgress> Progress(const std::vector<ReportCase>& cases, const Replay& replay, const PlannedReleases& plan,
                                   Date as_of) {
  std::map<std::string, int64_t> released;
  for (const ReportCase& c : cases)
    if (replay.reached.at(c.state.case_id).count("released")) {
      released[c.state.jurisdiction]++;
      released["all"]++;
    }
  std::vector<PlanProgress> out;
  out.push_back({"all", released["all"], ExpectedByDate(plan.cumulative_by_year, plan.start, as_of)});
  for (const PlannedJurisdiction& pj : plan.jurisdictions)
    out.push_back({pj.jurisdiction, released[pj.jurisdiction],
                   ExpectedByDate(Cumulative(pj.releases_by_year), plan.start, as_of)});
  return out;
}

std::string Rate(int64_t granted, int64_t denied) {
  return granted + denied == 0 ? "" : fmt::format("{:.3f}", static_cast<double>(granted) / static_cast<double>(granted + denied));
}
std::string Assumed(double a) { return a < 0 ? "" : fmt::format("{:.3f}", a); }

std::string Overdue(const ReportCase& c) {
  std::string out;
  for (const RunningClock& k : c.clocks)
    if (k.state == "overdue") out += (out.empty() ? "" : ";") + k.clock->id;
  return out;
}

}  // namespace

std::optional<PlannedReleases> LoadCampaignPlan(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const json j = json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    *error = path + ": not a JSON object (expected the plan.json of clemency campaign plan)";
    return std::nullopt;
  }
  PlannedReleases p;
  p.target = Number(j, "target", 0);
  const DateParseResult start = ParseDate(j.contains("start") && j["start"].is_string() ? j["start"].get<std::string>() : "");
  if (!start.ok()) {
    *error = path + ": \"start\": expected a date as YYYY-MM-DD";
    return std::nullopt;
  }
  p.start = start.date;
  p.horizon_years = static_cast<int>(Number(j, "horizon_years", 0));
  p.cumulative_by_year = Numbers(j, "expected_cumulative_by_year");
  if (j.contains("jurisdictions") && j["jurisdictions"].is_array())
    for (const json& e : j["jurisdictions"]) {
      if (!e.is_object() || !e.contains("jurisdiction") || !e["jurisdiction"].is_string()) continue;
      p.jurisdictions.push_back({e["jurisdiction"].get<std::string>(), Number(e, "assumed_grant_rate", -1),
                                 Numbers(e, "expected_releases_by_year")});
    }
  return p;
}

double ExpectedByDate(const std::vector<double>& cumulative, Date start, Date on) {
  if (cumulative.empty() || on < start) return 0;
  for (size_t y = 0; y < cumulative.size(); ++y) {
    const Date from = start.PlusYears(static_cast<int64_t>(y)), to = start.PlusYears(static_cast<int64_t>(y + 1));
    if (on < to) {
      const double before = y == 0 ? 0 : cumulative[y - 1];
      const double share = static_cast<double>(DaysBetween(from, on)) / static_cast<double>(DaysBetween(from, to));
      return before + share * (cumulative[y] - before);
    }
  }
  return cumulative.back();
}

std::set<std::string> CaseJurisdictions(CaseStore& store) {
  std::set<std::string> out;
  for (const SqlRow& r : store.Query("SELECT DISTINCT jurisdiction FROM cases")) out.insert(r[0].value_or(""));
  return out;
}

CasesReport BuildCasesReport(CaseStore& store, const CaseClocks& clocks, Date as_of, std::optional<PlannedReleases> plan) {
  CasesReport r;
  r.as_of = as_of;
  const Replay replay = ReplayEvents(store, as_of);
  std::map<int64_t, SqlRow> latest;
  for (SqlRow& row : store.Query("SELECT case_id, flag, status, groups_met FROM case_latest_screening"))
    latest[std::stoll(row[0].value_or("0"))] = std::move(row);
  for (const auto& [id, state] : replay.state) {
    ReportCase c{state, "", "", "", {}};
    if (const auto it = latest.find(id); it != latest.end()) {
      c.flag = it->second[1].value_or("");
      c.status = it->second[2].value_or("");
      c.groups = it->second[3].value_or("");
    }
    c.clocks = clocks.For(state.jurisdiction, state.position(), ParseDate(state.at).date, as_of);
    r.cases.push_back(std::move(c));
  }
  r.funnel = Funnel(r.cases, replay);
  r.grants = Grants(r.cases, replay, plan);
  if (plan) r.progress = Progress(r.cases, replay, *plan, as_of);
  r.plan = std::move(plan);
  for (const SqlRow& s : store.Query("SELECT screening_id, folder, policy_id, as_of FROM screenings ORDER BY screening_id"))
    r.screenings.push_back(fmt::format("{}: {} (policy {}, as of {})", s[0].value_or(""), s[1].value_or(""),
                                       s[2].value_or(""), s[3].value_or("")));
  for (const LegalClockSet* s : clocks.sets()) r.clock_files.push_back(s->path());
  return r;
}

std::string CasesCsv(const CasesReport& r) {
  std::string out = "case_id,person_id,jurisdiction,stage,outcome,since,flag,status,groups,next_due,next_due_on,overdue\n";
  for (const ReportCase& c : r.cases) {
    const RunningClock* next = NextDue(c.clocks);
    for (const std::string& f :
         {std::to_string(c.state.case_id), c.state.person_id, c.state.jurisdiction, c.state.stage, c.state.outcome,
          c.state.at, c.flag, c.status, c.groups, next ? next->clock->id + ": " + next->clock->due : std::string(),
          next ? next->runs_out.ToString() : std::string(), Overdue(c)}) {
      AppendCsvField(out, f);
      out += ',';
    }
    out.back() = '\n';
  }
  return out;
}

std::string FunnelCsv(const CasesReport& r) {
  std::string out = "jurisdiction,position,now,reached\n";
  for (const FunnelRow& f : r.funnel) out += fmt::format("{},{},{},{}\n", f.jurisdiction, f.position, f.now, f.reached);
  return out;
}

bool WriteCasesXlsx(const CasesReport& r, const std::string& path, std::string* error) {
  const std::string partial = path + ".partial";
  lxw_workbook* wb = workbook_new(partial.c_str());
  if (wb == nullptr) {
    *error = path + ": cannot create: " + std::strerror(errno);
    return false;
  }
  lxw_doc_properties props = {};
  char title[] = "Clemency cases";
  props.title = title;
  props.created = static_cast<time_t>(r.as_of.days()) * 86400;  // the same file from run to run
  workbook_set_properties(wb, &props);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  // Two sheets, each the CSV of the same name.
  for (const auto& [name, csv] : {std::pair{"cases", CasesCsv(r)}, {"funnel", FunnelCsv(r)}}) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name);
    std::istringstream lines(csv);
    std::string line;
    for (lxw_row_t row = 0; std::getline(lines, line); ++row) {
      // Re-split the CSV line: fields are quoted only when they hold a comma or a quote.
      std::vector<std::string> fields(1);
      bool quoted = false;
      for (size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (ch == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
        else if (ch == '"') quoted = !quoted;
        else if (ch == ',' && !quoted) fields.emplace_back();
        else fields.back() += ch;
      }
      for (lxw_col_t col = 0; col < fields.size(); ++col)
        worksheet_write_string(ws, row, col, fields[col].c_str(), row == 0 ? bold : nullptr);
    }
  }
  errno = 0;
  if (const lxw_error rc = workbook_close(wb); rc != LXW_NO_ERROR) {
    std::remove(partial.c_str());
    *error = fmt::format("{}: {}", path, lxw_strerror(rc));
    return false;
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot rename into place: " + std::strerror(errno);
    return false;
  }
  return true;
}

std::string CasesReportHtml(const CasesReport& r) {
  using html::Escape;
  std::string body;
  html::Table funnel({"jurisdiction", "position", "there now", "ever reached"});
  for (const FunnelRow& f : r.funnel)
    if (f.reached > 0) funnel.Row({f.jurisdiction, f.position, std::to_string(f.now), std::to_string(f.reached)});
  body += "<section id=\"funnel\"><h2>The funnel</h2><p>Cases by jurisdiction and position as of " +
          r.as_of.ToString() + ": where they are now and how many ever reached each position.</p>" + funnel.str() +
          "</section>\n";
  html::Table grants({"jurisdiction", "granted", "denied", "withdrawn", "observed grant rate", "assumed"});
  for (const GrantRow& g : r.grants)
    grants.Row({g.jurisdiction, std::to_string(g.granted), std::to_string(g.denied), std::to_string(g.withdrawn),
                Rate(g.granted, g.denied).empty() ? "n/a (no decision yet)" : Rate(g.granted, g.denied),
                g.assumed >= 0 ? Assumed(g.assumed) : r.plan ? "not in the plan" : "no plan given"});
  body += "<section id=\"grants\"><h2>Grant rates</h2><p>Observed: granted over granted plus denied (withdrawals "
          "apart), against the rate the plan assumed.</p>" + grants.str() + "</section>\n";
  html::Table overdue({"case", "person", "jurisdiction", "position since", "clock", "ran out", "what was due", "citation"});
  html::Table due({"case", "person", "jurisdiction", "position since", "clock", "runs out", "what is due", "citation"});
  for (const ReportCase& c : r.cases)
    for (const RunningClock& k : c.clocks) {
      if (k.ended()) continue;
      html::Table& t = k.state == "overdue" ? overdue : due;
      t.Row({std::to_string(c.state.case_id), c.state.person_id, c.state.jurisdiction,
             c.state.position() + " since " + c.state.at, k.clock->id + " (" + k.clock->kind + ", " + k.clock->Length() + ")",
             k.runs_out.ToString(), k.clock->due, k.clock->citation + " [" + k.clock->confidence + "]"});
    }
  body += "<section id=\"overdue\"><h2>Overdue clocks</h2>" +
          (overdue.empty() ? std::string("<p>None.</p>") : overdue.str()) + "</section>\n";
  body += "<section id=\"due\"><h2>Clocks running</h2>" + (due.empty() ? std::string("<p>None.</p>") : due.str()) +
          "</section>\n";
  if (r.plan) {
    html::Table progress({"jurisdiction", "released", "the plan expected by now", "released / expected"});
    for (const PlanProgress& p : r.progress)
      progress.Row({p.jurisdiction, std::to_string(p.released), fmt::format("{:.1f}", p.expected),
                    p.expected > 0 ? fmt::format("{:.2f}", static_cast<double>(p.released) / p.expected) : "n/a"});
    body += fmt::format("<section id=\"plan\"><h2>Progress against the plan</h2><p>Target {:.0f} releases in {} years "
                        "from {}; expected figures interpolate the plan's yearly cumulative releases.</p>{}</section>\n",
                        r.plan->target, r.plan->horizon_years, r.plan->start.ToString(), progress.str());
  }
  std::string sources;
  for (const std::string& s : r.screenings) sources += "<li>screening " + Escape(s) + "</li>";
  for (const std::string& s : r.clock_files) sources += "<li>clocks " + Escape(s) + "</li>";
  body += "<section id=\"sources\"><h2>Sources</h2><ul>" + sources + "</ul></section>\n";
  const std::string title = "Clemency cases as of " + r.as_of.ToString();
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>{1}</style></head><body>\n<header><h1>{0}</h1><p class=\"sub\">{2} cases</p></header>\n"
      "<main>\n{3}</main>\n<footer><p>Written by clemency cases report from the events recorded on or before {4}.</p>"
      "</footer>\n</body></html>\n",
      Escape(title), WebAsset("report.css"), r.cases.size(), body, r.as_of.ToString());
}

}  // namespace clemency
