#include "clemency/campaign/petition_packet.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "clemency/io/csv_reader.h"
#include "clemency/io/sha256.h"
#include "clemency/report/html.h"
#include "clemency/report/report_html.h"

namespace clemency {
namespace {

using json = nlohmann::json;
using html::Escape;
using Row = std::map<std::string, std::string>;

// The rows of a CSV file whose person_id is in `people`, by person.
bool ReadRows(const std::string& path, const std::set<std::string>& people, std::map<std::string, std::vector<Row>>* out,
              std::string* error) {
  std::unique_ptr<CsvReader> reader = CsvReader::Open(path, error);
  if (!reader) return false;
  CsvRecord rec;
  std::vector<std::string> header;
  if (reader->Next(rec) && rec.ok()) header.assign(rec.fields.begin(), rec.fields.end());
  const auto id = std::find(header.begin(), header.end(), "person_id");
  if (id == header.end()) {
    *error = path + ":1: no person_id column";
    return false;
  }
  const size_t id_col = static_cast<size_t>(id - header.begin());
  while (reader->Next(rec)) {
    if (!rec.ok() || rec.fields.size() != header.size()) {
      *error = fmt::format("{}:{}: not a well-formed row", path, rec.line);
      return false;
    }
    const std::string person(rec.fields[id_col]);
    if (!people.count(person)) continue;
    Row row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = std::string(rec.fields[i]);
    (*out)[person].push_back(std::move(row));
  }
  return true;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// DATA/sentences.csv when it is the file the screening read (same SHA-256).
std::string SentencesPath(const json& summary, const std::string& data_dir, std::string* note) {
  if (data_dir.empty()) {
    *note = "no --data folder given: attach the sentence records";
    return "";
  }
  const std::string path = data_dir + "/sentences.csv";
  const json& inputs = summary["manifest"]["inputs_sha256"];
  const std::string want = inputs.is_object() && inputs.contains("sentences.csv") && inputs["sentences.csv"].is_string()
                               ? inputs["sentences.csv"].get<std::string>() : "";
  if (want.empty() || Sha256File(path) != want) {
    *note = path + " is not the sentences.csv the screening read (its SHA-256 differs, or it is missing): attach the "
                   "sentence records";
    return "";
  }
  return path;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 sha;
  sha.Update(bytes);
  return sha.Hex();
}

std::string Get(const Row& row, const std::string& key) {
  const auto it = row.find(key);
  return it == row.end() ? "" : it->second;
}

std::string Str(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || j[key].is_null()) return "";
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

const json* Find(const json& list, const std::string& id) {
  if (!list.is_array()) return nullptr;
  for (const json& e : list)
    if (Str(e, "id") == id) return &e;
  return nullptr;
}

std::string Fill(const std::string& label, bool tall = false) {
  return fmt::format("<div class=\"fill{}\" data-fill=\"{}\"><span class=\"fill-label\">To be completed by counsel: "
                     "{}</span></div>\n",
                     tall ? " tall" : "", Escape(label), Escape(label));
}

std::string Grounds(const json& reasons, const json& policy) {
  html::Table t({"rule", "kind", "result", "what it says", "values used", "citation"});
  if (reasons.contains("rules") && reasons["rules"].is_array())
    for (const json& r : reasons["rules"]) {
      const json* p = Find(policy["rules"], Str(r, "id"));
      std::string values;
      if (r.contains("values") && r["values"].is_object())
        for (const auto& [k, v] : r["values"].items()) values += (values.empty() ? "" : "; ") + k + " = " + Str(r["values"], k.c_str());
      t.Row({Str(r, "id"), p ? Str(*p, "kind") : "", Str(r, "result"), p ? Str(*p, "text") : "", values,
             p ? Str(*p, "citation") : ""});
    }
  return t.str();
}

std::string CurrentLaw(const json& reasons, const json& policy) {
  const json& cl = reasons.contains("current_law") ? reasons["current_law"] : json::object();
  std::string out = fmt::format(
      "<p>Imposed: {} days. Under current law: {} days (low {}). Excess already served or to be served: {} days "
      "(up to {}). Remedy: {}.</p>\n",
      Escape(Str(cl, "imposed_days")), Escape(Str(cl, "term_days")), Escape(Str(cl, "term_low_days")),
      Escape(Str(cl, "excess_days")), Escape(Str(cl, "excess_max_days")), Escape(Str(cl, "remedy")));
  html::Table t({"sentence", "offense", "reform", "title", "effect", "citation", "remedy"});
  if (reasons.contains("reforms") && reasons["reforms"].is_array())
    for (const json& r : reasons["reforms"]) {
      const json* p = Find(policy["reforms"], Str(r, "id"));
      t.Row({Str(r, "sentence_id"), Str(r, "offense_code"), Str(r, "id"), p ? Str(*p, "title") : "",
             p ? Str(*p, "effect") : "", p ? Str(*p, "citation") + " [" + Str(*p, "confidence") + "]" : "",
             Str(r, "remedy") + (p ? ": " + Str(*p, "remedy_text") : "")});
    }
  return out + (t.empty() ? "<p>No reform in force touches this person's sentences.</p>\n" : t.str());
}

std::string Sentences(const std::vector<Row>* rows, const std::string& note) {
  if (rows == nullptr || rows->empty()) return "<p>" + Escape(note.empty() ? "No sentence rows found." : note) + "</p>\n" + Fill("the sentence records");
  html::Table t({"sentence", "offense code", "description", "sentenced", "type", "term (days)", "status"});
  for (const Row& s : *rows)
    t.Row({Get(s, "sentence_id"), Get(s, "offense_code"), Get(s, "offense_description"), Get(s, "sentence_date"),
           Get(s, "sentence_type"), Get(s, "term_days"), Get(s, "status")});
  return t.str();
}

std::string History(const std::vector<CaseEvent>& history) {
  html::Table t({"#", "on", "stage", "outcome", "by", "why"});
  for (const CaseEvent& e : history) t.Row({std::to_string(e.seq), e.at, e.stage, e.outcome, e.by, e.why});
  return t.str();
}

constexpr const char* kPrintCss =
    ".fill{border:1px solid #333;min-height:2.2em;margin:.4em 0;padding:.2em .4em;background:#fffbe6}"
    ".fill.tall{min-height:8em}.fill-label{font-size:.8em;font-weight:bold;text-transform:uppercase;color:#7a5b00}"
    "@media print{body{font-size:11pt}header,section{break-inside:avoid-page}.fill{background:none}"
    "a{color:inherit;text-decoration:none}}";

}  // namespace

std::optional<PacketSource> PacketSource::Open(const std::string& dir, const std::string& data_dir,
                                               const std::set<std::string>& people, std::string* error) {
  PacketSource s;
  s.dir_ = dir;
  std::map<std::string, std::vector<Row>> rows;
  if (!ReadRows(dir + "/screening.csv", people, &rows, error)) return std::nullopt;
  for (auto& [person, r] : rows) s.rows_[person] = r.front();
  s.policy_json_ = Slurp(dir + "/policy.json");
  s.summary_json_ = Slurp(dir + "/summary.json");
  const json summary = json::parse(s.summary_json_, nullptr, false);
  if (summary.is_discarded() || json::parse(s.policy_json_, nullptr, false).is_discarded()) {
    *error = dir + ": summary.json or policy.json is missing or not JSON";
    return std::nullopt;
  }
  std::ifstream in(dir + "/reasons.jsonl", std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    const json j = json::parse(line, nullptr, false);
    if (j.is_object() && people.count(Str(j, "person_id"))) s.reasons_[Str(j, "person_id")] = line;
  }
  if (const std::string path = SentencesPath(summary, data_dir, &s.sentences_note_); !path.empty() &&
      !ReadRows(path, people, &s.sentences_, error))
    return std::nullopt;
  return s;
}

std::string PacketSource::Html(const std::string& person, const std::vector<CaseEvent>& history) const {
  const Row& row = rows_.at(person);
  const auto line = reasons_.find(person);
  const json reasons = line == reasons_.end() ? json::object() : json::parse(line->second, nullptr, false);
  const json policy = json::parse(policy_json_, nullptr, false);
  const json summary = json::parse(summary_json_, nullptr, false);
  const auto sentences = sentences_.find(person);
  std::string body;
  body += "<section id=\"petitioner\"><h2>Petitioner</h2>" +
          html::Table({"person id", "jurisdiction", "facility", "age", "sex", "race"})
              .Row({person, Get(row, "jurisdiction"), Get(row, "facility_id"), Get(row, "age"), Get(row, "sex"),
                    Get(row, "race")})
              .str() +
          Fill("full legal name") + Fill("department of corrections number") + Fill("date of birth (from the file)") +
          "</section>\n";
  body += "<section id=\"time-served\"><h2>Time served</h2>" +
          html::Table({"time served (days)", "status", "eligible on", "priority", "rank", "most serious offense"})
              .Row({Get(row, "time_served_days"), Get(row, "status"), Get(row, "eligible_on"), Get(row, "priority"),
                    Get(row, "rank"), Get(row, "most_serious_category")})
              .str() +
          "</section>\n";
  body += "<section id=\"sentences\"><h2>Sentences</h2>" +
          Sentences(sentences == sentences_.end() ? nullptr : &sentences->second, sentences_note_) + "</section>\n";
  body += fmt::format("<section id=\"grounds\"><h2>Grounds under the policy</h2><p>{} ({}). {}</p>{}{}</section>\n",
                      Escape(Str(policy["policy"], "title")), Escape(Str(policy["policy"], "id")),
                      Escape(Str(policy["policy"], "citation")), Grounds(reasons, policy),
                      Get(row, "review_reason").empty() ? ""
                                                        : "<p>Needs review: " + Escape(Get(row, "review_reason")) + "</p>");
  body += "<section id=\"current-law\"><h2>Current-law analysis and remedy</h2>" + CurrentLaw(reasons, policy) +
          "</section>\n";
  body += "<section id=\"counsel\"><h2>For counsel</h2>" + Fill("counsel's name, bar number and contact") +
          Fill("statement of rehabilitation and conduct", true) + Fill("reentry plan: housing, employment, support", true) +
          Fill("victim and prosecutor notice served (dates)") + Fill("date filed and filing reference") +
          Fill("signature and date") + "</section>\n";
  if (!history.empty()) body += "<section id=\"history\"><h2>Case history</h2>" + History(history) + "</section>\n";
  body += fmt::format("<section id=\"provenance\"><h2>Where this comes from</h2><p>Screening {} as of {} under policy "
                      "{}; policy.json SHA-256 {}; engine {}.</p></section>\n",
                      Escape(dir_), Escape(Str(summary, "as_of")), Escape(Str(summary["manifest"], "policy")),
                      Sha256Hex(policy_json_), Escape(Str(summary["manifest"], "engine_version")));
  const std::string title = "Petition packet: " + person;
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<title>{0}</title>\n<style>{1}\n{2}</style></head><body>\n<header><h1>{0}</h1><p class=\"sub\">A worksheet "
      "for a commutation petition. Boxes marked \"To be completed by counsel\" are for the lawyer.</p></header>\n"
      "<main>\n{3}</main>\n</body></html>\n",
      Escape(title), WebAsset("report.css"), kPrintCss, body);
}

}  // namespace clemency
