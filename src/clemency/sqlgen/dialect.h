// The SQL dialects `clemency sql` writes (PostgreSQL, DuckDB, BigQuery, Spark
// SQL) and the few places where they differ, as functions returning SQL text.
// Everything else the generator writes is the SQL all four share.
//
// Conventions of the generated SQL (sqlgen/README in docs/sql.md):
//   dates      BIGINT days since 1970-01-01 (NULL when unknown), converted once on load
//   durations  BIGINT days; calendar months only in constants (age >= 55 years)
//   booleans   BOOLEAN with NULL for unknown: SQL's three-valued logic is Kleene's
//   flag sets  TEXT ";a;b;" (leading and trailing ';'), tested with Contains
#ifndef CLEMENCY_SQLGEN_DIALECT_H_
#define CLEMENCY_SQLGEN_DIALECT_H_

#include <optional>
#include <string>
#include <string_view>

namespace clemency {

enum class SqlDialect { kPostgres, kDuckDb, kBigQuery, kSpark };

std::string_view DialectName(SqlDialect d);               // "postgres", "duckdb", ...
std::optional<SqlDialect> ParseDialect(std::string_view name);

struct Sql {
  SqlDialect d;

  std::string Int() const;     // the 64-bit integer type
  std::string Double() const;
  std::string Text() const;
  std::string Bool() const;
  // Integer division and remainder of non-negative integers (a, b are SQL).
  std::string IntDiv(const std::string& a, const std::string& b) const;
  std::string Mod(const std::string& a, const std::string& b) const;
  // Days since 1970-01-01 of a DATE, and the DATE of such a day count.
  std::string DayOfDate(const std::string& date) const;
  std::string DateOfDay(const std::string& days) const;
  // Parts of a DATE.
  std::string Year(const std::string& date) const;
  std::string Month(const std::string& date) const;
  std::string Day(const std::string& date) const;
  // A DATE from TEXT 'YYYY-MM-DD' or NULL (NULL gives NULL).
  std::string ParseDate(const std::string& text) const;
  // Whole calendar months from day a to day b (BIGINT days), by core/date.h's rule:
  // b >= a + N months exactly when WholeMonths(a, b) >= N.
  std::string WholeMonths(const std::string& a, const std::string& b) const;
  // Whether `needle` occurs in `haystack` (both TEXT); and a prefix test.
  std::string Contains(const std::string& haystack, const std::string& needle) const;
  std::string StartsWith(const std::string& text, std::string_view prefix) const;
  std::string MakeDate(const std::string& y, const std::string& m, const std::string& d) const;
  std::string Cast(const std::string& x, const std::string& type) const;
  // 1-based position of needle in haystack, 0 when absent.
  std::string Position(const std::string& haystack, const std::string& needle) const;
  // The first group of a regular expression's match (NULL when none).
  std::string RegexpGroup(const std::string& text, std::string_view pattern) const;
  // The FROM-clause continuation that gives one row per ';'-separated item of
  // `list` (TEXT), the item named `item`: appended after "FROM t".
  std::string ExplodeItems(const std::string& list, std::string_view item) const;
  // x ordered by bytes, whatever the database's collation.
  std::string Binary(const std::string& x) const;
  // A double as text with four decimals ("12.3457"), as screening.csv writes it.
  std::string Fixed4(const std::string& x) const;
  // A quoted string literal, and a quoted identifier.
  std::string Str(std::string_view s) const;
  std::string Ident(std::string_view s) const;
  // A number literal that reads back exactly (a double).
  std::string Num(double v) const;
  // "AS MATERIALIZED" where a CTE can be computed once rather than inlined
  // (PostgreSQL, DuckDB), else "AS": for long chains of CTEs whose columns each
  // step reads several times, which an inlining planner would expand
  // exponentially.
  std::string CteAs() const;
};

}  // namespace clemency

#endif  // CLEMENCY_SQLGEN_DIALECT_H_
