// `cases sync`: bringing a screening (a `clemency screen` folder) into the
// cases database. The folder must match its manifest.json (nothing missing,
// changed or half-written), and is read with report/screening_diff.h's
// reader plus reasons.jsonl. In one transaction: the screening is recorded
// (its files' SHA-256, policy id and policy.json's SHA-256, as_of, and the
// summary's manifest with every rule file and its hash); each eligible or
// needs_review person without a case gets one, at stage identified on the
// screening's as_of; and every case gets a row for this screening with the
// person's status, groups, exclusions, eligible_on, review reason and
// reasons.jsonl line, flagged left_prison (absent from the screening) or
// no_longer_eligible (now not_eligible). Nothing is deleted or overwritten.
// The same folder twice is recorded once; a screening older (by as_of) than
// one already synced is refused.
#ifndef CLEMENCY_CAMPAIGN_CASE_SYNC_H_
#define CLEMENCY_CAMPAIGN_CASE_SYNC_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "clemency/campaign/case_store.h"
#include "clemency/report/screening_diff.h"

namespace clemency {

struct ScreeningFolder {
  ScreeningSnapshot snapshot;
  std::string screening_csv_sha256, summary_sha256, reasons_sha256, policy_sha256, manifest_sha256;
  std::string rule_files;  // summary.json's manifest, as JSON text
  // person_id -> reasons.jsonl line, for eligible and needs_review people and those in also_keep.
  std::map<std::string, std::string> reasons;
};

// Reads and checks OUT; nullopt with *kind and *error on failure. also_keep:
// people whose reasons are kept whatever their status (the existing cases).
std::optional<ScreeningFolder> ReadScreeningFolder(const std::string& dir, const std::set<std::string>& also_keep,
                                                   SnapshotError* kind, std::string* error);
// The person ids of every case.
std::set<std::string> CasePersonIds(CaseStore& store);

struct SyncCounts {
  int64_t screening_id = 0;
  int64_t added = 0;               // new cases
  int64_t named = 0;               // cases eligible or needs_review in this screening
  int64_t left_prison = 0;         // cases absent from it
  int64_t no_longer_eligible = 0;  // cases not_eligible in it
  int64_t cases = 0;               // all cases after the sync
};

enum class SyncResult { kOk, kAlreadySynced, kOlder };

// *message explains kAlreadySynced and kOlder. Throws StoreError.
SyncResult SyncScreening(CaseStore& store, const ScreeningFolder& s, const std::string& now, SyncCounts* counts,
                         std::string* message);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_SYNC_H_
