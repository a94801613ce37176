#include "clemency/report/screening_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "clemency/io/atomic_file.h"
#include "clemency/io/csv_reader.h"
#include "clemency/io/csv_writer.h"

namespace clemency {
namespace {

using json = nlohmann::ordered_json;

constexpr std::array<std::string_view, kChangeKinds> kChangeNames = {
    "arrived", "left", "became_eligible", "no_longer_eligible", "status_changed", "groups_changed", "unchanged"};

constexpr std::array<std::string_view, 5> kRequiredColumns = {"person_id", "status", "groups", "excluded_by", "rank"};
constexpr std::array<std::string_view, 3> kOptionalColumns = {"jurisdiction", "eligible_on", "review_reason"};

bool IsStatus(std::string_view s) { return s == "eligible" || s == "needs_review" || s == "not_eligible"; }

// Reads screening.csv rows into people (unsorted); false with *error on the first problem.
bool ReadScreeningCsv(CsvReader& reader, const std::string& name, std::vector<ScreenedPerson>& people,
                      std::string* error) {
  CsvRecord rec;
  if (!reader.Next(rec)) {
    *error = reader.io_error().empty() ? fmt::format("{}: empty file: expected a screening.csv header", name)
                                       : fmt::format("{}: {}", name, reader.io_error());
    return false;
  }
  if (!rec.ok()) {
    *error = fmt::format("{}:{}:{}: {}", name, rec.error_line, rec.error_column, rec.error);
    return false;
  }
  std::array<size_t, kRequiredColumns.size()> col{};
  const size_t width = rec.fields.size();
  for (size_t i = 0; i < kRequiredColumns.size(); ++i) {
    const auto it = std::find(rec.fields.begin(), rec.fields.end(), kRequiredColumns[i]);
    if (it == rec.fields.end()) {
      *error = fmt::format(
          "{}:1: not a screening.csv header: no column \"{}\" (expected person_id, status, groups, excluded_by, "
          "rank, ... as `clemency screen` writes them)",
          name, kRequiredColumns[i]);
      return false;
    }
    col[i] = static_cast<size_t>(it - rec.fields.begin());
  }
  std::array<size_t, kOptionalColumns.size()> opt{};
  for (size_t i = 0; i < kOptionalColumns.size(); ++i)
    opt[i] = static_cast<size_t>(std::find(rec.fields.begin(), rec.fields.end(), kOptionalColumns[i]) - rec.fields.begin());
  std::unordered_map<std::string, uint64_t> line_of;
  while (reader.Next(rec)) {
    if (!rec.ok()) {
      *error = fmt::format("{}:{}:{}: {}", name, rec.error_line, rec.error_column, rec.error);
      return false;
    }
    if (rec.fields.size() != width) {
      *error = fmt::format("{}:{}: {} fields, expected {} as in the header", name, rec.line, rec.fields.size(), width);
      return false;
    }
    ScreenedPerson p{std::string(rec.fields[col[0]]), std::string(rec.fields[col[1]]),
                     std::string(rec.fields[col[2]]), std::string(rec.fields[col[3]]), std::string(rec.fields[col[4]]), "", "", ""};
    std::string* optional_fields[] = {&p.jurisdiction, &p.eligible_on, &p.review_reason};
    for (size_t i = 0; i < opt.size(); ++i)
      if (opt[i] < width) *optional_fields[i] = std::string(rec.fields[opt[i]]);
    if (p.person_id.empty()) {
      *error = fmt::format("{}:{}: empty person_id", name, rec.line);
      return false;
    }
    if (!IsStatus(p.status)) {
      *error = fmt::format("{}:{}: status \"{}\": expected eligible, needs_review or not_eligible", name, rec.line,
                           p.status);
      return false;
    }
    const auto [it, inserted] = line_of.emplace(p.person_id, rec.line);
    if (!inserted) {
      *error = fmt::format("{}:{}: duplicate person_id \"{}\" (first on line {})", name, rec.line, p.person_id,
                           it->second);
      return false;
    }
    people.push_back(std::move(p));
  }
  if (!reader.io_error().empty()) {
    *error = fmt::format("{}: {}", name, reader.io_error());
    return false;
  }
  std::sort(people.begin(), people.end(),
            [](const ScreenedPerson& a, const ScreenedPerson& b) { return a.person_id < b.person_id; });
  return true;
}

bool ReadSummary(std::string_view text, const std::string& name, int64_t rows, ScreeningSnapshot& s,
                 std::string* error) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    *error = fmt::format("{}: not a JSON object (expected the summary.json `clemency screen` writes)", name);
    return false;
  }
  if (!j.contains("as_of") || !j["as_of"].is_string()) {
    *error = fmt::format("{}: no \"as_of\" date", name);
    return false;
  }
  if (!j.contains("policy") || !j["policy"].is_object() || !j["policy"].contains("id") ||
      !j["policy"]["id"].is_string()) {
    *error = fmt::format("{}: no \"policy\".\"id\"", name);
    return false;
  }
  if (!j.contains("manifest") || !j["manifest"].is_object()) {
    *error = fmt::format("{}: no \"manifest\" object", name);
    return false;
  }
  if (j.contains("counts") && j["counts"].is_object() && j["counts"].contains("people") &&
      j["counts"]["people"].is_number_integer() && j["counts"]["people"].get<int64_t>() != rows) {
    *error = fmt::format("{}: counts.people is {} but screening.csv has {} rows: the two files are not from the same "
                         "screening",
                         name, j["counts"]["people"].get<int64_t>(), rows);
    return false;
  }
  s.as_of = j["as_of"].get<std::string>();
  s.policy_id = j["policy"]["id"].get<std::string>();
  s.summary = std::move(j);
  return true;
}

std::set<std::string_view> SplitSet(std::string_view list) {
  std::set<std::string_view> out;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t end = std::min(list.find(';', start), list.size());
    if (end > start) out.insert(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Dump(const json& j) { return j.is_null() ? "(none)" : j.dump(); }

void CompareRules(const json& a, const json& b, const ScreeningSnapshot& before, const ScreeningSnapshot& after,
                  std::vector<std::string>& out) {
  if (before.policy_id != after.policy_id)
    out.push_back(fmt::format("policy: {} before, {} after", before.policy_id, after.policy_id));
  for (const char* key : {"parameters", "overrides", "engine_version"}) {
    const json va = a.contains(key) ? a[key] : json();
    const json vb = b.contains(key) ? b[key] : json();
    if (va == vb) continue;
    if (va.is_object() && vb.is_object()) {  // name only the entries that differ
      std::set<std::string> names;
      for (const auto& [name, v] : va.items()) names.insert(name);
      for (const auto& [name, v] : vb.items()) names.insert(name);
      for (const std::string& name : names) {
        const json ea = va.contains(name) ? va[name] : json();
        const json eb = vb.contains(name) ? vb[name] : json();
        if (ea != eb) out.push_back(fmt::format("{}.{}: {} before, {} after", key, name, Dump(ea), Dump(eb)));
      }
    } else {
      out.push_back(fmt::format("{}: {} before, {} after", key, Dump(va), Dump(vb)));
    }
  }
  // Rule files both screenings used whose bytes differ. A file only one used
  // (an offense catalog for a jurisdiction only one population has) is data,
  // not a rule change.
  if (a.contains("rules_sha256") && b.contains("rules_sha256") && a["rules_sha256"].is_object() &&
      b["rules_sha256"].is_object()) {
    std::vector<std::string> files;
    for (const auto& [file, hash] : a["rules_sha256"].items())
      if (b["rules_sha256"].contains(file) && b["rules_sha256"][file] != hash) files.push_back(file);
    std::sort(files.begin(), files.end());
    if (!files.empty()) out.push_back(fmt::format("rule files changed: {}", fmt::join(files, ", ")));
  }
}

void AppendPerson(std::string& out, const ScreenedPerson* p, std::string ScreenedPerson::* field) {
  out += ',';
  if (p) AppendCsvField(out, p->*field);
}

}  // namespace

std::string_view ChangeName(Change c) { return kChangeNames[static_cast<size_t>(c)]; }

std::optional<ScreeningSnapshot> ParseScreeningSnapshot(std::string_view screening_csv, std::string_view summary_json,
                                                        const std::string& csv_name, const std::string& json_name,
                                                        std::string* error) {
  ScreeningSnapshot s;
  auto reader = CsvReader::FromString(screening_csv);
  if (!ReadScreeningCsv(*reader, csv_name, s.people, error)) return std::nullopt;
  if (!ReadSummary(summary_json, json_name, static_cast<int64_t>(s.people.size()), s, error)) return std::nullopt;
  return s;
}

std::optional<ScreeningSnapshot> LoadScreeningSnapshot(const std::string& dir, SnapshotError* kind,
                                                       std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  *kind = SnapshotError::kNone;
  if (!fs::is_directory(dir, ec)) {
    *kind = SnapshotError::kNotADirectory;
    *error = fmt::format("{}: not a directory (expected an output directory of `clemency screen`)", dir);
    return std::nullopt;
  }
  *kind = SnapshotError::kBadData;
  const std::string csv_path = (fs::path(dir) / "screening.csv").string();
  const std::string json_path = (fs::path(dir) / "summary.json").string();
  for (const std::string& path : {csv_path, json_path}) {
    if (!fs::is_regular_file(path, ec)) {
      *error = fmt::format("{}: no such file (is {} an output directory of `clemency screen`?)", path, dir);
      return std::nullopt;
    }
  }
  ScreeningSnapshot s;
  s.dir = dir;
  std::string open_error;
  auto reader = CsvReader::Open(csv_path, &open_error);
  if (!reader) {
    *error = open_error;
    return std::nullopt;
  }
  if (!ReadScreeningCsv(*reader, csv_path, s.people, error)) return std::nullopt;
  std::ifstream in(json_path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    *error = fmt::format("{}: cannot read", json_path);
    return std::nullopt;
  }
  if (!ReadSummary(text.str(), json_path, static_cast<int64_t>(s.people.size()), s, error)) return std::nullopt;
  *kind = SnapshotError::kNone;
  return s;
}

ScreeningDiff DiffScreenings(const ScreeningSnapshot& before, const ScreeningSnapshot& after) {
  ScreeningDiff d;
  d.people_before = static_cast<int64_t>(before.people.size());
  d.people_after = static_cast<int64_t>(after.people.size());
  d.changes.reserve(before.people.size() + after.people.size());
  size_t i = 0, j = 0;
  while (i < before.people.size() || j < after.people.size()) {
    PersonChange c;
    if (j == after.people.size() ||
        (i < before.people.size() && before.people[i].person_id < after.people[j].person_id)) {
      c.before = &before.people[i++];
    } else if (i == before.people.size() || after.people[j].person_id < before.people[i].person_id) {
      c.after = &after.people[j++];
    } else {
      c.before = &before.people[i++];
      c.after = &after.people[j++];
    }
    c.person_id = (c.before ? c.before : c.after)->person_id;
    const bool was = c.before && c.before->status == "eligible";
    const bool is = c.after && c.after->status == "eligible";
    if (!c.before) {
      c.change = Change::kArrived;
      if (is) ++d.newly_eligible_arrived;
    } else if (!c.after) {
      c.change = Change::kLeft;
      if (was) ++d.eligible_left_prison;
    } else {
      ++d.in_both;
      if (!was && is) {
        c.change = Change::kBecameEligible;
        ++d.newly_eligible_already_there;
      } else if (was && !is) {
        c.change = Change::kNoLongerEligible;
        ++d.eligible_lost;
      } else if (c.before->status != c.after->status) {
        c.change = Change::kStatusChanged;
      } else if (SplitSet(c.before->groups) != SplitSet(c.after->groups) ||
                 SplitSet(c.before->excluded_by) != SplitSet(c.after->excluded_by)) {
        c.change = Change::kGroupsChanged;
      } else {
        c.change = Change::kUnchanged;
      }
      if (was && is) ++d.eligible_stayed;
    }
    if (was) ++d.eligible_before;
    if (is) ++d.eligible_after;
    ++d.counts[static_cast<size_t>(c.change)];
    d.changes.push_back(std::move(c));
  }
  CompareRules(before.summary["manifest"], after.summary["manifest"], before, after, d.rule_differences);
  return d;
}

std::string ChangesCsv(const ScreeningDiff& d) {
  std::string out =
      "person_id,change,status_before,status_after,groups_before,groups_after,excluded_by_before,excluded_by_after,"
      "rank_before,rank_after\n";
  for (const PersonChange& c : d.changes) {
    AppendCsvField(out, c.person_id);
    out += ',';
    out += ChangeName(c.change);
    for (auto field : {&ScreenedPerson::status, &ScreenedPerson::groups, &ScreenedPerson::excluded_by,
                       &ScreenedPerson::rank}) {
      AppendPerson(out, c.before, field);
      AppendPerson(out, c.after, field);
    }
    out += '\n';
  }
  return out;
}

json DiffJson(const ScreeningDiff& d, const ScreeningSnapshot& before, const ScreeningSnapshot& after) {
  json changes = json::object();
  for (int k = 0; k < kChangeKinds; ++k) changes[std::string(kChangeNames[k])] = d.counts[k];
  auto side = [](const ScreeningSnapshot& s, int64_t people, int64_t eligible) {
    json by_status = {{"eligible", 0}, {"needs_review", 0}, {"not_eligible", 0}};
    for (const ScreenedPerson& p : s.people) by_status[p.status] = by_status[p.status].get<int64_t>() + 1;
    return json{{"dir", s.dir},
                {"policy", s.policy_id},
                {"as_of", s.as_of},
                {"people", people},
                {"eligible", eligible},
                {"by_status", by_status},
                {"manifest", s.summary["manifest"]}};
  };
  // Status before -> after for the people in both, only the pairs that occur.
  std::map<std::string, int64_t> transitions;
  for (const PersonChange& c : d.changes)
    if (c.before && c.after) ++transitions[c.before->status + " -> " + c.after->status];
  json transitions_json = json::object();
  for (const auto& [k, v] : transitions) transitions_json[k] = v;

  json out = {
      {"baseline", side(before, d.people_before, d.eligible_before)},
      {"current", side(after, d.people_after, d.eligible_after)},
      {"same_rules", d.rule_differences.empty()},
      {"rule_differences", d.rule_differences},
  };
  if (!d.rule_differences.empty())
    out["warning"] =
        "the two screenings used different rules: a change may come from the rules, not from the people";
  out["people"] = {{"before", d.people_before},
                   {"after", d.people_after},
                   {"in_both", d.in_both},
                   {"left", d.counts[static_cast<size_t>(Change::kLeft)]},
                   {"arrived", d.counts[static_cast<size_t>(Change::kArrived)]}};
  out["changes"] = changes;
  out["eligible"] = {{"before", d.eligible_before},
                     {"after", d.eligible_after},
                     {"stayed", d.eligible_stayed},
                     {"left_prison", d.eligible_left_prison},
                     {"lost_eligibility", d.eligible_lost},
                     {"newly_eligible", d.newly_eligible_already_there + d.newly_eligible_arrived},
                     {"newly_eligible_already_there", d.newly_eligible_already_there},
                     {"newly_eligible_arrived", d.newly_eligible_arrived}};
  out["status_transitions"] = transitions_json;
  out["precedence"] =
      "each person gets the first change that applies: arrived, left, became_eligible, no_longer_eligible, "
      "status_changed, groups_changed (groups or exclusions), unchanged (a new rank alone is not a change)";
  return out;
}

std::string DiffSummaryText(const ScreeningDiff& d, const ScreeningSnapshot& before, const ScreeningSnapshot& after) {
  auto n = [&](Change c) { return d.counts[static_cast<size_t>(c)]; };
  std::string out = fmt::format(
      "{} people before (as of {}), {} after (as of {}): {} left, {} arrived, {} in both\n", d.people_before,
      before.as_of, d.people_after, after.as_of, n(Change::kLeft), n(Change::kArrived), d.in_both);
  out += fmt::format(
      "eligible {} -> {}: {} stayed eligible, {} left prison, {} no longer eligible; {} newly eligible ({} already "
      "there, {} arrived)\n",
      d.eligible_before, d.eligible_after, d.eligible_stayed, d.eligible_left_prison, d.eligible_lost,
      d.newly_eligible_already_there + d.newly_eligible_arrived, d.newly_eligible_already_there,
      d.newly_eligible_arrived);
  out += fmt::format(
      "in both: {} became eligible, {} no longer eligible, {} other status changes, {} groups changed, {} "
      "unchanged\n",
      n(Change::kBecameEligible), n(Change::kNoLongerEligible), n(Change::kStatusChanged), n(Change::kGroupsChanged),
      n(Change::kUnchanged));
  return out;
}

bool WriteScreeningDiff(const ScreeningDiff& d, const ScreeningSnapshot& before, const ScreeningSnapshot& after,
                        const std::string& out_dir, std::string* error) {
  const std::string csv = ChangesCsv(d);
  const std::string js = DiffJson(d, before, after).dump(2) + "\n";
  AtomicFile csv_file(out_dir + "/changes.csv");
  AtomicFile json_file(out_dir + "/diff.json");
  for (AtomicFile* f : {&csv_file, &json_file}) {
    if (!f->ok()) {
      *error = f->error();
      return false;
    }
  }
  csv_file.Write(csv);
  json_file.Write(js);
  for (AtomicFile* f : {&csv_file, &json_file}) {
    if (!f->Commit()) {
      *error = f->error();
      return false;
    }
  }
  return true;
}

}  // namespace clemency
