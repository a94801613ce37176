#include "clemency/sqlgen/dialect.h"

#include <fmt/format.h>

namespace clemency {
namespace {

using enum SqlDialect;

struct DialectRow {
  SqlDialect dialect;
  std::string_view name, int_type, double_type, text_type, bool_type;
};

// One row per dialect: its name and types.
constexpr DialectRow kDialects[] = {
    {kPostgres, "postgres", "BIGINT", "DOUBLE PRECISION", "TEXT", "BOOLEAN"},
    {kDuckDb, "duckdb", "BIGINT", "DOUBLE", "VARCHAR", "BOOLEAN"},
    {kBigQuery, "bigquery", "INT64", "FLOAT64", "STRING", "BOOL"},
    {kSpark, "spark", "BIGINT", "DOUBLE", "STRING", "BOOLEAN"},
};

const DialectRow& RowOf(SqlDialect d) { return kDialects[static_cast<size_t>(d)]; }

}  // namespace

std::string_view DialectName(SqlDialect d) { return RowOf(d).name; }

std::optional<SqlDialect> ParseDialect(std::string_view name) {
  for (const DialectRow& r : kDialects)
    if (r.name == name) return r.dialect;
  return std::nullopt;
}

std::string Sql::Int() const { return std::string(RowOf(d).int_type); }
std::string Sql::Double() const { return std::string(RowOf(d).double_type); }
std::string Sql::Text() const { return std::string(RowOf(d).text_type); }
std::string Sql::Bool() const { return std::string(RowOf(d).bool_type); }

std::string Sql::IntDiv(const std::string& a, const std::string& b) const {
  switch (d) {
    case kPostgres: return fmt::format("(({}) / ({}))", a, b);
    case kDuckDb: return fmt::format("(({}) // ({}))", a, b);
    case kBigQuery: return fmt::format("DIV({}, {})", a, b);
    case kSpark: return fmt::format("(({}) div ({}))", a, b);
  }
  return "";
}

std::string Sql::Mod(const std::string& a, const std::string& b) const {
  if (d == kBigQuery) return fmt::format("MOD({}, {})", a, b);
  return fmt::format("(({}) % ({}))", a, b);
}

std::string Sql::DayOfDate(const std::string& date) const {
  switch (d) {
    case kPostgres: return fmt::format("CAST(({}) - DATE '1970-01-01' AS BIGINT)", date);
    case kDuckDb: return fmt::format("date_diff('day', DATE '1970-01-01', {})", date);
    case kBigQuery: return fmt::format("UNIX_DATE({})", date);
    case kSpark: return fmt::format("CAST(datediff({}, DATE '1970-01-01') AS BIGINT)", date);
  }
  return "";
}

std::string Sql::DateOfDay(const std::string& days) const {
  switch (d) {
    case kPostgres:
    case kDuckDb: return fmt::format("(DATE '1970-01-01' + CAST({} AS INTEGER))", days);
    case kBigQuery: return fmt::format("DATE_FROM_UNIX_DATE({})", days);
    case kSpark: return fmt::format("date_add(DATE '1970-01-01', CAST({} AS INT))", days);
  }
  return "";
}

std::string Sql::Year(const std::string& date) const { return fmt::format("CAST(EXTRACT(YEAR FROM {}) AS {})", date, Int()); }
std::string Sql::Month(const std::string& date) const { return fmt::format("CAST(EXTRACT(MONTH FROM {}) AS {})", date, Int()); }
std::string Sql::Day(const std::string& date) const { return fmt::format("CAST(EXTRACT(DAY FROM {}) AS {})", date, Int()); }

std::string Sql::ParseDate(const std::string& text) const {
  if (d == kSpark) return fmt::format("to_date({}, 'yyyy-MM-dd')", text);
  return fmt::format("CAST({} AS DATE)", text);
}

std::string Sql::WholeMonths(const std::string& a, const std::string& b) const {
  const std::string da = DateOfDay(a), db = DateOfDay(b);
  return fmt::format("(({} * 12 + {}) - ({} * 12 + {}) - CASE WHEN {} < {} THEN 1 ELSE 0 END)", Year(db), Month(db),
                     Year(da), Month(da), Day(db), Day(da));
}

std::string Sql::Contains(const std::string& haystack, const std::string& needle) const {
  if (d == kSpark) return fmt::format("(instr({}, {}) > 0)", haystack, needle);
  return fmt::format("(strpos({}, {}) > 0)", haystack, needle);
}

std::string Sql::StartsWith(const std::string& text, std::string_view prefix) const {
  return fmt::format("(substr({}, 1, {}) = {})", text, prefix.size(), Str(prefix));
}

std::string Sql::MakeDate(const std::string& y, const std::string& m, const std::string& day) const {
  if (d == kBigQuery) return fmt::format("DATE({}, {}, {})", y, m, day);
  return fmt::format("make_date({}, {}, {})", y, m, day);
}

std::string Sql::Cast(const std::string& x, const std::string& type) const { return fmt::format("CAST({} AS {})", x, type); }

std::string Sql::Str(std::string_view s) const {
  const bool backslash = d == kBigQuery || d == kSpark;
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += backslash ? "\\'" : "''";
    else if (c == '\\' && backslash) out += "\\\\";
    else out += c;
  }
  return out + "'";
}

std::string Sql::Ident(std::string_view s) const {
  const char q = (d == kBigQuery || d == kSpark) ? '`' : '"';
  return fmt::format("{}{}{}", q, s, q);
}

std::string Sql::Num(double v) const { return Cast(fmt::format("{}", v), Double()); }

std::string Sql::Position(const std::string& haystack, const std::string& needle) const {
  if (d == kSpark) return fmt::format("instr({}, {})", haystack, needle);
  return fmt::format("strpos({}, {})", haystack, needle);
}

std::string Sql::RegexpGroup(const std::string& text, std::string_view pattern) const {
  switch (d) {
    case kPostgres: return fmt::format("substring({} from {})", text, Str(pattern));
    case kDuckDb: return fmt::format("NULLIF(regexp_extract({}, {}, 1), '')", text, Str(pattern));
    case kBigQuery: return fmt::format("REGEXP_EXTRACT({}, {})", text, Str(pattern));
    case kSpark: return fmt::format("NULLIF(regexp_extract({}, {}, 1), '')", text, Str(pattern));
  }
  return "";
}

std::string Sql::ExplodeItems(const std::string& list, std::string_view item) const {
  switch (d) {
    case kPostgres: return fmt::format("CROSS JOIN LATERAL unnest(string_to_array({}, ';')) AS items({})", list, item);
    case kDuckDb: return fmt::format(", unnest(string_split({}, ';')) AS items({})", list, item);
    case kBigQuery: return fmt::format("CROSS JOIN UNNEST(SPLIT({}, ';')) AS {}", list, item);
    case kSpark: return fmt::format("LATERAL VIEW explode(split({}, ';')) items AS {}", list, item);
  }
  return "";
}

std::string Sql::Binary(const std::string& x) const { return d == kPostgres ? x + " COLLATE \"C\"" : x; }

std::string Sql::Fixed4(const std::string& x) const {
  switch (d) {
    case kPostgres: return fmt::format("to_char({}, 'FM999999999999990.0000')", x);
    case kDuckDb: return fmt::format("printf('%.4f', {})", x);
    case kBigQuery: return fmt::format("FORMAT('%.4f', {})", x);
    case kSpark: return fmt::format("format_string('%.4f', {})", x);
  }
  return "";
}

std::string Sql::CteAs() const { return d == kPostgres || d == kDuckDb ? "AS MATERIALIZED" : "AS"; }

}  // namespace clemency
