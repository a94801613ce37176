// The facts of policy expressions (policy/facts.h) as SQL: a chain of CTEs
// from the loaded tables people_csv and sentences_csv (text, as in the
// agency's files) and the rule tables (sqlgen/rule_tables.h) to the relations
// `sf` (one row per sentence, the sentence facts) and `pf` (one row per
// person, the person facts), computed as screen/fact_table.cc computes them:
// codes qualified and resolved, consecutive chains summed, current-law terms
// from the reforms (sqlgen/reform_sql.h), the most serious category.
#ifndef CLEMENCY_SQLGEN_FACTS_SQL_H_
#define CLEMENCY_SQLGEN_FACTS_SQL_H_

#include <map>
#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/population.h"
#include "clemency/law/law_refs.h"
#include "clemency/sqlgen/dialect.h"

namespace clemency {

struct FactsSqlInputs {
  Sql sql;
  const Population* pop = nullptr;  // for the length of the longest consecutive chain
  const LawRefs* law = nullptr;
  Date as_of;
  // Canonical column name -> the header cell of the file (absent: not in the file).
  std::map<std::string, std::string> people_columns, sentence_columns;
  std::vector<std::string> enhancement_codes;  // tested with `has`: sf.enh_has_N
};

// The CTE definitions, "name AS (...)" joined by ",\n", ending with sf and pf.
std::string FactsCtes(const FactsSqlInputs& in);

}  // namespace clemency

#endif  // CLEMENCY_SQLGEN_FACTS_SQL_H_
