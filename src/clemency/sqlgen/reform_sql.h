// PLACEHOLDER until the reforms compiler lands (branch reformsql): no reform
// is applied, law_out is empty.
#ifndef CLEMENCY_SQLGEN_REFORM_SQL_H_
#define CLEMENCY_SQLGEN_REFORM_SQL_H_

#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/law/law_refs.h"
#include "clemency/sqlgen/dialect.h"

namespace clemency {

inline std::string ReformCtesOf(const Sql& sql, const LawRefs&, Date) {
  return "law_out AS (SELECT sid, CAST(NULL AS " + sql.Int() + ") AS high, CAST(NULL AS " + sql.Int() +
         ") AS low, CAST(NULL AS " + sql.Int() + ") AS excess_min, CAST(NULL AS " + sql.Int() +
         ") AS excess_max, CAST(NULL AS " + sql.Text() + ") AS remedy, FALSE AS reclassified FROM law_sentences WHERE 1 = 0)";
}

}  // namespace clemency

#endif
