// The cases database's schema, as numbered migrations (case_schema.cc: one
// table, applied in order, each in one transaction, each recorded in
// schema_version). `cases init` applies what is missing; every other command
// checks that the database is at exactly this program's version and refuses
// a newer one (written by a newer clemency) or one not yet initialised.
//
// Tables (docs/cases.md): screenings (one row per sync: the folder's hashes,
// policy, as_of, rule files), cases (one per person named), case_screenings
// (each case's status, groups and reasons as of each sync, with its flag:
// left_prison, no_longer_eligible or none), case_events (append-only: the
// history of stages; UPDATE and DELETE are refused by triggers); views
// case_current (each case's latest event) and case_latest_screening.
#ifndef CLEMENCY_CAMPAIGN_CASE_SCHEMA_H_
#define CLEMENCY_CAMPAIGN_CASE_SCHEMA_H_

#include <string>

#include "clemency/campaign/case_store.h"

namespace clemency {

// The version this program writes and reads.
int CaseSchemaVersion();

// The database's version; 0 when it has no schema yet.
int StoredSchemaVersion(CaseStore& store);

enum class SchemaCheck { kOk, kMissing, kOlder, kNewer };

// Whether the database is usable as it is; *message says why not.
SchemaCheck CheckCaseSchema(CaseStore& store, const std::string& db_name, std::string* message);

// Applies the missing migrations. kNewer (nothing done) when the database is
// ahead of this program; else kOk. Throws StoreError.
SchemaCheck MigrateCaseSchema(CaseStore& store, const std::string& db_name, const std::string& now,
                              std::string* message);

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_SCHEMA_H_
