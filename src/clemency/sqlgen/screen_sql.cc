#include "clemency/sqlgen/screen_sql.h"

#include <fmt/format.h>

#include <algorithm>

#include "clemency/io/population_loader.h"
#include "clemency/sqlgen/facts_sql.h"
#include "clemency/sqlgen/sql_expr.h"

namespace clemency {
namespace {

// Canonical column name (io/population_loader.h's HeaderKey) -> the header cell as the file has it.
std::map<std::string, std::string> Columns(const std::vector<std::string>& header) {
  std::map<std::string, std::string> out;
  for (const std::string& cell : header)
    if (std::string key = HeaderKey(cell); !key.empty()) out.emplace(std::move(key), cell);
  return out;
}

// A CSV file of text columns loaded into the table `name`.
std::string LoadCsv(const Sql& sql, const std::string& name, const std::vector<std::string>& columns,
                    const std::string& path) {
  std::string cols;
  for (const std::string& c : columns) cols += (cols.empty() ? "" : ", ") + sql.Ident(c) + " " + sql.Text();
  switch (sql.d) {
    case SqlDialect::kPostgres:
      return fmt::format("CREATE TEMP TABLE {} ({});\n\\copy {} FROM {} WITH (FORMAT csv, HEADER true)\n", name, cols, name,
                         sql.Str(path));
    case SqlDialect::kDuckDb:
      return fmt::format("CREATE TEMP TABLE {} AS SELECT * FROM read_csv({}, header = true, all_varchar = true, "
                         "delim = ',', quote = '\"', escape = '\"');\n",
                         name, sql.Str(path));
    case SqlDialect::kBigQuery:
      return fmt::format("LOAD DATA INTO TEMP TABLE {} ({})\n  FROM FILES (format = 'CSV', skip_leading_rows = 1, uris = [{}]);\n",
                         name, cols, sql.Str(path));
    case SqlDialect::kSpark:
      return fmt::format("CREATE OR REPLACE TEMPORARY VIEW {} USING csv OPTIONS (path {}, header 'true');\n", name,
                         sql.Str(path));
  }
  return "";
}

std::string Output(const Sql& sql, const std::string& select, const std::string& path) {
  switch (sql.d) {
    case SqlDialect::kPostgres:
      return fmt::format("\\copy ({}) TO {} WITH (FORMAT csv, HEADER true)\n", select, sql.Str(path));
    case SqlDialect::kDuckDb: return fmt::format("COPY ({}) TO {} (HEADER, DELIMITER ',');\n", select, sql.Str(path));
    case SqlDialect::kBigQuery:
      return fmt::format("EXPORT DATA OPTIONS (uri = {}, format = 'CSV', header = true, overwrite = true) AS\n{};\n",
                         sql.Str(path + "/screening-*.csv"), select);
    case SqlDialect::kSpark:
      return fmt::format("INSERT OVERWRITE DIRECTORY {} USING csv OPTIONS (header 'true')\n{};\n", sql.Str(path), select);
  }
  return "";
}

std::string CreateScreening(const Sql& sql, const std::string& body) {
  if (sql.d == SqlDialect::kSpark) return "CREATE OR REPLACE TEMPORARY VIEW screening AS\n" + body + ";\n";
  return "CREATE TEMP TABLE screening AS\n" + body + ";\n";
}

std::string Comment(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    out += "-- " + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

std::string Header(const ScreenSqlInputs& in, const std::vector<RuleTable>& tables) {
  const Policy& p = *in.policy;
  std::string text = fmt::format(
      "Policy {}: {}\n{}\npolicy hash (sha256 of the policy file): {}\nas of {}; dialect {}; written by {}\n\nparameters:\n",
      p.id, p.title, p.citation, in.policy_hash, in.as_of.ToString(), DialectName(in.dialect), in.generator);
  for (const PolicyParam& prm : p.params) text += fmt::format("  {} = {}\n", prm.name, prm.value.ToString());
  text += "\nrule tables, loaded from " + in.tables_dir + ":\n";
  for (const RuleTable& t : tables) text += fmt::format("  {} ({} rows): {}\n", t.name, t.rows.size(), t.meaning);
  text += "\nIt computes what `clemency screen` writes in screening.csv's columns person_id, status, groups,\n"
          "excluded_by, priority, rank and current_law_excess_days (docs/sql.md). Not here: eligible_on,\n"
          "--assume, and offense codes that are not in offense_codes (regenerate when the data gains codes).";
  return Comment(text);
}

// The rules, one CTE each (a rule reads the rules before it by column), then
// the status, groups, exclusions, priority and rank.
std::string Decide(const Sql& sql, const Policy& p, const std::vector<std::string>& rules, const std::string& eligibility,
                   const std::string& priority) {
  std::string out;
  std::string prev = "pa";
  for (size_t i = 0; i < rules.size(); ++i) {
    out += fmt::format(",\nrules_{0} AS (\n  -- {1} {2}\n  SELECT pf.*, {3} AS rule_{0} FROM {4} pf)", i,
                       RuleKindName(p.rules[i].kind), p.rules[i].id, rules[i], prev);
    prev = fmt::format("rules_{}", i);
  }
  std::string eligible = "(" + eligibility + ")", groups, excluded;
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string piece = fmt::format("CASE WHEN rule_{} THEN {} ELSE '' END", i, sql.Str(";" + p.rules[i].id));
    if (p.rules[i].kind == RuleKind::kExclusion) {
      eligible += fmt::format(" AND NOT rule_{}", i);
      excluded += (excluded.empty() ? "" : " || ") + piece;
    } else if (p.rules[i].kind == RuleKind::kGroup) {
      groups += (groups.empty() ? "" : " || ") + piece;
    }
  }
  auto joined = [](const std::string& pieces) { return pieces.empty() ? std::string("NULL") : "NULLIF(substr(" + pieces + ", 2), '')"; };
  out += fmt::format(
      ",\ndecided AS (\n  SELECT pf.person_id, {} AS eligible, {} AS priority,\n    {} AS groups,\n    {} AS excluded_by,\n"
      "    pf.current_law_excess FROM {} pf),\n"
      "ranked AS (\n  SELECT d.*, CASE WHEN eligible THEN 'eligible' WHEN NOT eligible THEN 'not_eligible' ELSE 'needs_review' END AS status,\n"
      "    ROW_NUMBER() OVER (ORDER BY CASE WHEN eligible THEN 0 WHEN NOT eligible THEN 2 ELSE 1 END,\n"
      "      CASE WHEN priority IS NULL THEN 1 ELSE 0 END, priority DESC, {}) AS place\n  FROM decided d)\n",
      eligible, priority, joined(groups), joined(excluded), prev, sql.Binary("person_id"));
  return out;
}

}  // namespace

ScreenSql CompileScreenSql(const ScreenSqlInputs& in) {
  const Sql sql{in.dialect};
  const Policy& p = *in.policy;
  std::vector<Value> params;
  for (const PolicyParam& prm : p.params) params.push_back(prm.value);
  SqlExprCompiler ex(sql, in.as_of, &params);
  std::vector<std::string> rules;
  for (const PolicyRule& r : p.rules) rules.push_back(ex.Compile(*r.expr));
  const std::string eligibility = ex.Compile(*p.eligibility.expr);
  std::string priority = ex.Compile(*p.priority.expr);
  if (p.priority.expr->type != ValueType::kNumber) priority = sql.Cast(priority, sql.Double());

  ScreenSql out;
  out.tables = BuildRuleTables(*in.pop, *in.law, in.as_of);
  FactsSqlInputs facts{sql, in.pop, in.law, in.as_of, Columns(in.people_header), Columns(in.sentences_header),
                       ex.enhancement_codes()};
  std::string aggs;
  for (size_t i = 0; i < ex.aggregates().size(); ++i) aggs += fmt::format(",\n    {} AS agg_{}", ex.aggregates()[i], i);
  std::string ag_cols;
  for (size_t i = 0; i < ex.aggregates().size(); ++i) ag_cols += fmt::format(", ag.agg_{}", i);
  std::string body = "WITH\n" + FactsCtes(facts) +
                     fmt::format(",\nag AS (\n  SELECT sf.person_id, COUNT(*) AS sentences{}\n"
                                 "  FROM sf JOIN pf ON pf.person_id = sf.person_id GROUP BY sf.person_id),\n"
                                 "pa AS (SELECT pf.*, ag.sentences{} FROM pf LEFT JOIN ag ON ag.person_id = pf.person_id)",
                                 aggs, ag_cols) +
                     Decide(sql, p, rules, eligibility, priority) +
                     fmt::format("SELECT person_id, status, groups, excluded_by, priority, "
                                 "CASE WHEN status <> 'not_eligible' THEN place ELSE NULL END AS {}, "
                                 "current_law_excess AS current_law_excess_days, place FROM ranked",
                                 sql.Ident("rank"));
  std::string script = Header(in, out.tables);
  if (in.dialect == SqlDialect::kPostgres)
    script += "\\set ON_ERROR_STOP on\n"
              "-- JIT would compile this query's hundreds of expressions for seconds, more than it saves\n"
              "-- (BENCHMARKS.md, clemency sql); delete the line to let the server decide.\n"
              "SET jit = off;\n";
  script += "\n-- The population, as the agency's files have it (text)\n";
  script += LoadCsv(sql, "people_csv", in.people_header, in.data_dir + "/people.csv");
  script += LoadCsv(sql, "sentences_csv", in.sentences_header, in.data_dir + "/sentences.csv");
  script += "\n-- The rule tables\n";
  for (const RuleTable& t : out.tables) script += LoadCsv(sql, t.name, t.columns, in.tables_dir + "/" + t.name + ".csv");
  script += "\n" + CreateScreening(sql, body) + "\n";
  const std::string select = fmt::format(
      "SELECT person_id, status, groups, excluded_by, {} AS priority, {} AS {}, current_law_excess_days FROM screening ORDER BY place",
      sql.Fixed4("priority"), sql.Ident("rank"), sql.Ident("rank"));
  script += Output(sql, select, in.output);
  out.script = std::move(script);
  return out;
}

}  // namespace clemency
