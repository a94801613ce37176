// A policy compiled to one SQL script (`clemency sql`): it loads the
// population folder's people.csv and sentences.csv and the rule tables
// written beside it, computes every person's status, groups, exclusions,
// priority, rank and current-law excess as `clemency screen` does, and writes
// screening.csv with those columns. The generator needs the data itself only
// for the file headers, the crosswalk of its offense codes to the catalog
// (sqlgen/rule_tables.h) and the length of its longest consecutive chain.
#ifndef CLEMENCY_SQLGEN_SCREEN_SQL_H_
#define CLEMENCY_SQLGEN_SCREEN_SQL_H_

#include <map>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/population.h"
#include "clemency/law/law_refs.h"
#include "clemency/policy/policy.h"
#include "clemency/sqlgen/dialect.h"
#include "clemency/sqlgen/rule_tables.h"

namespace clemency {

struct ScreenSqlInputs {
  SqlDialect dialect = SqlDialect::kPostgres;
  const Policy* policy = nullptr;
  std::string policy_hash;
  const Population* pop = nullptr;
  const LawRefs* law = nullptr;
  Date as_of;
  std::string data_dir;    // where people.csv and sentences.csv are, as the script names them
  std::string tables_dir;  // where the rule tables are
  std::string output;      // screening.csv (a directory for Spark, a URI prefix for BigQuery)
  std::vector<std::string> people_header, sentences_header;  // the files' header cells
  std::string generator;   // "clemency 0.1.0"
};

struct ScreenSql {
  std::string script;
  std::vector<RuleTable> tables;
};

// Throws SqlUnsupported (sqlgen/sql_expr.h) for what SQL cannot say as the engine does.
ScreenSql CompileScreenSql(const ScreenSqlInputs& in);

// The columns screening.csv gets from the script, in order.
inline constexpr const char* kSqlScreeningColumns[] = {"person_id", "status",   "groups", "excluded_by",
                                                       "priority",  "rank", "current_law_excess_days"};

}  // namespace clemency

#endif  // CLEMENCY_SQLGEN_SCREEN_SQL_H_
