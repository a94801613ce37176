// The SQLite store: one file, WAL journal (readers never block the writer),
// synchronous=FULL (a committed transaction survives a crash of the process
// or the machine), a busy timeout so two clients wait for each other instead
// of failing, and foreign keys on. The file is created 0600 before SQLite
// opens it; SQLite gives its -wal and -shm files the database file's mode.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "clemency/campaign/case_store.h"

namespace clemency {
namespace {

constexpr int kBusyTimeoutMs = 30000;

// "$12" -> "?12": SQLite's numbered parameters.
std::string NumberedParams(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  return out;
}

class SqliteStore : public CaseStore {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }
  std::string_view dialect() const override { return "sqlite"; }

  std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlParam>& params) override {
    const std::string text = NumberedParams(sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, text.c_str(), static_cast<int>(text.size()), &stmt, nullptr) != SQLITE_OK)
      Throw("cannot prepare a statement");
    std::vector<SqlRow> rows;
    for (size_t i = 0; i < params.size(); ++i) Bind(stmt, static_cast<int>(i + 1), params[i]);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      const int n = sqlite3_column_count(stmt);
      SqlRow row(static_cast<size_t>(n));
      for (int c = 0; c < n; ++c)
        if (sqlite3_column_type(stmt, c) != SQLITE_NULL)
          row[static_cast<size_t>(c)] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                                    static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) Throw("a statement failed");
    return rows;
  }

  bool HasTable(std::string_view name) override {
    return !Query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1", {std::string(name)}).empty();
  }
  void Begin() override { Query("BEGIN IMMEDIATE", {}); }
  void Commit() override { Query("COMMIT", {}); }
  void Rollback() override { Query("ROLLBACK", {}); }

 private:
  void Bind(sqlite3_stmt* stmt, int i, const SqlParam& p) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<int64_t>(p)) rc = sqlite3_bind_int64(stmt, i, std::get<int64_t>(p));
    else if (std::holds_alternative<std::string>(p)) {
      const std::string& s = std::get<std::string>(p);
      rc = sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else rc = sqlite3_bind_null(stmt, i);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(stmt);
      Throw("cannot bind a parameter");
    }
  }
  // SQLite's messages name the constraint or the problem, never a value.
  [[noreturn]] void Throw(std::string_view what) {
    throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
};

// Creates path with mode 0600 when absent; false with *error.
bool CreatePrivateFile(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    *error = path + ": cannot create: " + std::strerror(errno);
    return false;
  }
  ::close(fd);
  return true;
}

}  // namespace

std::unique_ptr<CaseStore> OpenSqliteStore(const std::string& path, bool create, std::string* error) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && !create) {
    *error = path + ": no such database; create it with clemency cases init --db " + path;
    return nullptr;
  }
  if (!exists && !CreatePrivateFile(path, error)) return nullptr;
  if (exists && !std::filesystem::is_regular_file(path, ec)) {
    *error = path + ": not a regular file";
    return nullptr;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    *error = path + ": cannot open: " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto store = std::make_unique<SqliteStore>(db);
  try {
    store->Query("PRAGMA journal_mode = WAL", {});
    store->Query("PRAGMA synchronous = FULL", {});
    store->Query("PRAGMA foreign_keys = ON", {});
    store->Query("SELECT count(*) FROM sqlite_master", {});  // not a database: fails here
  } catch (const StoreError& e) {
    *error = path + ": not a usable SQLite database (" + e.what() + ")";
    return nullptr;
  }
  return store;
}

}  // namespace clemency
