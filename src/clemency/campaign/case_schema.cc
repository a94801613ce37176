#include "clemency/campaign/case_schema.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace clemency {
namespace {

// A statement for both databases ("") or for one dialect only.
struct Statement {
  std::string_view dialect;
  std::string_view sql;
};

struct Migration {
  int version;
  std::string_view description;
  std::vector<Statement> statements;
};

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1,
       "screenings, cases, case_screenings, append-only case_events",
       {
           {"", "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                "applied_at TEXT NOT NULL)"},
           {"", "CREATE TABLE screenings (screening_id BIGINT PRIMARY KEY, folder TEXT NOT NULL, as_of TEXT NOT NULL, "
                "policy_id TEXT NOT NULL, policy_sha256 TEXT NOT NULL, screening_csv_sha256 TEXT NOT NULL, "
                "summary_sha256 TEXT NOT NULL, reasons_sha256 TEXT NOT NULL, manifest_sha256 TEXT NOT NULL, "
                "rule_files TEXT NOT NULL, people BIGINT NOT NULL, synced_at TEXT NOT NULL)"},
           {"", "CREATE TABLE cases (case_id BIGINT PRIMARY KEY, person_id TEXT NOT NULL UNIQUE, "
                "jurisdiction TEXT NOT NULL, first_screening_id BIGINT NOT NULL REFERENCES screenings(screening_id))"},
           {"", "CREATE TABLE case_screenings (case_id BIGINT NOT NULL REFERENCES cases(case_id), "
                "screening_id BIGINT NOT NULL REFERENCES screenings(screening_id), flag TEXT NOT NULL, "
                "status TEXT NOT NULL, groups_met TEXT NOT NULL, excluded_by TEXT NOT NULL, eligible_on TEXT NOT NULL, "
                "review_reason TEXT NOT NULL, reasons TEXT NOT NULL, PRIMARY KEY (case_id, screening_id))"},
           {"", "CREATE TABLE case_events (case_id BIGINT NOT NULL REFERENCES cases(case_id), seq BIGINT NOT NULL, "
                "at_date TEXT NOT NULL, stage TEXT NOT NULL, outcome TEXT NOT NULL, by_who TEXT NOT NULL, "
                "why TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (case_id, seq))"},
           {"", "CREATE VIEW case_current AS SELECT c.case_id, c.person_id, c.jurisdiction, e.seq, e.at_date, e.stage, "
                "e.outcome FROM cases c JOIN case_events e ON e.case_id = c.case_id "
                "WHERE e.seq = (SELECT MAX(x.seq) FROM case_events x WHERE x.case_id = c.case_id)"},
           {"", "CREATE VIEW case_latest_screening AS SELECT s.* FROM case_screenings s WHERE s.screening_id = "
                "(SELECT MAX(x.screening_id) FROM case_screenings x WHERE x.case_id = s.case_id)"},
           {"sqlite", "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events "
                      "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END"},
           {"sqlite", "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events "
                      "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END"},
           {"sqlite", "CREATE TRIGGER case_screenings_no_update BEFORE UPDATE ON case_screenings "
                      "BEGIN SELECT RAISE(ABORT, 'case_screenings is append-only'); END"},
           {"sqlite", "CREATE TRIGGER case_screenings_no_delete BEFORE DELETE ON case_screenings "
                      "BEGIN SELECT RAISE(ABORT, 'case_screenings is append-only'); END"},
           {"postgres", "CREATE FUNCTION clemency_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                        "$body$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $body$"},
           {"postgres", "CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events "
                        "FOR EACH ROW EXECUTE FUNCTION clemency_append_only()"},
           {"postgres", "CREATE TRIGGER case_screenings_append_only BEFORE UPDATE OR DELETE ON case_screenings "
                        "FOR EACH ROW EXECUTE FUNCTION clemency_append_only()"},
       }},
  };
  return kMigrations;
}

}  // namespace

int CaseSchemaVersion() { return Migrations().back().version; }

int StoredSchemaVersion(CaseStore& store) {
  if (!store.HasTable("schema_version")) return 0;
  const auto rows = store.Query("SELECT MAX(version) FROM schema_version");
  return rows.empty() || !rows[0][0] ? 0 : std::stoi(*rows[0][0]);
}

SchemaCheck CheckCaseSchema(CaseStore& store, const std::string& db_name, std::string* message) {
  const int have = StoredSchemaVersion(store), want = CaseSchemaVersion();
  if (have == want) return SchemaCheck::kOk;
  if (have == 0) {
    *message = fmt::format("{}: not a cases database yet; create it with clemency cases init --db {}", db_name, db_name);
    return SchemaCheck::kMissing;
  }
  if (have > want) {
    *message = fmt::format("{}: the database's schema is version {}, newer than this clemency's {}: it was written by "
                           "a newer clemency; upgrade clemency (nothing was changed)",
                           db_name, have, want);
    return SchemaCheck::kNewer;
  }
  *message = fmt::format("{}: the database's schema is version {}, older than this clemency's {}; migrate it with "
                         "clemency cases init --db {}",
                         db_name, have, want, db_name);
  return SchemaCheck::kOlder;
}

SchemaCheck MigrateCaseSchema(CaseStore& store, const std::string& db_name, const std::string& now,
                              std::string* message) {
  for (const Migration& m : Migrations()) {
    StoreTransaction tx(store);  // read the version under the writers' lock: two inits apply each migration once
    const int have = StoredSchemaVersion(store);
    if (have > CaseSchemaVersion()) {
      CheckCaseSchema(store, db_name, message);
      return SchemaCheck::kNewer;
    }
    if (have >= m.version) continue;
    for (const Statement& s : m.statements)
      if (s.dialect.empty() || s.dialect == store.dialect()) store.Query(s.sql);
    store.Query("INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)",
                {int64_t{m.version}, std::string(m.description), now});
    tx.Commit();
  }
  return SchemaCheck::kOk;
}

}  // namespace clemency
