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
// current_law.excess applies the California reforms of rules/reforms/CA.toml
// (Prop 36, Prop 47, SB 180, SB 1393, SB 136, SB 483's resentencing, Prop 36 of 2024, in file order), re-implemented
// from the rule file's meaning (its header is the contract).
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
// A life or open-ended term; NULL is an unknown term.
const LIFE = '1000000000000000';

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
-- Terms: days, ${LIFE} for life, NULL unknown. A removed enhancement leaves life and
-- unknown as they are; a cap applies to an unknown term too. (least and greatest skip NULLs.)
CREATE MACRO minus(x, d) AS CASE WHEN x IS NULL OR x = ${LIFE} THEN x ELSE greatest(0, x - d) END;
CREATE MACRO at_most(x, cap) AS CASE WHEN x IS NULL THEN cap ELSE least(x, cap) END;
CREATE MACRO nonneg(x) AS CASE WHEN x IS NULL THEN NULL ELSE greatest(0, x) END;
-- Catalog triad months in days, 365.25 / 12 days a month, rounded.
CREATE MACRO month_days(m) AS CAST(floor(m * 365.25 / 12 + 0.5) AS BIGINT);

COPY (
WITH RECURSIVE offenses AS (
  SELECT code, category, ';' || coalesce(flags, '') || ';' AS flags,
         CAST(triad_lower_months AS INTEGER) AS triad_lower_months,
         CAST(triad_upper_months AS INTEGER) AS triad_upper_months
  FROM read_csv(${q(offensesCsv)}, header = true, all_varchar = true)
), sentences AS (
  SELECT person_id, sentence_id, offense_code, CAST(sentence_date AS DATE) AS sentence_date, sentence_type,
         CAST(term_days AS BIGINT) AS term_days, CAST(min_term_days AS BIGINT) AS min_term_days,
         CAST(max_term_days AS BIGINT) AS max_term_days, enhancements, consecutive_to, status
  FROM read_csv(${q(dataDir + '/sentences.csv')}, header = true, all_varchar = true)
),
-- ---------------------------------------------------------------- current law
-- The sentences a reform could touch (a superset): a CA offense sentenced before the last
-- effective date whose offense code or an enhancement code a reform names.
cand AS (
  SELECT * FROM sentences
  WHERE (offense_code = 'CA' OR starts_with(offense_code, 'CA:')) AND sentence_date < DATE '2020-01-01'
    AND (offense_code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)', 'CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)',
                          'CA:PC 484e(d)', 'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)',
                          'CA:VC 10851(a)')
         OR contains(enhancements, 'CA:PC 667(e)(2)(A)=') OR contains(enhancements, 'CA:HS 11370.2=')
         OR contains(enhancements, 'CA:PC 667(a)=') OR contains(enhancements, 'CA:PC 667.5(b)='))
), law_people AS (
  SELECT DISTINCT person_id FROM cand
),
-- Enhancements "CODE=DAYS;CODE=DAYS" (a code may repeat, one item per prior): all their
-- days (Prop 36 adds them), and per code a reform names whether it is there (a 0-day
-- marker counts) and its days.
enh AS (
  SELECT person_id, sentence_id, regexp_extract(item, '^(.*)=([0-9]+)$', 1) AS code,
         CAST(regexp_extract(item, '^(.*)=([0-9]+)$', 2) AS BIGINT) AS days
  FROM (SELECT person_id, sentence_id, unnest(string_split(enhancements, ';')) AS item
        FROM cand WHERE enhancements IS NOT NULL)
), enh_sum AS (
  SELECT person_id, sentence_id, sum(days) AS total,
         bool_or(code = 'CA:PC 667(e)(2)(A)') AS has_third_strike,
         bool_or(code = 'CA:HS 11370.2') AS has_11370_2, sum(CASE WHEN code = 'CA:HS 11370.2' THEN days ELSE 0 END) AS d_11370_2,
         bool_or(code = 'CA:PC 667(a)') AS has_667a, sum(CASE WHEN code = 'CA:PC 667(a)' THEN days ELSE 0 END) AS d_667a,
         bool_or(code = 'CA:PC 667.5(b)') AS has_667_5b, sum(CASE WHEN code = 'CA:PC 667.5(b)' THEN days ELSE 0 END) AS d_667_5b
  FROM enh GROUP BY person_id, sentence_id
),
-- person_flags_none over all the person's sentences: 2 a listed flag (no relief), 1 an
-- offense not in the catalog (a range), 0 none.
person_law_flags AS (
  SELECT s.person_id,
         max(CASE WHEN o.code IS NULL THEN 1 WHEN contains(o.flags, ';super_strike;') THEN 2 ELSE 0 END) AS super_strike,
         max(CASE WHEN o.code IS NULL THEN 1
                  WHEN contains(o.flags, ';super_strike;') OR contains(o.flags, ';sex_registrable;')
                    OR contains(o.flags, ';registrant;') THEN 2 ELSE 0 END) AS prop47_excluded
  FROM sentences s SEMI JOIN law_people lp ON lp.person_id = s.person_id
  LEFT JOIN offenses o ON o.code = s.offense_code
  GROUP BY s.person_id
),
-- As imposed; an indeterminate term without maximum is life, its minimum the floor.
law0 AS (
  SELECT s.person_id, s.sentence_id, s.sentence_type, s.sentence_date, s.offense_code,
         CASE s.sentence_type WHEN 'determinate' THEN s.term_days
              WHEN 'indeterminate' THEN coalesce(s.max_term_days, ${LIFE}) ELSE ${LIFE} END AS imposed,
         CASE WHEN s.sentence_type = 'indeterminate' AND s.max_term_days IS NULL THEN s.min_term_days END AS floor,
         o.code IS NOT NULL AS known,
         contains(o.flags, ';serious_felony;') OR contains(o.flags, ';violent_felony;') AS serious_or_violent,
         o.triad_lower_months, o.triad_upper_months,
         coalesce(e.total, 0) AS enh_total, coalesce(e.has_third_strike, false) AS has_third_strike,
         coalesce(e.has_11370_2, false) AS has_11370_2, coalesce(e.d_11370_2, 0) AS d_11370_2,
         coalesce(e.has_667a, false) AS has_667a, coalesce(e.d_667a, 0) AS d_667a,
         coalesce(e.has_667_5b, false) AS has_667_5b, coalesce(e.d_667_5b, 0) AS d_667_5b,
         pf.super_strike AS person_super_strike, pf.prop47_excluded AS person_prop47_excluded
  FROM cand s
  LEFT JOIN offenses o ON o.code = s.offense_code
  LEFT JOIN enh_sum e ON e.person_id = s.person_id AND e.sentence_id = s.sentence_id
  JOIN person_law_flags pf ON pf.person_id = s.person_id
),
-- In file order; a reform is in force when effective <= as-of and reaches sentences imposed
-- before it took effect. Prop 36 (2012-11-07): a third strike (marker CA:PC 667(e)(2)(A)) on
-- a life or N-to-life term, offense neither serious nor violent, no super strike of the
-- person: twice the triad (lower to upper) plus the enhancements; not in the catalog: the
-- offense's exclusion and triad unknown (low unknown), another offense: a range up to life.
law1 AS (
  SELECT *,
         CASE WHEN p36 THEN CASE WHEN known AND triad_lower_months > 0
                                 THEN 2 * month_days(triad_lower_months) + enh_total END
              ELSE imposed END AS low1,
         CASE WHEN p36 AND known AND person_super_strike = 0 AND triad_lower_months > 0
              THEN 2 * month_days(triad_upper_months) + enh_total ELSE imposed END AS high1
  FROM (SELECT *, DATE ${q(asOf)} >= DATE '2012-11-07' AND sentence_date < DATE '2012-11-07' AND has_third_strike
                  AND sentence_type IN ('indeterminate', 'life') AND imposed = ${LIFE}
                  AND NOT coalesce(known AND serious_or_violent, false) AND person_super_strike < 2 AS p36
        FROM law0)
),
-- Prop 47 (2014-11-05), possession: at most 365 days unless the person has a super strike,
-- a registrable or registrant offense; an offense not in the catalog: a range.
law2 AS (
  SELECT *, CASE WHEN p47d THEN at_most(low1, 365) ELSE low1 END AS low2,
         CASE WHEN p47d AND person_prop47_excluded = 0 THEN at_most(high1, 365) ELSE high1 END AS high2
  FROM (SELECT *, DATE ${q(asOf)} >= DATE '2014-11-05' AND sentence_date < DATE '2014-11-05'
                  AND offense_code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)') AND person_prop47_excluded < 2 AS p47d
        FROM law1)
),
-- Prop 47 (2014-11-05), theft and the like: depends on the value: always a range.
law3 AS (
  SELECT *, CASE WHEN p47t THEN at_most(low2, 365) ELSE low2 END AS low3, high2 AS high3
  FROM (SELECT *, DATE ${q(asOf)} >= DATE '2014-11-05' AND sentence_date < DATE '2014-11-05'
                  AND offense_code IN ('CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)', 'CA:PC 484e(d)',
                                       'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)',
                                       'CA:VC 10851(a)')
                  AND person_prop47_excluded < 2 AS p47t
        FROM law2)
),
-- SB 180 (2018-01-01) removes HS 11370.2; SB 1393 (2019-01-01) lets the court strike PC
-- 667(a) (discretionary: the low end only); SB 136 (2020-01-01) removes PC 667.5(b). From
-- 2022-01-01 SB 483 reaches SB 180 and SB 136 through a resentencing that may refuse a lesser
-- term (PC 1172.75(d)(1)): the low end only. Prop 36 of 2024 (2024-12-18): with two drug
-- priors possession is a felony again, up to 1,095 days: where Prop 47 reclassified it, the
-- high end returns (at most the term imposed).
law6 AS (
  SELECT *,
         CASE WHEN sb136 THEN minus(low5, d_667_5b) ELSE low5 END AS low,
         CASE WHEN p47d AND DATE ${q(asOf)} >= DATE '2024-12-18' AND high6 IS NOT NULL AND high6 <> ${LIFE}
                   AND imposed IS NOT NULL AND imposed <> ${LIFE}
              THEN greatest(high6, least(imposed, 1095)) ELSE high6 END AS high,
         p36 OR p47d OR p47t OR sb180 OR sb1393 OR sb136 AS changed
  FROM (SELECT *, CASE WHEN sb136 AND NOT sb483 THEN minus(high5, d_667_5b) ELSE high5 END AS high6
  FROM (SELECT *, CASE WHEN sb1393 THEN minus(low4, d_667a) ELSE low4 END AS low5, high4 AS high5,
               DATE ${q(asOf)} >= DATE '2020-01-01' AND sentence_date < DATE '2020-01-01' AND has_667_5b AS sb136
        FROM (SELECT *, CASE WHEN sb180 THEN minus(low3, d_11370_2) ELSE low3 END AS low4,
                     CASE WHEN sb180 AND NOT sb483 THEN minus(high3, d_11370_2) ELSE high3 END AS high4,
                     DATE ${q(asOf)} >= DATE '2019-01-01' AND sentence_date < DATE '2019-01-01' AND has_667a AS sb1393
              FROM (SELECT *, DATE ${q(asOf)} >= DATE '2018-01-01' AND sentence_date < DATE '2018-01-01'
                              AND has_11370_2 AS sb180,
                           DATE ${q(asOf)} >= DATE '2022-01-01' AND sentence_date < DATE '2022-01-01' AS sb483
                    FROM law3))))
),
-- Per touched sentence: the range as terms (NULL for life or unknown), the guaranteed
-- excess imposed - high and the possible one imposed - low (never negative); against life:
-- 0 when current law is life, the floor of an open-ended term in the guaranteed one, else unknown.
law_cand AS (
  SELECT person_id, sentence_id, changed,
         CASE WHEN imposed <> ${LIFE} THEN imposed END AS term,
         CASE WHEN high <> ${LIFE} THEN high END AS law_high,
         CASE WHEN low <> ${LIFE} THEN low END AS law_low,
         CASE WHEN imposed IS NULL THEN NULL
              WHEN imposed <> ${LIFE} THEN CASE WHEN high IS NOT NULL AND high <> ${LIFE} THEN greatest(0, imposed - high) ELSE 0 END
              WHEN high = ${LIFE} THEN 0
              WHEN floor IS NOT NULL AND high IS NOT NULL THEN greatest(0, floor - high) END AS excess_min,
         CASE WHEN imposed IS NULL THEN NULL
              WHEN imposed <> ${LIFE} THEN nonneg(imposed - low)
              WHEN low = ${LIFE} THEN 0 END AS excess_max
  FROM law6
),
-- Every sentence of those people; untouched ones keep the term as imposed.
law AS (
  SELECT s.person_id, s.sentence_id, s.consecutive_to, s.status = 'active' AS active,
         coalesce(c.changed, false) AS changed,
         CASE WHEN c.person_id IS NOT NULL THEN c.term WHEN s.sentence_type = 'determinate' THEN s.term_days
              WHEN s.sentence_type = 'indeterminate' THEN s.max_term_days END AS term,
         CASE WHEN c.person_id IS NOT NULL THEN c.law_high WHEN s.sentence_type = 'determinate' THEN s.term_days
              WHEN s.sentence_type = 'indeterminate' THEN s.max_term_days END AS law_high,
         CASE WHEN c.person_id IS NOT NULL THEN c.law_low WHEN s.sentence_type = 'determinate' THEN s.term_days
              WHEN s.sentence_type = 'indeterminate' THEN s.max_term_days END AS law_low,
         c.excess_min, c.excess_max
  FROM sentences s SEMI JOIN law_people lp ON lp.person_id = s.person_id
  LEFT JOIN law_cand c ON c.person_id = s.person_id AND c.sentence_id = s.sentence_id
),
-- Consecutive sentences add up: each active sentence with the chain it ends.
chain(person_id, start_id, cur_id) AS (
  SELECT person_id, sentence_id, sentence_id FROM law WHERE active
  UNION ALL
  SELECT c.person_id, c.start_id, l.consecutive_to
  FROM chain c JOIN law l ON l.person_id = c.person_id AND l.sentence_id = c.cur_id
  WHERE l.consecutive_to IS NOT NULL
), chain_total AS (
  SELECT c.person_id, c.start_id,
         CASE WHEN count(l.term) = count(*) THEN sum(l.term) END AS term,
         CASE WHEN count(l.law_high) = count(*) THEN sum(l.law_high) END AS law_high,
         CASE WHEN count(l.law_low) = count(*) THEN sum(l.law_low) END AS law_low
  FROM chain c JOIN law l ON l.person_id = c.person_id AND l.sentence_id = c.cur_id
  GROUP BY c.person_id, c.start_id
), law_person AS (
  SELECT l.person_id,
         CASE WHEN count(ct.term) = count(*) THEN max(ct.term) END AS imposed_term,
         CASE WHEN count(ct.law_high) = count(*) THEN max(ct.law_high) END AS law_high,
         CASE WHEN count(ct.law_low) = count(*) THEN max(ct.law_low) END AS law_low,
         bool_or(l.changed) AS touched,
         CASE WHEN count(*) FILTER (WHERE l.changed AND l.excess_min IS NULL) = 0
              THEN max(l.excess_min) FILTER (WHERE l.changed) END AS s_excess_min,
         CASE WHEN count(*) FILTER (WHERE l.changed AND l.excess_max IS NULL) = 0
              THEN max(l.excess_max) FILTER (WHERE l.changed) END AS s_excess_max
  FROM law l JOIN chain_total ct ON ct.person_id = l.person_id AND ct.start_id = l.sentence_id
  GROUP BY l.person_id
),
-- current_law.excess: 0 when no reform touches an active sentence; from the whole terms
-- when known (a guaranteed 0 is 0 only when nothing could come off, else unknown); against a
-- life or open-ended term, the largest of a single touched sentence.
law_excess AS (
  SELECT person_id,
         CASE WHEN NOT touched THEN 0
              WHEN imposed_term IS NOT NULL AND law_high IS NOT NULL
                THEN CASE WHEN imposed_term - law_high > 0 THEN imposed_term - law_high
                          WHEN law_low IS NOT NULL AND greatest(0, imposed_term - law_low) = 0 THEN 0 END
              WHEN s_excess_min IS NULL THEN NULL
              WHEN s_excess_min > 0 THEN s_excess_min
              WHEN s_excess_max = 0 THEN 0 END AS excess
  FROM law_person
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
  FROM sentences s
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
         s.any_sex_registrable, s.any_violent_felony, s.any_lwop_death,
         CASE WHEN le.person_id IS NULL THEN 0 ELSE le.excess END AS law_excess
  FROM read_csv(${q(dataDir + '/people.csv')}, header = true, all_varchar = true) p
  LEFT JOIN per_person s USING (person_id)
  LEFT JOIN law_excess le ON le.person_id = p.person_id
), rules AS (
  SELECT person_id, birth, admission,
         plus_years(birth, ${P.min_age_years}) <= DATE ${q(asOf)} AS older,
         most_serious_category IN ('drug_possession', 'drug_distribution') AS drug,
         admission_type = 'technical_violation' AS technical_violation,
         -- current_law.excess: unknown without an active sentence.
         CASE WHEN active_n > 0 THEN law_excess END AS excess,
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
