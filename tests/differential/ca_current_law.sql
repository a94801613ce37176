-- current_law.excess under the California reforms of rules/reforms/CA.toml, re-implemented
-- by hand in SQLite SQL from the rule file's meaning (its header is the contract), not from
-- the engine's code. One copy, run by both
--   tests/differential/redemption_sqlite_test.cc  before tests/differential/redemption-2020.sql
--   bench/compare/redemption_sqlite.sql           with .read (bench/compare.sh links it)
-- A change to rules/reforms/CA.toml must be carried in here.
--
-- Input tables (typed: every empty CSV cell NULL, whole-number columns INTEGER):
--   sentences  the columns of sentences.csv (DESIGN.md section 3) that are read here:
--              person_id, sentence_id, offense_code, sentence_date, sentence_type, status,
--              enhancements, consecutive_to (TEXT), term_days, min_term_days,
--              max_term_days (INTEGER); its rowid identifies a sentence
--   offenses   (code, category, flags, triad_lower_months, triad_upper_months): the CA
--              offense catalog; flags is the offense's flags joined with ';' ('' when it
--              has none, never NULL); the triad months are INTEGER, 0 when the offense has
--              no triad
--   as_of      one row: day ('YYYY-MM-DD')
-- (people is not read: the excess depends on the sentences alone.)
--
-- Output: the temporary table law_excess (person_id TEXT, excess INTEGER), one row for each
-- person with an active sentence and a sentence a reform could touch (see `cand`); excess
-- is current_law.excess in days, NULL when unknown. A person with an active sentence and
-- no row: no reform touches an active sentence, the excess is 0. A person without an
-- active sentence has no row, and the excess is unknown (no term to compare): the caller
-- decides that. Drop the table before running this again (another as_of).
CREATE TEMP TABLE law_excess AS
WITH RECURSIVE
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
                          'CA:PC 484e(d)', 'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)',
                          'CA:VC 10851(a)')
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
-- Proposition 47 (effective 2014-11-05), theft (grand theft and Vehicle Code 10851 by theft
-- included), receiving, forgery and bad checks: the same, but it depends on the value, which
-- the data does not record: always a range (only the low end falls).
law3 AS (
  SELECT *,
         CASE WHEN p47t THEN CASE WHEN low2 IS NULL THEN 365 ELSE min(low2, 365) END ELSE low2 END AS low3,
         high2 AS high3
  FROM (SELECT *,
               ca AND as_of >= '2014-11-05' AND sentence_date < '2014-11-05'
               AND offense_code IN ('CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)', 'CA:PC 484e(d)',
                                    'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)',
                                    'CA:VC 10851(a)')
               AND person_prop47_excluded < 2 AS p47t
        FROM law2)
),
-- SB 180 (effective 2018-01-01): each CA:HS 11370.2 enhancement no longer adds time. From
-- 2022-01-01 SB 483 reaches it through a resentencing at which the court may refuse a lesser
-- term (PC 1172.75(d)(1)): then only the low end falls (sb483 below).
law4 AS (
  SELECT *,
         CASE WHEN sb180 AND low3 IS NOT NULL AND low3 <> 1000000000000000 THEN max(0, low3 - d_11370_2) ELSE low3 END AS low4,
         CASE WHEN sb180 AND NOT sb483 AND high3 IS NOT NULL AND high3 <> 1000000000000000 THEN max(0, high3 - d_11370_2)
              ELSE high3 END AS high4
  FROM (SELECT *, ca AND as_of >= '2018-01-01' AND sentence_date < '2018-01-01' AND has_11370_2 AS sb180,
               as_of >= '2022-01-01' AND sentence_date < '2022-01-01' AS sb483 FROM law3)
),
-- SB 1393 (effective 2019-01-01): the court may strike each CA:PC 667(a) enhancement but
-- need not (discretionary): only the low end falls.
law5 AS (
  SELECT *,
         CASE WHEN sb1393 AND low4 IS NOT NULL AND low4 <> 1000000000000000 THEN max(0, low4 - d_667a) ELSE low4 END AS low5,
         high4 AS high5
  FROM (SELECT *, ca AND as_of >= '2019-01-01' AND sentence_date < '2019-01-01' AND has_667a AS sb1393 FROM law4)
),
-- SB 136 (effective 2020-01-01): each CA:PC 667.5(b) enhancement no longer adds time; from
-- 2022-01-01, through SB 483, only the low end falls (as for SB 180).
law6 AS (
  SELECT *,
         CASE WHEN sb136 AND low5 IS NOT NULL AND low5 <> 1000000000000000 THEN max(0, low5 - d_667_5b) ELSE low5 END AS low6,
         CASE WHEN sb136 AND NOT sb483 AND high5 IS NOT NULL AND high5 <> 1000000000000000 THEN max(0, high5 - d_667_5b)
              ELSE high5 END AS high6,
         p36 OR p47d OR p47t OR sb180 OR sb1393 OR sb136 AS changed
  FROM (SELECT *, ca AND as_of >= '2020-01-01' AND sentence_date < '2020-01-01' AND has_667_5b AS sb136 FROM law5)
),
-- Proposition 36 of 2024 (effective 2024-12-18): with two or more prior drug convictions
-- (HS 11395), possession is a felony again, up to 1,095 days: where Prop 47 reclassified a
-- possession sentence, the high end returns to the term imposed, at most 1,095 days. (Its
-- theft twin, PC 666.1, changes no number: Prop 47's theft reform is a range already.)
law7 AS (
  SELECT *, low6 AS low,
         CASE WHEN p47d AND as_of >= '2024-12-18' AND high6 IS NOT NULL AND high6 <> 1000000000000000
                   AND imposed IS NOT NULL AND imposed <> 1000000000000000
              THEN max(high6, min(imposed, 1095)) ELSE high6 END AS high
  FROM law6
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
  FROM law7
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
)
SELECT person_id, excess FROM law_excess;
