// The database behind `clemency cases` (docs/cases.md): one SQL connection,
// SQLite (a file, the default) or PostgreSQL (a postgresql:// URL, passed to
// libpq unchanged so its TLS settings apply). Everything above this file
// speaks the same SQL to both: parameters are written $1, $2, ...; values
// come back as text (NULL as nullopt). A write transaction is serialised
// against every other writer of the same database (SQLite: BEGIN IMMEDIATE
// with a busy timeout, in WAL mode; PostgreSQL: a transaction-scoped advisory
// lock), so reading the current state and appending to it is one atomic step.
// Errors are thrown as StoreError; their text never holds a row's values.
#ifndef CLEMENCY_CAMPAIGN_CASE_STORE_H_
#define CLEMENCY_CAMPAIGN_CASE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clemency {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A parameter: NULL, an integer or text.
using SqlParam = std::variant<std::nullptr_t, int64_t, std::string>;
using SqlRow = std::vector<std::optional<std::string>>;

class CaseStore {
 public:
  virtual ~CaseStore() = default;
  // "sqlite" or "postgres": the migrations' dialect (campaign/case_schema.h).
  virtual std::string_view dialect() const = 0;
  // One statement; its rows, each value as text. Throws StoreError.
  virtual std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlParam>& params = {}) = 0;
  virtual bool HasTable(std::string_view name) = 0;
  // A write transaction, waiting for other writers (up to a timeout).
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
};

// What --db names: a postgresql:// (or postgres://) URL, else a SQLite file.
bool IsPostgresUrl(std::string_view db);

// Opens the database. create: a SQLite file that does not exist is created,
// readable and writable by its owner only (0600); otherwise a missing file is
// an error. On failure returns null and sets *error (no password in it).
std::unique_ptr<CaseStore> OpenCaseStore(const std::string& db, bool create, std::string* error);
std::unique_ptr<CaseStore> OpenSqliteStore(const std::string& path, bool create, std::string* error);
std::unique_ptr<CaseStore> OpenPostgresStore(const std::string& url, std::string* error);

// Begin() now, Rollback() on destruction unless Commit() was called.
class StoreTransaction {
 public:
  explicit StoreTransaction(CaseStore& store) : store_(store) { store_.Begin(); }
  ~StoreTransaction() {
    if (!done_) {
      try {
        store_.Rollback();
      } catch (const StoreError&) {  // the connection is gone: nothing was committed
      }
    }
  }
  StoreTransaction(const StoreTransaction&) = delete;
  StoreTransaction& operator=(const StoreTransaction&) = delete;
  void Commit() {
    store_.Commit();
    done_ = true;
  }

 private:
  CaseStore& store_;
  bool done_ = false;
};

}  // namespace clemency

#endif  // CLEMENCY_CAMPAIGN_CASE_STORE_H_
