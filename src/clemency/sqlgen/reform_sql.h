// The sentencing reforms (rules/reforms/XX.toml) compiled to SQL: the same
// current-law terms as CurrentLawCalculator::Compute, for the sentences that
// ApplyReforms (screen/fact_table.cc) computes.
//
// ReformCtes returns CTE definitions, "name AS (...),\n...law_out AS (...)",
// to place inside a WITH that already defines
//   law_sentences(sid, person_id, jur, code, offense_flags, in_catalog,
//                 triad_lower_months, triad_upper_months, type, term_days,
//                 min_term_days, sentence_date, offense_date, drug_type, drug_grams)
//   law_enhancements(sid, code, days)
//   law_person_offenses(person_id, offense_flags)
// (types and meaning: docs/sql.md; dates and terms are BIGINT days, NULL
// unknown). law_out(sid BIGINT, high BIGINT, low BIGINT, excess_min BIGINT,
// excess_max BIGINT, remedy TEXT, reclassified BOOLEAN) has one row per
// sentence that some reform in force changes, of a person ApplyReforms'
// gate lets through; life is 1000000000000 days, unknown NULL. Everything
// else (the packs, the catalogs, the as-of date) is inlined as constants.
#ifndef CLEMENCY_SQLGEN_REFORM_SQL_H_
#define CLEMENCY_SQLGEN_REFORM_SQL_H_

#include <string>
#include <vector>

#include "clemency/core/date.h"
#include "clemency/law/offense_catalog.h"
#include "clemency/law/reform.h"
#include "clemency/sqlgen/dialect.h"

namespace clemency {

// One jurisdiction's reform pack and its offense catalog (null: none, so no
// sentence of it is in the calculator's catalog).
struct ReformPackSql {
  std::string jurisdiction;  // "CA": the rows of law_sentences with jur = 'CA'
  const ReformSet* reforms = nullptr;
  const OffenseCatalog* catalog = nullptr;
};

// The LIFE sentinel of the generated SQL (kLifeTerm there).
inline constexpr const char* kSqlLifeDays = "1000000000000";

std::string ReformCtes(const Sql& sql, const std::vector<ReformPackSql>& packs, Date as_of);

}  // namespace clemency

#endif  // CLEMENCY_SQLGEN_REFORM_SQL_H_
