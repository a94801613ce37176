// redemption-2020 (default parameters) in DuckDB SQL over the canonical CSVs,
// for the end-to-end comparison in bench/compare.sh (BENCHMARKS.md).
//   usage: node redemption_duckdb.mjs DATA_DIR OFFENSES.csv OUT.csv [AS_OF]
//   DUCKDB_THREADS=N to set DuckDB's thread count (default: one per core)
// Reads people.csv, sentences.csv and the offense catalog export
// (export_catalog.py), computes each person's groups, exclusions, status
// (Kleene logic: unknown = NULL), priority and rank exactly as the engine does
// (rules/policies/redemption-2020.toml; src/clemency/screen/), and writes
// person_id,status,groups,excluded_by,priority,rank sorted like
// screening.csv: eligible, then needs_review, each by priority descending,
// then not_eligible; ties and not_eligible by person_id.
import { DuckDBInstance } from '@duckdb/node-api';

const [dataDir, offensesCsv, outCsv, asOf = '2026-01-01'] = process.argv.slice(2);
if (!outCsv) {
  console.error('usage: node redemption_duckdb.mjs DATA_DIR OFFENSES.csv OUT.csv [AS_OF]');
  process.exit(2);
}
const q = (s) => `'${s.replaceAll("'", "''")}'`;

// The policy's parameters, with their default values.
const P = {
  min_age_years: 55,
  exclude_sex_registrable: true,
  exclude_violent_felony: false,
  exclude_lwop_death: true,
  max_infractions_5y: 3,
  weight_age: 1.0,
  weight_excess: 2.0,
  weight_served: 1.0,
};
const daysPerYear = 365.2425;  // years(x) = days / (30.436875 * 12), as in the engine

const sql = `
-- The engine's date rule: adding years keeps the day of the month, and a day
-- that does not exist (29 February in a common year) rolls to 1 March.
CREATE MACRO plus_years(d, n) AS
  CASE WHEN month(d) = 2 AND day(d) = 29
        AND NOT ((year(d) + n) % 4 = 0 AND ((year(d) + n) % 100 <> 0 OR (year(d) + n) % 400 = 0))
       THEN make_date(year(d) + n, 3, 1)
       ELSE make_date(year(d) + n, month(d), day(d)) END;
-- any(...) in Kleene logic over codes 2 true, 1 unknown, 0 false.
CREATE MACRO kleene(c) AS CASE coalesce(c, 0) WHEN 2 THEN true WHEN 1 THEN NULL ELSE false END;
CREATE MACRO code3(b) AS CASE WHEN b THEN 2 WHEN b IS NULL THEN 1 ELSE 0 END;

COPY (
WITH offenses AS (
  SELECT code, category, ';' || coalesce(flags, '') || ';' AS flags
  FROM read_csv(${q(offensesCsv)}, header = true, all_varchar = true)
), sentence AS (
  SELECT s.person_id,
         s.status = 'active' AS active,
         s.sentence_type,
         o.code IS NOT NULL AS in_catalog,
         CASE o.category WHEN 'violent' THEN 0 WHEN 'sex' THEN 1 WHEN 'property' THEN 2
           WHEN 'drug_distribution' THEN 3 WHEN 'drug_possession' THEN 4 WHEN 'public_order' THEN 5
           WHEN 'other' THEN 6 END AS severity,
         CASE WHEN o.code IS NOT NULL THEN contains(o.flags, ';sex_registrable;') END AS sex_registrable,
         CASE WHEN o.code IS NOT NULL THEN contains(o.flags, ';violent_felony;') END AS violent_felony
  FROM read_csv(${q(dataDir + '/sentences.csv')}, header = true, all_varchar = true) s
  LEFT JOIN offenses o ON o.code = s.offense_code
), per_person AS (
  SELECT person_id,
         count(*) FILTER (WHERE active) AS active_n,
         min(severity) FILTER (WHERE active AND in_catalog) AS best,
         bool_or(active AND NOT in_catalog) AS category_unknown,
         max(code3(active AND sex_registrable)) AS any_sex_registrable,
         max(code3(active AND violent_felony)) AS any_violent_felony,
         max(code3(active AND sentence_type IN ('lwop', 'death'))) AS any_lwop_death
  FROM sentence GROUP BY person_id
), person AS (
  SELECT p.person_id,
         CAST(p.birth_date AS DATE) AS birth,
         CAST(p.admission_date AS DATE) AS admission,
         nullif(p.admission_type, 'unknown') AS admission_type,
         CAST(p.infractions_5y AS INTEGER) AS infractions_5y,
         coalesce(s.active_n, 0) AS active_n,
         CASE WHEN s.best IS NOT NULL AND (NOT s.category_unknown OR s.best = 0)
              THEN ['violent', 'sex', 'property', 'drug_distribution', 'drug_possession',
                    'public_order', 'other'][s.best + 1] END AS most_serious_category,
         s.any_sex_registrable, s.any_violent_felony, s.any_lwop_death
  FROM read_csv(${q(dataDir + '/people.csv')}, header = true, all_varchar = true) p
  LEFT JOIN per_person s USING (person_id)
), rules AS (
  SELECT person_id, birth, admission,
         plus_years(birth, ${P.min_age_years}) <= DATE ${q(asOf)} AS older,
         most_serious_category IN ('drug_possession', 'drug_distribution') AS drug,
         admission_type = 'technical_violation' AS technical_violation,
         -- No reforms are in the rule packs yet: current_law.excess is 0 days
         -- for a person with an active sentence, unknown for one without.
         CASE WHEN active_n > 0 THEN 0 END AS excess,
         ${P.exclude_sex_registrable} AND kleene(any_sex_registrable) AS x_sex_registrable,
         ${P.exclude_violent_felony} AND kleene(any_violent_felony) AS x_violent_felony,
         ${P.exclude_lwop_death} AND kleene(any_lwop_death) AS x_lwop_or_death,
         infractions_5y > ${P.max_infractions_5y} AS x_recent_misconduct
  FROM person
), decided AS (
  SELECT *,
         excess > 0 AS current_law,
         (older OR drug OR technical_violation OR excess > 0)
           AND NOT x_sex_registrable AND NOT x_violent_felony AND NOT x_lwop_or_death
           AND NOT x_recent_misconduct AS ok,
         ${P.weight_age}::DOUBLE * (CAST(DATE ${q(asOf)} - birth AS DOUBLE) / ${daysPerYear})
           + ${P.weight_excess}::DOUBLE * (CAST(coalesce(excess, 0) AS DOUBLE) / ${daysPerYear})
           + ${P.weight_served}::DOUBLE * (CAST(DATE ${q(asOf)} - admission AS DOUBLE) / ${daysPerYear})
           AS priority
  FROM rules
), ranked AS (
  SELECT person_id,
         CASE WHEN ok THEN 'eligible' WHEN NOT ok THEN 'not_eligible' ELSE 'needs_review' END AS status,
         CASE WHEN ok THEN 0 WHEN ok IS NULL THEN 1 ELSE 2 END AS status_order,
         nullif(substr(
           CASE WHEN older THEN ';older' ELSE '' END || CASE WHEN drug THEN ';drug' ELSE '' END ||
           CASE WHEN technical_violation THEN ';technical_violation' ELSE '' END ||
           CASE WHEN current_law THEN ';current_law' ELSE '' END, 2), '') AS groups,
         nullif(substr(
           CASE WHEN x_sex_registrable THEN ';sex_registrable' ELSE '' END ||
           CASE WHEN x_violent_felony THEN ';violent_felony' ELSE '' END ||
           CASE WHEN x_lwop_or_death THEN ';lwop_or_death' ELSE '' END ||
           CASE WHEN x_recent_misconduct THEN ';recent_misconduct' ELSE '' END, 2), '') AS excluded_by,
         priority
  FROM decided
)
SELECT person_id, status, groups, excluded_by, printf('%.4f', priority) AS priority,
       CASE WHEN status_order < 2
            THEN row_number() OVER (ORDER BY status_order, CASE WHEN status_order < 2 THEN priority END DESC NULLS LAST, person_id) END AS rank
FROM ranked
ORDER BY status_order, CASE WHEN status_order < 2 THEN priority END DESC NULLS LAST, person_id
) TO ${q(outCsv)} (HEADER, DELIMITER ',');
`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const threads = process.env.DUCKDB_THREADS;
if (threads) await connection.run(`SET threads = ${Number.parseInt(threads, 10)}`);
await connection.run(sql);
console.log(`duckdb: wrote ${outCsv}`);
