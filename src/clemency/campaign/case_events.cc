#include "clemency/campaign/case_events.h"

#include <fmt/format.h>

#include <ctime>

#include "clemency/campaign/case_stages.h"
#include "clemency/core/date.h"

namespace clemency {
namespace {

constexpr const char* kCurrentColumns =
    "SELECT case_id, person_id, jurisdiction, seq, at_date, stage, outcome FROM case_current";
constexpr const char* kEventColumns =
    "SELECT case_id, seq, at_date, stage, outcome, by_who, why, recorded_at FROM case_events";

std::string Text(const SqlRow& row, size_t i) { return row.at(i).value_or(""); }
int64_t Int(const SqlRow& row, size_t i) { return std::stoll(row.at(i).value_or("0")); }

CaseState StateOf(const SqlRow& r) {
  return {Int(r, 0), Text(r, 1), Text(r, 2), Int(r, 3), Text(r, 4), Text(r, 5), Text(r, 6)};
}

CaseEvent EventOf(const SqlRow& r) {
  return {Int(r, 0), Int(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7)};
}

// "" or why the request is malformed.
std::string CheckRequest(const AdvanceRequest& r) {
  if (r.by.empty()) return "--by is empty: say who records this step";
  if (r.why.empty()) return "--why is empty: say why (a hearing's date, a letter, a decision's reference)";
  if (!ParseDate(r.on).ok()) return fmt::format("--on \"{}\": expected a date as YYYY-MM-DD", r.on);
  return "";
}

}  // namespace

std::string CaseState::position() const { return std::string(CasePosition(stage, outcome)); }

std::optional<CaseState> FindCase(CaseStore& store, const std::string& person_id) {
  const auto rows = store.Query(std::string(kCurrentColumns) + " WHERE person_id = $1", {person_id});
  if (rows.empty()) return std::nullopt;
  return StateOf(rows[0]);
}

std::vector<CaseState> CurrentCases(CaseStore& store) {
  std::vector<CaseState> out;
  for (const SqlRow& r : store.Query(std::string(kCurrentColumns) + " ORDER BY case_id")) out.push_back(StateOf(r));
  return out;
}

std::vector<CaseEvent> CaseHistory(CaseStore& store, int64_t case_id) {
  std::vector<CaseEvent> out;
  for (const SqlRow& r : store.Query(std::string(kEventColumns) + " WHERE case_id = $1 ORDER BY seq", {case_id}))
    out.push_back(EventOf(r));
  return out;
}

std::vector<CaseEvent> AllEvents(CaseStore& store) {
  std::vector<CaseEvent> out;
  for (const SqlRow& r : store.Query(std::string(kEventColumns) + " ORDER BY case_id, seq")) out.push_back(EventOf(r));
  return out;
}

void InsertCaseEvent(CaseStore& store, const CaseEvent& e) {
  store.Query("INSERT INTO case_events (case_id, seq, at_date, stage, outcome, by_who, why, recorded_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
              {e.case_id, e.seq, e.at, e.stage, e.outcome, e.by, e.why, e.recorded_at});
}

AdvanceResult AdvanceCase(CaseStore& store, const AdvanceRequest& r, int64_t* seq, std::string* message) {
  if (std::string bad = CheckRequest(r); !bad.empty()) {
    *message = bad;
    return AdvanceResult::kRefused;
  }
  StoreTransaction tx(store);
  const std::optional<CaseState> c = FindCase(store, r.person_id);
  if (!c) {
    *message = fmt::format("no case for person \"{}\" (cases are added by clemency cases sync)", r.person_id);
    return AdvanceResult::kUnknownPerson;
  }
  if (std::string why_not = CheckCaseMove(c->position(), r.to, r.outcome); !why_not.empty()) {
    *message = fmt::format("person \"{}\": {}", r.person_id, why_not);
    return AdvanceResult::kRefused;
  }
  if (r.on < c->at) {
    *message = fmt::format("person \"{}\": --on {} is before the case's last step ({} on {}); events are in date order",
                           r.person_id, r.on, c->stage, c->at);
    return AdvanceResult::kRefused;
  }
  const CaseEvent e{c->case_id, c->seq + 1, r.on, r.to, r.outcome, r.by, r.why, r.recorded_at};
  InsertCaseEvent(store, e);
  tx.Commit();
  *seq = e.seq;
  return AdvanceResult::kOk;
}

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace clemency
