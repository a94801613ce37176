// A case's history: append-only events (case_id, seq, at, stage, outcome, by,
// why, recorded_at); the current stage is the latest event's (the
// case_current view). Advancing a case appends one event in one write
// transaction after checking, under the writers' lock, that the move is
// allowed (campaign/case_stages.h) and that its date is not before the last
// event's: two clients advancing at once never lose an event, and a refused
// move changes nothing.
#ifndef CLEMENCY_CAMPAIGN_CASE_EVENTS_H_
#define CLEMENCY_CAMPAIGN_CASE_EVENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clemency/campaign/case_store.h"

namespace clemency {

struct CaseEvent {
  int64_t case_id = 0;
  int64_t seq = 0;  // 1, 2, ... per case
  std::string at;   // YYYY-MM-DD: when it happened
  std::string stage, outcome, by, why;
  std::string recorded_at;  // when it was written (UTC)
};

// A case and its latest event.
struct CaseState {
  int64_t case_id = 0;
  std::string person_id, jurisdiction;
  int64_t seq = 0;
  std::string at, stage, outcome;
  std::string position() const;  // the outcome for decided, else the stage
};

std::optional<CaseState> FindCase(CaseStore& store, const std::string& person_id);
// Every case, by case_id.
std::vector<CaseState> CurrentCases(CaseStore& store);
// A case's events by seq.
std::vector<CaseEvent> CaseHistory(CaseStore& store, int64_t case_id);
// Every event, by case_id then seq.
std::vector<CaseEvent> AllEvents(CaseStore& store);

// Inserts an event as it is (inside the caller's transaction).
void InsertCaseEvent(CaseStore& store, const CaseEvent& e);

struct AdvanceRequest {
  std::string person_id;
  std::string to, outcome;  // outcome only for decided
  std::string by, why;
  std::string on;           // YYYY-MM-DD
  std::string recorded_at;  // now, UTC
};

enum class AdvanceResult { kOk, kUnknownPerson, kRefused };

// Appends one event; on kOk sets *seq. Otherwise nothing is written and
// *message says why (naming only what the request holds). Throws StoreError.
AdvanceResult AdvanceCase(CaseStore& store, const AdvanceRequest& r, int64_t* seq, std::string* message);

// The current UTC time as YYYY-MM-DDTHH:MM:SSZ.
std::string UtcNow();

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_EVENTS_H_
