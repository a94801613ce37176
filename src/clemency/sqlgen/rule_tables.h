// The rule tables `clemency sql` writes beside screen.sql, and the script
// loads: the offense catalogs as a crosswalk from every offense code (and,
// where only a description pattern resolves it, description) in the data to
// its catalog entry, the enhancement codes to the catalog's, and the
// jurisdictions' clemency and voting facts. Each is a CSV file of text
// cells, an empty cell NULL.
#ifndef CLEMENCY_SQLGEN_RULE_TABLES_H_
#define CLEMENCY_SQLGEN_RULE_TABLES_H_

#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/core/population.h"
#include "clemency/law/law_refs.h"

namespace clemency {

struct RuleTable {
  std::string name;                       // the table's name, and NAME.csv
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::string meaning;                    // one line, for the script's header
};

// offense_codes, enhancement_codes, jurisdictions.
std::vector<RuleTable> BuildRuleTables(const Population& pop, const LawRefs& law, Date as_of);

// The table as CSV (RFC 4180, a header row).
std::string RuleTableCsv(const RuleTable& t);

}  // namespace clemency

#endif  // CLEMENCY_SQLGEN_RULE_TABLES_H_
