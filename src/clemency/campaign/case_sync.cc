#include "clemency/campaign/case_sync.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "clemency/campaign/case_events.h"
#include "clemency/io/output_dir.h"
#include "clemency/io/sha256.h"

namespace clemency {
namespace {

bool Named(const ScreenedPerson& p) { return p.status == "eligible" || p.status == "needs_review"; }

// The person_id of a reasons.jsonl line; "" when it has none.
std::string PersonIdOf(const std::string& line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("person_id") || !j["person_id"].is_string()) return "";
  return j["person_id"].get<std::string>();
}

bool ReadReasons(const std::string& path, const std::set<std::string>& also_keep, ScreeningFolder& s,
                 std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  std::map<std::string, const ScreenedPerson*> wanted;
  for (const ScreenedPerson& p : s.snapshot.people)
    if (Named(p) || also_keep.count(p.person_id)) wanted.emplace(p.person_id, &p);
  std::string line;
  for (uint64_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    const std::string id = PersonIdOf(line);
    if (id.empty()) {
      *error = fmt::format("{}:{}: not a JSON object with a person_id", path, n);
      return false;
    }
    if (wanted.count(id)) s.reasons[id] = line;
  }
  return true;
}

bool VerifyFolder(const std::string& dir, std::string* error) {
  bool absent = false;
  std::string why;
  if (VerifyOutputDir(dir, &absent, &why)) return true;
  *error = absent ? dir + ": no manifest.json, so the folder cannot be checked as one screening; re-run clemency screen into it"
                  : dir + ": does not match its manifest, not trusted: " + why;
  return false;
}

std::string Sha(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? Sha256File(path) : "";
}

void InsertScreening(CaseStore& store, const ScreeningFolder& s, int64_t id, const std::string& now) {
  store.Query("INSERT INTO screenings (screening_id, folder, as_of, policy_id, policy_sha256, screening_csv_sha256, "
              "summary_sha256, reasons_sha256, manifest_sha256, rule_files, people, synced_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
              {id, s.snapshot.dir, s.snapshot.as_of, s.snapshot.policy_id, s.policy_sha256, s.screening_csv_sha256,
               s.summary_sha256, s.reasons_sha256, s.manifest_sha256, s.rule_files,
               static_cast<int64_t>(s.snapshot.people.size()), now});
}

// "" or why this screening is not to be synced.
SyncResult CheckNew(CaseStore& store, const ScreeningFolder& s, std::string* message) {
  const auto same = store.Query("SELECT screening_id FROM screenings WHERE screening_csv_sha256 = $1 AND "
                                "summary_sha256 = $2 AND reasons_sha256 = $3",
                                {s.screening_csv_sha256, s.summary_sha256, s.reasons_sha256});
  if (!same.empty()) {
    *message = fmt::format("{}: already synced as screening {}; nothing changed", s.snapshot.dir, same[0][0].value_or(""));
    return SyncResult::kAlreadySynced;
  }
  const auto latest = store.Query("SELECT screening_id, as_of FROM screenings ORDER BY screening_id DESC LIMIT 1");
  if (!latest.empty() && s.snapshot.as_of < latest[0][1].value_or("")) {
    *message = fmt::format("{}: as of {}, older than screening {} (as of {}) already synced; sync screenings in date "
                           "order (nothing changed)",
                           s.snapshot.dir, s.snapshot.as_of, latest[0][0].value_or(""), latest[0][1].value_or(""));
    return SyncResult::kOlder;
  }
  return SyncResult::kOk;
}

}  // namespace

std::set<std::string> CasePersonIds(CaseStore& store) {
  std::set<std::string> out;
  for (const SqlRow& r : store.Query("SELECT person_id FROM cases")) out.insert(r[0].value_or(""));
  return out;
}

std::optional<ScreeningFolder> ReadScreeningFolder(const std::string& dir, const std::set<std::string>& also_keep,
                                                   SnapshotError* kind, std::string* error) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    *kind = SnapshotError::kNotADirectory;
    *error = dir + ": no such folder (expected an output folder of clemency screen)";
    return std::nullopt;
  }
  *kind = SnapshotError::kBadData;
  if (!VerifyFolder(dir, error)) return std::nullopt;
  std::optional<ScreeningSnapshot> snap = LoadScreeningSnapshot(dir, kind, error);
  if (!snap) return std::nullopt;
  ScreeningFolder s;
  s.snapshot = std::move(*snap);
  s.screening_csv_sha256 = Sha(dir + "/screening.csv");
  s.summary_sha256 = Sha(dir + "/summary.json");
  s.reasons_sha256 = Sha(dir + "/reasons.jsonl");
  s.policy_sha256 = Sha(dir + "/policy.json");
  s.manifest_sha256 = Sha(dir + "/manifest.json");
  if (s.reasons_sha256.empty() || s.policy_sha256.empty()) {
    *error = dir + ": no reasons.jsonl or policy.json (expected the folder clemency screen writes)";
    return std::nullopt;
  }
  s.rule_files = s.snapshot.summary["manifest"].dump();
  if (!ReadReasons(dir + "/reasons.jsonl", also_keep, s, error)) return std::nullopt;
  return s;
}

SyncResult SyncScreening(CaseStore& store, const ScreeningFolder& s, const std::string& now, SyncCounts* counts,
                         std::string* message) {
  StoreTransaction tx(store);
  if (const SyncResult r = CheckNew(store, s, message); r != SyncResult::kOk) return r;
  const auto max_id = store.Query("SELECT COALESCE(MAX(screening_id), 0) FROM screenings");
  counts->screening_id = std::stoll(max_id.at(0).at(0).value_or("0")) + 1;
  InsertScreening(store, s, counts->screening_id, now);
  std::map<std::string, int64_t> cases;  // person_id -> case_id
  for (const SqlRow& r : store.Query("SELECT person_id, case_id FROM cases"))
    cases.emplace(r[0].value_or(""), std::stoll(r[1].value_or("0")));
  int64_t next_case = 1;
  for (const auto& [person, id] : cases) next_case = std::max(next_case, id + 1);
  std::map<std::string, const ScreenedPerson*> in_screening;
  for (const ScreenedPerson& p : s.snapshot.people) {
    in_screening.emplace(p.person_id, &p);
    if (!Named(p) || cases.count(p.person_id)) continue;
    const int64_t id = next_case++;
    store.Query("INSERT INTO cases (case_id, person_id, jurisdiction, first_screening_id) VALUES ($1, $2, $3, $4)",
                {id, p.person_id, p.jurisdiction, counts->screening_id});
    InsertCaseEvent(store, {id, 1, s.snapshot.as_of, "identified", "", "clemency cases sync",
                            fmt::format("named {} by screening {} (policy {}, as of {})", p.status, counts->screening_id,
                                        s.snapshot.policy_id, s.snapshot.as_of),
                            now});
    cases.emplace(p.person_id, id);
    ++counts->added;
  }
  for (const auto& [person, id] : cases) {
    const auto it = in_screening.find(person);
    const ScreenedPerson* p = it == in_screening.end() ? nullptr : it->second;
    std::string flag = p == nullptr ? "left_prison" : p->status == "not_eligible" ? "no_longer_eligible" : "";
    counts->left_prison += flag == "left_prison";
    counts->no_longer_eligible += flag == "no_longer_eligible";
    counts->named += flag.empty();
    const auto reasons = s.reasons.find(person);
    store.Query("INSERT INTO case_screenings (case_id, screening_id, flag, status, groups_met, excluded_by, eligible_on, "
                "review_reason, reasons) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {id, counts->screening_id, flag, p ? p->status : "", p ? p->groups : "", p ? p->excluded_by : "",
                 p ? p->eligible_on : "", p ? p->review_reason : "",
                 reasons == s.reasons.end() ? std::string() : reasons->second});
  }
  counts->cases = static_cast<int64_t>(cases.size());
  tx.Commit();
  return SyncResult::kOk;
}

}  // namespace clemency
