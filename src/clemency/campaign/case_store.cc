#include "clemency/campaign/case_store.h"

namespace clemency {

bool IsPostgresUrl(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

std::unique_ptr<CaseStore> OpenCaseStore(const std::string& db, bool create, std::string* error) {
  if (IsPostgresUrl(db)) return OpenPostgresStore(db, error);
  return OpenSqliteStore(db, create, error);
}

}  // namespace clemency
