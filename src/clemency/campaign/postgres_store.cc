// The PostgreSQL store, on libpq. The URL goes to libpq as the user gave it,
// so sslmode, sslrootcert and every other connection setting in it (or in
// PG* environment variables) apply. Server notices are not printed, and an
// error message keeps the server's primary message and SQLSTATE only: the
// DETAIL line can quote a row's values (a person's id), so it is dropped.
#include <libpq-fe.h>

#include "clemency/campaign/case_store.h"

namespace clemency {
namespace {

// Any constant: the advisory lock every writer of a cases database takes.
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(4242015)";

void IgnoreNotice(void*, const char*) {}

class PostgresStore : public CaseStore {
 public:
  explicit PostgresStore(PGconn* conn) : conn_(conn) {}
  ~PostgresStore() override { PQfinish(conn_); }
  std::string_view dialect() const override { return "postgres"; }

  std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlParam>& params) override {
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<int64_t>(params[i])) text[i] = std::to_string(std::get<int64_t>(params[i]));
      else if (std::holds_alternative<std::string>(params[i])) text[i] = std::get<std::string>(params[i]);
      else continue;
      values[i] = text[i].c_str();
    }
    const std::string statement(sql);
    PGresult* res = PQexecParams(conn_, statement.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0);
    const ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
      const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
      std::string message = primary != nullptr ? primary : PQerrorMessage(conn_);
      if (state != nullptr) message += std::string(" (SQLSTATE ") + state + ")";
      PQclear(res);
      throw StoreError("PostgreSQL: " + message);
    }
    std::vector<SqlRow> rows(static_cast<size_t>(PQntuples(res)));
    const int cols = PQnfields(res);
    for (int r = 0; r < PQntuples(res); ++r) {
      rows[static_cast<size_t>(r)].resize(static_cast<size_t>(cols));
      for (int c = 0; c < cols; ++c)
        if (!PQgetisnull(res, r, c))
          rows[static_cast<size_t>(r)][static_cast<size_t>(c)] =
              std::string(PQgetvalue(res, r, c), static_cast<size_t>(PQgetlength(res, r, c)));
    }
    PQclear(res);
    return rows;
  }

  bool HasTable(std::string_view name) override {
    const auto rows = Query("SELECT to_regclass($1) IS NOT NULL", {std::string(name)});
    return rows.at(0).at(0).value_or("") == "t";
  }
  void Begin() override {
    Query("BEGIN", {});
    Query(kWriterLock, {});
  }
  void Commit() override { Query("COMMIT", {}); }
  void Rollback() override { Query("ROLLBACK", {}); }

 private:
  PGconn* conn_;
};

}  // namespace

std::unique_ptr<CaseStore> OpenPostgresStore(const std::string& url, std::string* error) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    // libpq's message names the host and the reason, never the password.
    std::string message = conn != nullptr ? PQerrorMessage(conn) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    *error = "cannot connect to PostgreSQL: " + message;
    PQfinish(conn);
    return nullptr;
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto store = std::make_unique<PostgresStore>(conn);
  try {
    store->Query("SET client_min_messages = warning", {});
  } catch (const StoreError& e) {
    *error = e.what();
    return nullptr;
  }
  return store;
}

}  // namespace clemency
