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
-- Output: (person_id, status, current_law_excess_days) for every person, status eligible |
-- needs_review | not_eligible, the excess in days or NULL when unknown, ordered by person_id.
--
-- Unknown is NULL throughout, and SQL's AND, OR, NOT, comparisons and IN are Kleene's
-- three-valued logic, as the policy language's are. A missing value is never read as
-- zero: nothing below uses COALESCE or IFNULL on a data value (only on counts and sums of
-- enhancements, where no row means none). Booleans are 0/1/NULL.
--
-- current_law.excess re-implements the California reforms of rules/reforms/CA.toml from the
-- file's meaning (its header is the contract), not from the engine's code: see the CTEs from
-- `cand` to `law_excess` below; the person facts use only law_excess.
WITH RECURSIVE
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
-- ------------------------------------------------------------------ current law
-- Terms are days; LIFE (1e15) stands for a life or open-ended term, NULL for an unknown
-- term. minus(x, d) is CASE WHEN x IS NULL OR x = 1e15 THEN x ELSE max(0, x - d) END and
-- at_most(x, cap) is CASE WHEN x IS NULL THEN cap ELSE min(x, cap) END, written out below.
--
-- The sentences a reform could touch (a superset, to keep the work small): a CA offense
-- sentenced before the last effective date, whose offense code or one of whose enhancement
-- codes a reform names.
cand AS MATERIALIZED (
  SELECT rowid AS sid, * FROM sentences
  WHERE (offense_code = 'CA' OR substr(offense_code, 1, 3) = 'CA:') AND sentence_date < '2020-01-01'
    AND (offense_code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)', 'CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)',
                          'CA:PC 484e(d)', 'CA:PC 496(a)', 'CA:PC 666(a)')
         OR instr(enhancements, 'CA:PC 667(e)(2)(A)=') > 0 OR instr(enhancements, 'CA:HS 11370.2=') > 0
         OR instr(enhancements, 'CA:PC 667(a)=') > 0 OR instr(enhancements, 'CA:PC 667.5(b)=') > 0)
),
-- Each such sentence's enhancements "CODE=DAYS;CODE=DAYS" as rows (code, days); a code may
-- occur more than once (one item per prior), and the days follow the last '='.
enh_items(sid, item, rest) AS (
  SELECT sid, NULL, enhancements || ';' FROM cand WHERE enhancements IS NOT NULL AND enhancements <> ''
  UNION ALL
  SELECT sid, substr(rest, 1, instr(rest, ';') - 1), substr(rest, instr(rest, ';') + 1)
  FROM enh_items WHERE rest <> ''
),
enh AS (
  SELECT sid,
         substr(rtrim(item, '0123456789'), 1, length(rtrim(item, '0123456789')) - 1) AS code,
         CAST(substr(item, length(rtrim(item, '0123456789')) + 1) AS INTEGER) AS days
  FROM enh_items WHERE item IS NOT NULL
),
-- Per sentence: all enhancement days (Prop 36 adds them to the doubled triad) and, for each
-- enhancement a reform names, whether the sentence carries it (a 0-day scheme marker counts)
-- and its days.
enh_sum AS (
  SELECT sid, sum(days) AS total,
         max(code = 'CA:PC 667(e)(2)(A)') AS has_third_strike,
         max(code = 'CA:HS 11370.2') AS has_11370_2, sum(CASE WHEN code = 'CA:HS 11370.2' THEN days ELSE 0 END) AS d_11370_2,
         max(code = 'CA:PC 667(a)') AS has_667a, sum(CASE WHEN code = 'CA:PC 667(a)' THEN days ELSE 0 END) AS d_667a,
         max(code = 'CA:PC 667.5(b)') AS has_667_5b, sum(CASE WHEN code = 'CA:PC 667.5(b)' THEN days ELSE 0 END) AS d_667_5b
  FROM enh GROUP BY sid
),
-- person_flags_none, over every sentence of the person (active or served) in Kleene logic:
-- 2 when a sentence in the catalog carries a listed flag (the reform does not apply), else 1
-- when an offense is not in the catalog (it may or may not: the reform becomes a range),
-- else 0.
person_law_flags AS (
  SELECT s.person_id,
         max(CASE WHEN o.code IS NULL THEN 1
                  WHEN instr(';' || o.flags || ';', ';super_strike;') > 0 THEN 2 ELSE 0 END) AS super_strike,
         max(CASE WHEN o.code IS NULL THEN 1
                  WHEN instr(';' || o.flags || ';', ';super_strike;') > 0
                    OR instr(';' || o.flags || ';', ';sex_registrable;') > 0
                    OR instr(';' || o.flags || ';', ';registrant;') > 0 THEN 2 ELSE 0 END) AS prop47_excluded
  FROM sentences s LEFT JOIN offenses o ON o.code = s.offense_code
  WHERE s.person_id IN (SELECT person_id FROM cand)
  GROUP BY s.person_id
),
-- Each sentence as imposed. A reform applies only to a sentence of its jurisdiction (the
-- offense code's prefix), only when in force on the as-of date (effective <= as-of) and only
-- to a sentence imposed before its effective date (sentenced_before's default).
law0 AS (
  SELECT s.sid, s.person_id, s.sentence_type, s.sentence_date,
         s.offense_code,
         (s.offense_code = 'CA' OR substr(s.offense_code, 1, 3) = 'CA:') AS ca,
         CASE s.sentence_type WHEN 'determinate' THEN s.term_days
              WHEN 'indeterminate' THEN coalesce(s.max_term_days, 1000000000000000)
              ELSE 1000000000000000 END AS imposed,
         -- The minimum of an indeterminate term without maximum stands in for it in the excess.
         CASE WHEN s.sentence_type = 'indeterminate' AND s.max_term_days IS NULL THEN s.min_term_days END AS floor,
         o.code IS NOT NULL AS known,
         instr(';' || o.flags || ';', ';serious_felony;') > 0 OR instr(';' || o.flags || ';', ';violent_felony;') > 0
           AS serious_or_violent,
         o.triad_lower_months, o.triad_upper_months,
         coalesce(e.total, 0) AS enh_total,
         coalesce(e.has_third_strike, 0) AS has_third_strike,
         coalesce(e.has_11370_2, 0) AS has_11370_2, coalesce(e.d_11370_2, 0) AS d_11370_2,
         coalesce(e.has_667a, 0) AS has_667a, coalesce(e.d_667a, 0) AS d_667a,
         coalesce(e.has_667_5b, 0) AS has_667_5b, coalesce(e.d_667_5b, 0) AS d_667_5b,
         pf.super_strike AS person_super_strike, pf.prop47_excluded AS person_prop47_excluded,
         a.day AS as_of
  FROM cand s
  LEFT JOIN offenses o ON o.code = s.offense_code
  LEFT JOIN enh_sum e ON e.sid = s.sid
  JOIN person_law_flags pf ON pf.person_id = s.person_id
  CROSS JOIN as_of a
),
-- Proposition 36 (effective 2012-11-07): a third strike (the 0-day marker CA:PC 667(e)(2)(A))
-- on an indeterminate or life term, imposed as life or N-to-life, for an offense neither
-- serious nor violent, no sentence of the person a super strike: twice the triad, lower to
-- upper, at 365.25 / 12 days a month (rounded), plus the sentence's enhancement days. An
-- offense not in the catalog: whether it is excluded is unknown, and its triad too (low
-- unknown, high stays life); another offense not in the catalog: a range (high stays life).
law1 AS (
  SELECT *,
         CASE WHEN p36 THEN CASE WHEN known AND triad_lower_months > 0
                                 THEN 2 * CAST(round(triad_lower_months * 365.25 / 12) AS INTEGER) + enh_total END
              ELSE imposed END AS low1,
         CASE WHEN p36 AND known AND person_super_strike = 0 AND triad_lower_months > 0
              THEN 2 * CAST(round(triad_upper_months * 365.25 / 12) AS INTEGER) + enh_total
              ELSE imposed END AS high1
  FROM (SELECT *,
               ca AND as_of >= '2012-11-07' AND sentence_date < '2012-11-07' AND has_third_strike
               AND sentence_type IN ('indeterminate', 'life') AND imposed = 1000000000000000
               AND NOT (known AND serious_or_violent) AND person_super_strike < 2 AS p36
        FROM law0)
),
-- Proposition 47 (effective 2014-11-05), drug possession: CA:HS 11350(a) and 11377(a) are
-- misdemeanors, the whole term at most 365 days, unless a sentence of the person is a super
-- strike, sex_registrable or registrant; an offense not in the catalog makes it a range.
law2 AS (
  SELECT *,
         CASE WHEN p47d THEN CASE WHEN low1 IS NULL THEN 365 ELSE min(low1, 365) END ELSE low1 END AS low2,
         CASE WHEN p47d AND person_prop47_excluded = 0
              THEN CASE WHEN high1 IS NULL THEN 365 ELSE min(high1, 365) END ELSE high1 END AS high2
  FROM (SELECT *,
               ca AND as_of >= '2014-11-05' AND sentence_date < '2014-11-05'
               AND offense_code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)') AND person_prop47_excluded < 2 AS p47d
        FROM law1)
),
-- Proposition 47 (effective 2014-11-05), theft, receiving, forgery and bad checks: the same,
-- but it depends on the value, which the data does not record: always a range (only the low
-- end falls).
law3 AS (
  SELECT *,
         CASE WHEN p47t THEN CASE WHEN low2 IS NULL THEN 365 ELSE min(low2, 365) END ELSE low2 END AS low3,
         high2 AS high3
  FROM (SELECT *,
               ca AND as_of >= '2014-11-05' AND sentence_date < '2014-11-05'
               AND offense_code IN ('CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)', 'CA:PC 484e(d)',
                                    'CA:PC 496(a)', 'CA:PC 666(a)')
               AND person_prop47_excluded < 2 AS p47t
        FROM law2)
),
-- SB 180 (effective 2018-01-01): each CA:HS 11370.2 enhancement no longer adds time.
law4 AS (
  SELECT *,
         CASE WHEN sb180 AND low3 IS NOT NULL AND low3 <> 1000000000000000 THEN max(0, low3 - d_11370_2) ELSE low3 END AS low4,
         CASE WHEN sb180 AND high3 IS NOT NULL AND high3 <> 1000000000000000 THEN max(0, high3 - d_11370_2) ELSE high3 END AS high4
  FROM (SELECT *, ca AND as_of >= '2018-01-01' AND sentence_date < '2018-01-01' AND has_11370_2 AS sb180 FROM law3)
),
-- SB 1393 (effective 2019-01-01): the court may strike each CA:PC 667(a) enhancement but
-- need not (discretionary): only the low end falls.
law5 AS (
  SELECT *,
         CASE WHEN sb1393 AND low4 IS NOT NULL AND low4 <> 1000000000000000 THEN max(0, low4 - d_667a) ELSE low4 END AS low5,
         high4 AS high5
  FROM (SELECT *, ca AND as_of >= '2019-01-01' AND sentence_date < '2019-01-01' AND has_667a AS sb1393 FROM law4)
),
-- SB 136 (effective 2020-01-01): each CA:PC 667.5(b) enhancement no longer adds time.
-- (SB 483 only opens a court remedy for SB 180 and SB 136: no effect on the term.)
law6 AS (
  SELECT *,
         CASE WHEN sb136 AND low5 IS NOT NULL AND low5 <> 1000000000000000 THEN max(0, low5 - d_667_5b) ELSE low5 END AS low,
         CASE WHEN sb136 AND high5 IS NOT NULL AND high5 <> 1000000000000000 THEN max(0, high5 - d_667_5b) ELSE high5 END AS high,
         p36 OR p47d OR p47t OR sb180 OR sb1393 OR sb136 AS changed
  FROM (SELECT *, ca AND as_of >= '2020-01-01' AND sentence_date < '2020-01-01' AND has_667_5b AS sb136 FROM law5)
),
-- Per sentence: the term as imposed, the current-law range [low, high] as terms in days
-- (NULL for life or unknown), and for a sentence a reform touched the guaranteed excess
-- (imposed - high) and the largest possible one (imposed - low), never negative. Against a
-- life term: 0 when current law is life too; the minimum term of an open-ended indeterminate
-- term stands in for it in the guaranteed excess; otherwise unknown.
law_cand AS (
  SELECT sid, changed, imposed, floor, low, high,
         CASE WHEN imposed <> 1000000000000000 THEN imposed END AS term,
         CASE WHEN high <> 1000000000000000 THEN high END AS law_high,
         CASE WHEN low <> 1000000000000000 THEN low END AS law_low,
         CASE WHEN NOT changed THEN 0
              WHEN imposed IS NULL THEN NULL
              WHEN imposed <> 1000000000000000
                THEN CASE WHEN high IS NOT NULL AND high <> 1000000000000000 THEN max(0, imposed - high) ELSE 0 END
              WHEN high = 1000000000000000 THEN 0
              WHEN floor IS NOT NULL AND high IS NOT NULL THEN max(0, floor - high)
         END AS excess_min,
         CASE WHEN NOT changed THEN 0
              WHEN imposed IS NULL THEN NULL
              WHEN imposed <> 1000000000000000 THEN CASE WHEN low IS NOT NULL THEN max(0, imposed - low) END
              WHEN low = 1000000000000000 THEN 0
         END AS excess_max
  FROM law6
),
-- Every sentence of a person with a candidate (for everyone else no reform touches an
-- active sentence: the excess is 0): untouched ones keep their term as imposed (a life term
-- is NULL).
law_people AS MATERIALIZED (SELECT DISTINCT person_id FROM cand),
law AS MATERIALIZED (
  SELECT s.rowid AS sid, s.person_id,
         coalesce(c.changed, 0) AS changed,
         CASE WHEN c.sid IS NOT NULL THEN c.term
              WHEN s.sentence_type = 'determinate' THEN s.term_days
              WHEN s.sentence_type = 'indeterminate' THEN s.max_term_days END AS term,
         CASE WHEN c.sid IS NOT NULL THEN c.law_high
              WHEN s.sentence_type = 'determinate' THEN s.term_days
              WHEN s.sentence_type = 'indeterminate' THEN s.max_term_days END AS law_high,
         CASE WHEN c.sid IS NOT NULL THEN c.law_low
              WHEN s.sentence_type = 'determinate' THEN s.term_days
              WHEN s.sentence_type = 'indeterminate' THEN s.max_term_days END AS law_low,
         c.excess_min, c.excess_max
  FROM sentences s LEFT JOIN law_cand c ON c.sid = s.rowid
  WHERE s.person_id IN law_people
),
-- A sentence consecutive to another adds to it: each active sentence with the chain it
-- ends (itself, the one it follows, and so on).
chain(start, cur) AS (
  SELECT s.rowid, s.rowid FROM sentences s WHERE s.status = 'active' AND s.person_id IN law_people
  UNION ALL
  SELECT c.start, n.rowid
  FROM chain c JOIN sentences cs ON cs.rowid = c.cur
  JOIN sentences n ON n.person_id = cs.person_id AND n.sentence_id = cs.consecutive_to
),
-- Per active sentence: the chain's imposed and current-law totals, unknown when a term in it is.
chain_total AS (
  SELECT c.start,
         CASE WHEN count(l.term) = count(*) THEN sum(l.term) END AS term,
         CASE WHEN count(l.law_high) = count(*) THEN sum(l.law_high) END AS law_high,
         CASE WHEN count(l.law_low) = count(*) THEN sum(l.law_low) END AS law_low
  FROM chain c JOIN law l ON l.sid = c.cur
  GROUP BY c.start
),
-- Per person with an active sentence: the longest chain as imposed and under current law
-- (unknown when one chain is), whether a reform touched an active sentence, and the largest
-- guaranteed and possible excess of a single touched active sentence (unknown when one is).
law_person AS (
  SELECT l.person_id,
         CASE WHEN count(ct.term) = count(*) THEN max(ct.term) END AS imposed_term,
         CASE WHEN count(ct.law_high) = count(*) THEN max(ct.law_high) END AS law_high,
         CASE WHEN count(ct.law_low) = count(*) THEN max(ct.law_low) END AS law_low,
         max(l.changed) AS touched,
         CASE WHEN sum(l.changed AND l.excess_min IS NULL) = 0 THEN max(CASE WHEN l.changed THEN l.excess_min END) END
           AS s_excess_min,
         CASE WHEN sum(l.changed AND l.excess_max IS NULL) = 0 THEN max(CASE WHEN l.changed THEN l.excess_max END) END
           AS s_excess_max
  FROM law l JOIN chain_total ct ON ct.start = l.sid
  GROUP BY l.person_id
),
-- current_law.excess, the excess the law guarantees: 0 when no reform touches an active
-- sentence; from the whole terms when they are known (imposed - current law, never
-- negative); otherwise (a life or open-ended term) the largest of a single touched
-- sentence. A guaranteed excess of 0 is 0 only when nothing could be taken off at all (the
-- possible excess is 0 too), else unknown.
law_excess AS (
  SELECT person_id,
         CASE WHEN NOT touched THEN 0
              WHEN imposed_term IS NOT NULL AND law_high IS NOT NULL
                THEN CASE WHEN imposed_term - law_high > 0 THEN imposed_term - law_high
                          WHEN law_low IS NOT NULL AND max(0, imposed_term - law_low) = 0 THEN 0 END
              WHEN s_excess_min IS NULL THEN NULL
              WHEN s_excess_min > 0 THEN s_excess_min
              WHEN s_excess_max = 0 THEN 0
         END AS excess
  FROM law_person
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
