-- redemption-2020 (default parameters) in SQLite over the canonical CSVs, for
-- the end-to-end comparison in bench/compare.sh (BENCHMARKS.md).
--   usage: cd DIR && sqlite3 < redemption_sqlite.sql
-- where DIR holds people.csv, sentences.csv, offenses.csv (the catalog export
-- of export_catalog.py) and ca_current_law.sql (tests/differential/; compare.sh
-- links them all); writes redemption_sqlite.csv there. As of 2026-01-01. An
-- in-memory database: the CSVs are imported with the CLI's .import (every column
-- TEXT, empty = ''), then sentences and offenses are typed as ca_current_law.sql
-- expects (sentences: every empty cell NULL, the term columns INTEGER; offenses:
-- flags '' when none, the triad months INTEGER).
-- current_law.excess applies the California reforms of rules/reforms/CA.toml:
-- tests/differential/ca_current_law.sql, the same file the differential test runs.
-- Computes each person's groups, exclusions, status (Kleene logic: unknown =
-- NULL), priority and rank exactly as the engine does
-- (rules/policies/redemption-2020.toml; src/clemency/screen/), and writes
-- person_id,status,groups,excluded_by,priority,rank sorted like
-- screening.csv: eligible, then needs_review, each by priority descending,
-- then not_eligible; ties and not_eligible by person_id.
.bail on
.import --csv offenses.csv offenses_raw
.import --csv sentences.csv sentences_raw
.import --csv people.csv people
CREATE TABLE offenses AS SELECT code, category, flags, CAST(triad_lower_months AS INTEGER) AS triad_lower_months,
  CAST(triad_upper_months AS INTEGER) AS triad_upper_months FROM offenses_raw;
CREATE TABLE sentences AS SELECT nullif(person_id, '') AS person_id, nullif(sentence_id, '') AS sentence_id,
  nullif(offense_code, '') AS offense_code, nullif(sentence_date, '') AS sentence_date,
  nullif(sentence_type, '') AS sentence_type,
  CAST(nullif(term_days, '') AS INTEGER) AS term_days, CAST(nullif(min_term_days, '') AS INTEGER) AS min_term_days,
  CAST(nullif(max_term_days, '') AS INTEGER) AS max_term_days, nullif(enhancements, '') AS enhancements,
  nullif(consecutive_to, '') AS consecutive_to, nullif(status, '') AS status FROM sentences_raw;
DROP TABLE sentences_raw;
CREATE INDEX offenses_code ON offenses(code);
CREATE INDEX sentences_person ON sentences(person_id, sentence_id);

-- The policy's parameters, with their default values.
CREATE TEMP TABLE params AS SELECT
  '+55 years' AS min_age,            -- SQLite's date() rolls 29 February to 1 March, as the engine does
  1 AS exclude_sex_registrable,
  0 AS exclude_violent_felony,
  1 AS exclude_lwop_death,
  3 AS max_infractions_5y,
  1.0 AS weight_age, 2.0 AS weight_excess, 1.0 AS weight_served,
  '2026-01-01' AS as_of;
CREATE TEMP TABLE as_of AS SELECT as_of AS day FROM params;

-- current_law.excess: the table law_excess (person_id, excess), a row for each person with an
-- active sentence and a sentence a reform could touch (anyone else with an active sentence: 0 days).
.read ca_current_law.sql
CREATE INDEX law_excess_person ON law_excess(person_id);

.headers on
.mode csv
.separator "," "\n"
.once redemption_sqlite.csv
WITH sentence AS (
  SELECT s.person_id,
         s.status = 'active' AS active,
         s.sentence_type,
         o.code IS NOT NULL AS in_catalog,
         CASE o.category WHEN 'violent' THEN 0 WHEN 'sex' THEN 1 WHEN 'property' THEN 2
           WHEN 'drug_distribution' THEN 3 WHEN 'drug_possession' THEN 4 WHEN 'public_order' THEN 5
           WHEN 'other' THEN 6 END AS severity,
         CASE WHEN o.code IS NOT NULL THEN instr(';' || o.flags || ';', ';sex_registrable;') > 0 END AS sex_registrable,
         CASE WHEN o.code IS NOT NULL THEN instr(';' || o.flags || ';', ';violent_felony;') > 0 END AS violent_felony
  FROM sentences s LEFT JOIN offenses o ON o.code = s.offense_code
), per_person AS (
  -- any(...) in Kleene logic: the maximum of 2 true, 1 unknown, 0 false.
  SELECT person_id,
         sum(active) AS active_n,
         min(CASE WHEN active AND in_catalog THEN severity END) AS best,
         max(active AND NOT in_catalog) AS category_unknown,
         max(CASE WHEN active AND sex_registrable THEN 2 WHEN active AND sex_registrable IS NULL THEN 1 ELSE 0 END) AS any_sex_registrable,
         max(CASE WHEN active AND violent_felony THEN 2 WHEN active AND violent_felony IS NULL THEN 1 ELSE 0 END) AS any_violent_felony,
         max(CASE WHEN active AND sentence_type IN ('lwop', 'death') THEN 2 ELSE 0 END) AS any_lwop_death
  FROM sentence GROUP BY person_id
), rules AS (
  SELECT p.person_id, p.birth_date, p.admission_date,
         date(p.birth_date, (SELECT min_age FROM params)) <= (SELECT as_of FROM params) AS older,
         CASE WHEN s.best IS NOT NULL AND (NOT s.category_unknown OR s.best = 0)
              THEN s.best IN (3, 4) END AS drug,  -- most_serious_category in [drug_distribution, drug_possession]
         CASE WHEN p.admission_type NOT IN ('', 'unknown') THEN p.admission_type = 'technical_violation' END AS technical_violation,
         -- current_law.excess: unknown without an active sentence.
         CASE WHEN coalesce(s.active_n, 0) > 0 THEN CASE WHEN le.person_id IS NULL THEN 0 ELSE le.excess END END AS excess,
         (SELECT exclude_sex_registrable FROM params)
           AND CASE coalesce(s.any_sex_registrable, 0) WHEN 2 THEN 1 WHEN 1 THEN NULL ELSE 0 END AS x_sex_registrable,
         (SELECT exclude_violent_felony FROM params)
           AND CASE coalesce(s.any_violent_felony, 0) WHEN 2 THEN 1 WHEN 1 THEN NULL ELSE 0 END AS x_violent_felony,
         (SELECT exclude_lwop_death FROM params)
           AND CASE coalesce(s.any_lwop_death, 0) WHEN 2 THEN 1 WHEN 1 THEN NULL ELSE 0 END AS x_lwop_or_death,
         CAST(nullif(p.infractions_5y, '') AS INTEGER) > (SELECT max_infractions_5y FROM params) AS x_recent_misconduct
  FROM people p LEFT JOIN per_person s USING (person_id) LEFT JOIN law_excess le ON le.person_id = p.person_id
), decided AS (
  SELECT *,
         excess > 0 AS current_law,
         (older OR drug OR technical_violation OR excess > 0)
           AND NOT x_sex_registrable AND NOT x_violent_felony AND NOT x_lwop_or_death
           AND NOT x_recent_misconduct AS ok,
         (SELECT weight_age FROM params) * ((julianday((SELECT as_of FROM params)) - julianday(birth_date)) / 365.2425)
           + (SELECT weight_excess FROM params) * (coalesce(excess, 0) / 365.2425)
           + (SELECT weight_served FROM params) * ((julianday((SELECT as_of FROM params)) - julianday(admission_date)) / 365.2425)
           AS priority
  FROM rules
), ranked AS (
  SELECT person_id,
         CASE WHEN ok THEN 'eligible' WHEN NOT ok THEN 'not_eligible' ELSE 'needs_review' END AS status,
         CASE WHEN ok THEN 0 WHEN ok IS NULL THEN 1 ELSE 2 END AS status_order,
         nullif(substr(CASE WHEN older THEN ';older' ELSE '' END || CASE WHEN drug THEN ';drug' ELSE '' END ||
                CASE WHEN technical_violation THEN ';technical_violation' ELSE '' END ||
                CASE WHEN current_law THEN ';current_law' ELSE '' END, 2), '') AS groups,
         nullif(substr(CASE WHEN x_sex_registrable THEN ';sex_registrable' ELSE '' END ||
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
ORDER BY status_order, CASE WHEN status_order < 2 THEN priority END DESC NULLS LAST, person_id;
