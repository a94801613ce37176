#include "clemency/report/screening_outputs.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <array>
#include <thread>

#include "clemency/io/atomic_file.h"
#include "clemency/io/ordered_lines.h"
#include "clemency/io/utf8.h"
#include "clemency/law/rules_dir.h"
#include "clemency/report/catalog_gaps.h"
#include "clemency/report/policy_json.h"
#include "clemency/report/report_html.h"
#include "clemency/report/review_text.h"
#include "clemency/report/screening_csv.h"
#include "clemency/report/sentence_table.h"
#include "clemency/io/sha256.h"
#include "clemency/screen/data_coverage.h"

namespace clemency {
namespace {

// A cell's text as the sheet's XML can hold it: UTF-8 without NUL or other
// forbidden control characters (each becomes U+FFFD; a NUL no longer cuts
// the value short). The readers reject such input; this is a second guard.
std::string CellText(std::string_view s) { return ValidUtf8(s, /*xml=*/true); }

std::string AgeBand(int age) {
  if (age < 25) return "under 25";
  if (age >= 65) return "65 or older";
  const int lo = age / 5 * 5;
  return fmt::format("{}-{}", lo, lo + 4);
}

int AgeYears(const FactTable& f, uint32_t p) {
  return AgeOn(Date::FromDays(static_cast<int32_t>(f.birth[p])), f.as_of);
}

std::string Str(const FactTable& f, int64_t id) { return id == kNa ? "" : std::string(f.strings.View(static_cast<StrId>(id))); }

}  // namespace

bool WriteReasonsJsonl(const ScreenContext& c, const std::string& path, std::string* error) {
  AtomicFile out(path);
  const ReasonsWriter writer(c);
  const std::vector<uint32_t>& order = c.screening.order;
  WriteOrderedLines(out, order.size(), [&](std::string& o, size_t i) { writer.Append(o, order[i]); });
  if (out.Commit()) return true;
  *error = out.error();
  return false;
}

bool WriteCandidatesXlsx(const ScreenContext& c, const std::string& path, std::string* error) {
  const std::string partial = path + ".partial";
  const FactTable& f = c.facts;
  const Screening& s = c.screening;
  const Population& pop = *f.population;
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(partial.c_str(), &options);
  if (wb == nullptr) {
    *error = path + ": cannot create: " + std::strerror(errno);
    return false;
  }
  // A fixed creation time keeps the file identical from run to run.
  lxw_doc_properties props = {};
  char title[] = "Clemency candidates";
  props.title = title;
  props.created = static_cast<time_t>(f.as_of.days()) * 86400;
  workbook_set_properties(wb, &props);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "candidates");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  static constexpr const char* kHeader[] = {"rank", "person_id", "status", "groups", "priority", "age",
                                            "time_served_days", "current_law_excess_days", "most_serious_category",
                                            "facility_id", "reason", "review_reason", "offense_code",
                                            "offense"};
  for (lxw_col_t col = 0; col < std::size(kHeader); ++col) worksheet_write_string(ws, 0, col, kHeader[col], bold);
  lxw_row_t row = 1;
  for (uint32_t p : s.order) {
    if (s.status[p] == Status::kNotEligible) continue;
    worksheet_write_number(ws, row, 0, s.rank[p], nullptr);
    worksheet_write_string(ws, row, 1, CellText(pop.str(pop.people.id[p])).c_str(), nullptr);
    worksheet_write_string(ws, row, 2, CellText(StatusName(s.status[p])).c_str(), nullptr);
    worksheet_write_string(ws, row, 3, CellText(GroupsMet(c, p)).c_str(), nullptr);
    if (!std::isnan(s.priority[p])) worksheet_write_number(ws, row, 4, std::round(s.priority[p] * 1e4) / 1e4, nullptr);
    worksheet_write_number(ws, row, 5, AgeYears(f, p), nullptr);
    worksheet_write_number(ws, row, 6, static_cast<double>(f.as_of.days() - f.admission[p]), nullptr);
    if (f.current_law_excess[p] != kNa) worksheet_write_number(ws, row, 7, static_cast<double>(f.current_law_excess[p]), nullptr);
    worksheet_write_string(ws, row, 8, CellText(Str(f, f.most_serious_category[p])).c_str(), nullptr);
    worksheet_write_string(ws, row, 9, CellText(Str(f, f.facility_id[p])).c_str(), nullptr);
    worksheet_write_string(ws, row, 10, CellText(PlainReason(c, p)).c_str(), nullptr);
    if (c.triage != nullptr) worksheet_write_string(ws, row, 11, CellText(c.triage->Joined(p, ";")).c_str(), nullptr);
    // The most serious active offense: its code as written and its description.
    if (const uint32_t ms = MostSeriousActiveSentence(f, p); ms != kNoIndex) {
      worksheet_write_string(ws, row, 12, CellText(pop.str(pop.sentences.offense_code[ms])).c_str(), nullptr);
      worksheet_write_string(ws, row, 13, CellText(OffenseDescription(f, ms)).c_str(), nullptr);
    }
    ++row;
  }
  errno = 0;
  const lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) {
    const int e = errno;
    std::remove(partial.c_str());
    *error = fmt::format("{}: {}{}", path, lxw_strerror(rc), e != 0 ? std::string(": ") + std::strerror(e) : "");
    return false;
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot rename into place: " + std::strerror(errno);
    return false;
  }
  return true;
}

namespace {

// "user" (the --rules folder), "shipped" (the rules that came with Clemency)
// or "file" (a policy given by its path, outside both).
std::string RuleFileOrigin(const std::string& path) {
  if (IsUserRuleFile(path)) return "user";
  std::error_code ec;
  const std::string shipped = std::filesystem::weakly_canonical(RulesDir(), ec).generic_string();
  const std::string file = std::filesystem::weakly_canonical(path, ec).generic_string();
  if (!shipped.empty() && file.starts_with(shipped + "/")) return "shipped";
  return "file";
}

using ojson = nlohmann::ordered_json;

// needs_review people grouped by the facts that would decide them, largest
// group first, and per fact how many name it (alone or with others).
ojson ReviewTriageJson(const ReviewTriage& triage, const std::vector<CoverageEntry>& coverage, int64_t needs_review) {
  ojson groups = ojson::array();
  std::map<std::string, std::pair<int64_t, int64_t>> by_fact;  // fact -> (people, alone)
  for (const TriageGroup& g : TriageGroups(triage)) {
    groups.push_back({{"facts", *g.facts}, {"people", g.people}, {"text", TriageGroupText(g, coverage)}});
    std::vector<std::string> bases;
    for (const std::string& fact : *g.facts) {
      const std::string base(TriageFactBase(fact));
      if (std::find(bases.begin(), bases.end(), base) == bases.end()) bases.push_back(base);
    }
    for (const std::string& base : bases) {
      by_fact[base].first += g.people;
      if (bases.size() == 1) by_fact[base].second += g.people;
    }
  }
  ojson facts = ojson::object();
  for (const auto& [k, v] : by_fact) facts[k] = {{"people", v.first}, {"alone", v.second}};
  return {{"needs_review", needs_review},
          {"meaning", "needs_review people grouped by the unknown facts their status hinges on; fact[CODE] names "
                      "an offense code the catalog does not resolve"},
          {"groups", groups},
          {"by_fact", facts}};
}

// Facts the policy reads that the data lacks: absent for a whole
// jurisdiction (one line each), or missing for some of its people.
ojson DataCoverageJson(const std::vector<CoverageEntry>& coverage) {
  ojson absent = ojson::array(), gaps = ojson::array();
  for (const CoverageEntry& e : coverage) {
    ojson j{{"fact", e.fact}, {"jurisdiction", e.jurisdiction}, {"people", e.people}};
    if (!e.absent()) j["missing"] = e.missing;
    j["no_reforms_encoded"] = e.no_reforms_encoded;
    j["needs_review"] = e.needs_review;
    j["needs_review_only"] = e.needs_review_only;
    j["text"] = CoverageText(e);
    (e.absent() ? absent : gaps).push_back(std::move(j));
  }
  return {{"absent_from_data", absent}, {"gaps", gaps}};
}

// The policy's [[assumptions]], and whether this run applied each.
ojson SuggestedAssumptionsJson(const ScreenContext& c) {
  ojson out = ojson::array();
  for (const PolicyAssumption& a : c.policy.assumptions) {
    bool applied = false;
    if (c.assumptions != nullptr)
      for (const Assumption& given : *c.assumptions) applied |= given.fact->name == a.fact && given.text == a.value;
    out.push_back({{"fact", a.fact}, {"value", a.value}, {"reason", a.reason}, {"applied", applied}});
  }
  return out;
}

// People counted by status, in one pass over the screening: per value of
// each grouping column (by string id, or age band), per group and exclusion.
using StatusCounts = std::array<int64_t, 3>;  // indexed by Status

struct PeopleTally {
  StatusCounts all{};
  // Each grouping: the value's id (kNa when unknown) -> counts.
  std::unordered_map<int64_t, StatusCounts> race, sex, age_band, offense, jurisdiction, facility, authority, vote, remedy;
  std::vector<StatusCounts> groups;                   // by policy rule
  std::vector<std::array<int64_t, 2>> exclusions;    // by policy rule: true, unknown
  std::map<std::string, int64_t> overlaps;           // eligible people by the groups they meet
  int64_t excess_eligible = 0, excess_all = 0, eligible_within_1y = 0, eligible_within_5y = 0;
};

int AgeBandStart(int age) { return age < 25 ? 0 : age >= 65 ? 65 : age / 5 * 5; }

PeopleTally TallyPeople(const ScreenContext& c) {
  const FactTable& f = c.facts;
  const Screening& s = c.screening;
  const std::vector<PolicyRule>& rules = c.policy.rules;
  PeopleTally t;
  t.groups.resize(rules.size());
  t.exclusions.resize(rules.size());
  for (uint32_t p = 0; p < f.people(); ++p) {
    const auto st = static_cast<size_t>(s.status[p]);
    ++t.all[st];
    ++t.race[f.race[p]][st];
    ++t.sex[f.sex[p]][st];
    ++t.age_band[AgeBandStart(AgeYears(f, p))][st];
    ++t.offense[f.most_serious_category[p]][st];
    ++t.jurisdiction[f.jurisdiction[p]][st];
    ++t.facility[f.facility_id[p]][st];
    ++t.authority[f.clemency_authority[p]][st];
    ++t.vote[f.vote_restoration[p]][st];
    ++t.remedy[f.current_law_remedy[p]][st];
    for (size_t r = 0; r < rules.size(); ++r) {
      const uint8_t v = s.rules[r].ob[p];
      if (rules[r].kind == RuleKind::kGroup && v == kTrue) ++t.groups[r][st];
      if (rules[r].kind == RuleKind::kExclusion && v != kFalse) ++t.exclusions[r][v == kTrue ? 0 : 1];
    }
    if (s.status[p] == Status::kEligible) {
      std::string combo;
      for (size_t r = 0; r < rules.size(); ++r)
        if (rules[r].kind == RuleKind::kGroup && s.rules[r].ob[p] == kTrue) combo += (combo.empty() ? "" : "+") + rules[r].id;
      ++t.overlaps[combo.empty() ? "(none)" : combo];
    }
    if (f.current_law_excess[p] != kNa) {
      t.excess_all += f.current_law_excess[p];
      if (s.status[p] == Status::kEligible) t.excess_eligible += f.current_law_excess[p];
    }
    if (s.eligible_on[p] != kNa) {
      const int64_t wait = s.eligible_on[p] - f.as_of.days();
      if (wait <= 366) ++t.eligible_within_1y;
      if (wait <= 5 * 366) ++t.eligible_within_5y;
    }
  }
  return t;
}

ojson StatusCountsJson(const StatusCounts& n) {
  return {{"eligible", n[0]}, {"needs_review", n[1]}, {"not_eligible", n[2]}};
}

// A grouping as {"value": counts}, values in byte order; `name` gives each id's
// value (values that name the same text are added together).
template <typename Name>
ojson GroupingJson(const std::unordered_map<int64_t, StatusCounts>& by_id, Name name) {
  std::map<std::string, StatusCounts> by_name;
  for (const auto& [id, n] : by_id) {
    StatusCounts& sum = by_name[name(id)];
    for (size_t i = 0; i < 3; ++i) sum[i] += n[i];
  }
  ojson j = ojson::object();
  for (const auto& [k, n] : by_name) j[k] = StatusCountsJson(n);
  return j;
}

}  // namespace

std::string SummaryAgeBand(const FactTable& f, uint32_t p) { return AgeBand(AgeBandStart(AgeYears(f, p))); }

nlohmann::ordered_json ScreeningSummary(const ScreenContext& c, const ScreenManifest& m) {
  using json = nlohmann::ordered_json;
  const FactTable& f = c.facts;
  const Screening& s = c.screening;
  const Policy& policy = c.policy;
  const PeopleTally t = TallyPeople(c);
  json counts = StatusCountsJson(t.all);
  counts["people"] = f.people();
  json groups = json::object(), exclusions = json::object();
  for (size_t r = 0; r < policy.rules.size(); ++r) {
    if (policy.rules[r].kind == RuleKind::kGroup) groups[policy.rules[r].id] = StatusCountsJson(t.groups[r]);
    if (policy.rules[r].kind == RuleKind::kExclusion)
      exclusions[policy.rules[r].id] = {{"true", t.exclusions[r][0]}, {"unknown", t.exclusions[r][1]}};
  }
  auto text = [&](int64_t id) { return Str(f, id); };
  auto or_unknown = [&](int64_t id) { return id == kNa ? std::string("unknown") : Str(f, id); };
  auto band = [](int64_t start) { return AgeBand(static_cast<int>(start)); };
  const json by_vote = GroupingJson(t.vote, or_unknown);
  json overlap_json = json::object();
  for (const auto& [k, v] : t.overlaps) overlap_json[k] = v;

  json params = json::object();
  for (const PolicyParam& prm : policy.params) params[prm.name] = prm.value.ToString();
  json overrides = json::object();
  for (const auto& [k, v] : m.overrides) overrides[k] = v;
  json inputs = json::object(), rules = json::object();
  for (const auto& [name, sha] : m.inputs) inputs[name] = sha;
  // Rule files by folder and name: offenses/CA.toml and reforms/CA.toml differ.
  // Every rule file used, and whether it came from the user's --rules folder.
  json rule_files = json::array();
  for (const std::string& path : m.rule_files) {
    const std::filesystem::path fp(path);
    const std::string sha = Sha256File(path);
    const std::string name = (fp.parent_path().filename() / fp.filename()).generic_string();
    rules[name] = sha;
    const std::string origin = RuleFileOrigin(path);
    json entry = {{"file", name}, {"origin", origin}, {"sha256", sha}};
    if (origin != "shipped") entry["path"] = path;  // the user's own file, where it was read
    rule_files.push_back(std::move(entry));
  }

  const ReviewTriage no_triage;
  const ReviewTriage& triage = c.triage != nullptr ? *c.triage : no_triage;
  const std::vector<CoverageEntry> coverage = DataCoverage(policy, f, triage);
  json assumptions = json::array();
  if (c.assumptions != nullptr)
    for (const Assumption& a : *c.assumptions)
      assumptions.push_back({{"fact", a.fact->name}, {"value", a.text}, {"filled", a.filled}, {"source", "--assume"}});

  json out{
      {"policy", {{"id", policy.id}, {"title", policy.title}, {"citation", policy.citation}}},
      {"as_of", f.as_of.ToString()},
      {"counts", counts},
      {"groups", groups},
      {"eligible_by_group_combination", overlap_json},
      {"exclusions", exclusions},
      {"review_triage", ReviewTriageJson(triage, coverage, counts["needs_review"].get<int64_t>())},
      {"data_coverage", DataCoverageJson(coverage)},
      {"suggested_assumptions", SuggestedAssumptionsJson(c)},
      {"by_race", GroupingJson(t.race, text)},
      {"by_sex", GroupingJson(t.sex, text)},
      {"by_age_band", GroupingJson(t.age_band, band)},
      {"by_offense_category", GroupingJson(t.offense, or_unknown)},
      {"by_jurisdiction", GroupingJson(t.jurisdiction, text)},
      {"by_facility", GroupingJson(t.facility, or_unknown)},
      {"excess_time_days", {{"eligible", t.excess_eligible}, {"everyone", t.excess_all}}},
      {"by_current_law_remedy", GroupingJson(t.remedy, text)},
      {"by_clemency_authority", GroupingJson(t.authority, or_unknown)},
      {"by_vote_restoration", by_vote},
      {"vote_restored_on_release",
       {{"eligible", by_vote.contains("on_release") ? by_vote["on_release"]["eligible"] : json(0)},
        {"needs_review", by_vote.contains("on_release") ? by_vote["on_release"]["needs_review"] : json(0)},
        {"meaning", "people whose jurisdiction restores the vote on release from prison (rules/jurisdictions)"}}},
      {"not_yet_eligible", s.eligible_on_computed ? json{{"eligible_within_1_year", t.eligible_within_1y},
                                                         {"eligible_within_5_years", t.eligible_within_5y}}
                                                  : json()},  // null: not computed (simulate)
      {"rows", m.rows},
      {"catalog_gaps", CatalogGapsJson(FindCatalogGaps(f, &s, c.triage), 20)},
      {"manifest",
       {{"engine_version", CLEMENCY_VERSION},
        {"as_of", f.as_of.ToString()},
        {"as_of_defaulted", m.as_of_defaulted},
        {"policy", policy.id},
        {"parameters", params},
        {"overrides", overrides},
        {"assumptions", assumptions},
        {"inputs_sha256", inputs},
        {"rules_sha256", rules},
        {"rule_files", rule_files}}},
  };
  // Only when a data file differs from its folder's manifest.json (rare).
  if (!m.data_manifest_warnings.empty()) out["manifest"]["data_manifest_mismatches"] = m.data_manifest_warnings;
  if (m.as_of_defaulted) out["manifest"]["as_of_time_zone"] = m.as_of_time_zone;
  return out;
}

bool WriteScreeningOutputs(const ScreenContext& c, const ScreenManifest& m, const std::string& out_dir,
                           std::string* error) {
  // candidates.xlsx is written on one thread by libxlsxwriter: beside the
  // other files, which format their lines on several.
  std::string xlsx_error;
  bool xlsx_ok = false;
  std::thread xlsx([&] { xlsx_ok = WriteCandidatesXlsx(c, out_dir + "/candidates.xlsx", &xlsx_error); });
  ReportInputs report{ScreeningSummary(c, m), PolicyJson(c), nullptr};
  const bool ok = WriteScreeningCsv(c, out_dir + "/screening.csv", error) &&
                  WriteReasonsJsonl(c, out_dir + "/reasons.jsonl", error) &&
                  WriteFileAtomically(out_dir + "/policy.json", report.policy.dump(2) + "\n", error) &&
                  WriteFileAtomically(out_dir + "/summary.json", report.summary.dump(2) + "\n", error) &&
                  WriteFileAtomically(out_dir + "/report.html", ReportHtml(report), error);
  xlsx.join();
  if (ok && !xlsx_ok) *error = xlsx_error;
  return ok && xlsx_ok;
}

}  // namespace clemency
