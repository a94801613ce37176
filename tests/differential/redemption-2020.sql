-- rules/policies/redemption-2020.toml translated by hand into SQLite SQL, for the
-- differential test of issue 3 (tests/differential/redemption_sqlite_test.cc).
--
-- Input tables (filled by the test):
--   people     the columns of people.csv (DESIGN.md section 3); empty cells are NULL
--   sentences  the columns of sentences.csv; empty cells are NULL
--   offenses   (code, category, flags, triad_lower_months, triad_upper_months): the CA
--              offense catalog; flags is the offense's flags joined with ';' ('' when it has
--              none); the triad months are 0 when the offense has no triad
--   params     one row: min_age_years, exclude_sex_registrable, exclude_violent_felony,
--              exclude_lwop_death (0/1), max_infractions_5y
--   as_of      one row: day ('YYYY-MM-DD')
--   law_excess (person_id, excess): current_law.excess under the California reforms, made by
--              tests/differential/ca_current_law.sql over the tables above (its header says
--              which people have a row), run by the test before this query
-- Output: (person_id, status, current_law_excess_days) for every person, status eligible |
-- needs_review | not_eligible, the excess in days or NULL when unknown, ordered by person_id.
--
-- Unknown is NULL throughout, and SQL's AND, OR, NOT, comparisons and IN are Kleene's
-- three-valued logic, as the policy language's are. A missing value is never read as
-- zero: nothing below uses COALESCE or IFNULL on a data value (only on counts and sums of
-- enhancements, where no row means none). Booleans are 0/1/NULL.
--
-- current_law.excess re-implements the California reforms of rules/reforms/CA.toml from the
-- file's meaning (its header is the contract), not from the engine's code: see
-- tests/differential/ca_current_law.sql; the person facts use only its table law_excess.
WITH
-- Categories from most to least serious (most_serious_category).
severity(category, rank) AS (
  VALUES ('violent', 0), ('sex', 1), ('property', 2), ('drug_distribution', 3),
         ('drug_possession', 4), ('public_order', 5), ('other', 6)
),
-- One row per sentence with its sentence facts. An offense code that is not in the
-- catalog has an unknown category and unknown flags (NULL), not an empty set.
sent AS (
  SELECT s.person_id,
         s.status = 'active' AS active,                              -- s.active
         s.sentence_type IN ('lwop', 'death') AS lwop_or_death,      -- s.type in [...]
         o.code IS NOT NULL AS in_catalog,
         sev.rank AS severity,
         CASE WHEN o.code IS NULL THEN NULL
              ELSE instr(';' || o.flags || ';', ';sex_registrable;') > 0 END AS sex_registrable,
         CASE WHEN o.code IS NULL THEN NULL
              ELSE instr(';' || o.flags || ';', ';violent_felony;') > 0 END AS violent_felony
  FROM sentences AS s
  LEFT JOIN offenses AS o ON o.code = s.offense_code
  LEFT JOIN severity AS sev ON sev.category = o.category
),
-- Per person with at least one sentence. any(x) is Kleene OR over the person's
-- sentences: true if one is true, else unknown if one is unknown, else false.
per_person AS (
  SELECT person_id,
         SUM(active IS TRUE) AS n_active,
         SUM(active IS TRUE AND NOT in_catalog) AS n_active_not_in_catalog,
         MIN(CASE WHEN active IS TRUE AND in_catalog THEN severity END) AS best_known_severity,
         CASE WHEN SUM((active AND sex_registrable) IS TRUE) > 0 THEN 1
              WHEN SUM((active AND sex_registrable) IS NULL) > 0 THEN NULL
              ELSE 0 END AS any_active_sex_registrable,
         CASE WHEN SUM((active AND violent_felony) IS TRUE) > 0 THEN 1
              WHEN SUM((active AND violent_felony) IS NULL) > 0 THEN NULL
              ELSE 0 END AS any_active_violent_felony,
         CASE WHEN SUM((active AND lwop_or_death) IS TRUE) > 0 THEN 1
              WHEN SUM((active AND lwop_or_death) IS NULL) > 0 THEN NULL
              ELSE 0 END AS any_active_lwop_or_death
  FROM sent
  GROUP BY person_id
),
-- The person facts the policy uses.
facts AS (
  SELECT p.person_id,
         -- age >= N years: as_of on or after the Nth birthday; date(x, '+N years') rolls
         -- a 29 February into a common year forward to 1 March.
         a.day >= date(p.birth_date, '+' || prm.min_age_years || ' years') AS is_older,
         -- The category of the most serious active sentence. Unknown when the person has no
         -- active sentence, and when an active sentence's offense is not in the catalog
         -- (it could be more serious than the best known one) unless the best known one is
         -- already violent, the most serious category there is.
         CASE WHEN pp.n_active IS NULL OR pp.n_active = 0 THEN NULL
              WHEN pp.best_known_severity = 0 THEN 'violent'
              WHEN pp.n_active_not_in_catalog > 0 THEN NULL
              ELSE best.category
         END AS most_serious_category,
         -- The value 'unknown' of admission_type says the type is unknown.
         NULLIF(p.admission_type, 'unknown') AS admission_type,
         -- Without an active sentence there is no term to compare: unknown.
         -- Without a candidate sentence no reform touches an active sentence: 0.
         CASE WHEN pp.n_active > 0 THEN CASE WHEN le.person_id IS NULL THEN 0 ELSE le.excess END
              ELSE NULL END AS current_law_excess_days,
         p.infractions_5y,
         -- any() over no sentences at all is false (the identity of OR).
         CASE WHEN pp.person_id IS NULL THEN 0 ELSE pp.any_active_sex_registrable END
           AS any_active_sex_registrable,
         CASE WHEN pp.person_id IS NULL THEN 0 ELSE pp.any_active_violent_felony END
           AS any_active_violent_felony,
         CASE WHEN pp.person_id IS NULL THEN 0 ELSE pp.any_active_lwop_or_death END
           AS any_active_lwop_or_death
  FROM people AS p
  CROSS JOIN params AS prm
  CROSS JOIN as_of AS a
  LEFT JOIN per_person AS pp ON pp.person_id = p.person_id
  LEFT JOIN severity AS best ON best.rank = pp.best_known_severity
  LEFT JOIN law_excess AS le ON le.person_id = p.person_id
),
rules AS (
  SELECT f.person_id, f.current_law_excess_days,
         -- [[criteria]]
         f.is_older AS is_older,
         f.most_serious_category IN ('drug_possession', 'drug_distribution') AS drug_offense,
         f.admission_type = 'technical_violation' AS technical_violation_admission,
         f.current_law_excess_days > 0 AS shorter_under_current_law,
         -- [[exclusions]]
         (prm.exclude_sex_registrable AND f.any_active_sex_registrable) AS x_sex_registrable,
         (prm.exclude_violent_felony AND f.any_active_violent_felony) AS x_violent_felony,
         (prm.exclude_lwop_death AND f.any_active_lwop_or_death) AS x_lwop_or_death,
         f.infractions_5y > prm.max_infractions_5y AS x_recent_misconduct
  FROM facts AS f
  CROSS JOIN params AS prm
),
decision AS (
  SELECT person_id, current_law_excess_days,
         -- eligibility = "older or drug or technical_violation or current_law" (the groups
         -- are the criteria of the same names), and no exclusion may be true.
         (is_older OR drug_offense OR technical_violation_admission OR shorter_under_current_law)
           AND NOT x_sex_registrable AND NOT x_violent_felony AND NOT x_lwop_or_death
           AND NOT x_recent_misconduct AS eligible
  FROM rules
)
SELECT person_id,
       CASE WHEN eligible IS TRUE THEN 'eligible'
            WHEN eligible IS FALSE THEN 'not_eligible'
            ELSE 'needs_review' END AS status,
       current_law_excess_days
FROM decision
ORDER BY person_id;
