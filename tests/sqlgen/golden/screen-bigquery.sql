-- Policy redemption-2020: ACLU Redemption Campaign: categorical clemency for four groups
-- ACLU, The Redemption Campaign: Embracing Clemency (5 Aug 2020); The Crime Report and WitnessLA coverage of the launch
-- policy hash (sha256 of the policy file): 8a1b02e76eff3a5ff38a7be39085068afbe82acb6f23ec57242fe2ec300f4953
-- as of 2026-01-01; dialect bigquery; written by clemency 0.1.0
-- 
-- parameters:
--   exclude_lwop_death = true
--   exclude_sex_registrable = true
--   exclude_violent_felony = false
--   max_infractions_5y = 3
--   min_age = 60 years
--   weight_age = 1
--   weight_excess = 2
--   weight_served = 1
-- 
-- rule tables, loaded from <OUT>/tables:
--   offense_codes (39 rows): every offense code of the data (and description, where only a description pattern resolves the code) with its catalog entry: category, flags (certain, and known), and what the reforms read
--   enhancement_codes (0 rows): every enhancement code of the data with the catalog's code it stands for
--   jurisdictions (1 rows): each jurisdiction of the data: who can commute (rules/jurisdictions), when the vote returns, and whether its current-law excess is unknown for want of an encoded, reviewed reform pack
-- 
-- It computes what `clemency screen` writes in screening.csv's columns person_id, status, groups,
-- excluded_by, priority, rank and current_law_excess_days (docs/sql.md). Not here: eligible_on,
-- --assume, and offense codes that are not in offense_codes (regenerate when the data gains codes).

-- The population, as the agency's files have it (text)
LOAD DATA INTO TEMP TABLE people_csv (`person_id` STRING, `jurisdiction` STRING, `birth_date` STRING, `birth_date_precision` STRING, `sex` STRING, `race` STRING, `admission_date` STRING, `admission_type` STRING, `facility_id` STRING, `infractions_5y` STRING, `medical_high_risk` STRING)
  FROM FILES (format = 'CSV', skip_leading_rows = 1, uris = ['<DATA>/people.csv']);
LOAD DATA INTO TEMP TABLE sentences_csv (`person_id` STRING, `sentence_id` STRING, `offense_code` STRING, `offense_description` STRING, `offense_date` STRING, `sentence_date` STRING, `sentence_type` STRING, `term_days` STRING, `min_term_days` STRING, `max_term_days` STRING, `enhancements` STRING, `drug_type` STRING, `drug_grams` STRING, `consecutive_to` STRING, `status` STRING, `credits_days` STRING, `projected_release_date` STRING, `parole_eligibility_date` STRING)
  FROM FILES (format = 'CSV', skip_leading_rows = 1, uris = ['<DATA>/sentences.csv']);

-- The rule tables
LOAD DATA INTO TEMP TABLE offense_codes (`code` STRING, `description` STRING, `resolved_code` STRING, `category` STRING, `flags` STRING, `flags_known` STRING, `person_offense_flags` STRING, `law_in_catalog` STRING, `law_offense_flags` STRING, `triad_lower_months` STRING, `triad_upper_months` STRING)
  FROM FILES (format = 'CSV', skip_leading_rows = 1, uris = ['<OUT>/tables/offense_codes.csv']);
LOAD DATA INTO TEMP TABLE enhancement_codes (`code` STRING, `resolved_code` STRING)
  FROM FILES (format = 'CSV', skip_leading_rows = 1, uris = ['<OUT>/tables/enhancement_codes.csv']);
LOAD DATA INTO TEMP TABLE jurisdictions (`jurisdiction` STRING, `clemency_authority` STRING, `vote_restoration` STRING, `reforms_unknown` STRING)
  FROM FILES (format = 'CSV', skip_leading_rows = 1, uris = ['<OUT>/tables/jurisdictions.csv']);

CREATE TEMP TABLE screening AS
WITH
people_in AS (
  SELECT NULLIF(pc.`person_id`, '') AS person_id, NULLIF(pc.`jurisdiction`, '') AS jurisdiction, UNIX_DATE(CAST(NULLIF(pc.`birth_date`, '') AS DATE)) AS birth_date, UNIX_DATE(CAST(NULLIF(pc.`admission_date`, '') AS DATE)) AS admission_date,
    CASE WHEN NULLIF(pc.`admission_type`, '') = 'unknown' THEN NULL ELSE NULLIF(pc.`admission_type`, '') END AS admission_type, NULLIF(pc.`sex`, '') AS sex, NULLIF(pc.`race`, '') AS race,
    NULLIF(pc.`facility_id`, '') AS facility_id, CAST(NULLIF(pc.`infractions_5y`, '') AS INT64) AS infractions_5y,
    CASE NULLIF(pc.`medical_high_risk`, '') WHEN '1' THEN TRUE WHEN '0' THEN FALSE ELSE NULL END AS medical_high_risk
  FROM people_csv pc),
sentences_in AS (
  SELECT ROW_NUMBER() OVER (ORDER BY NULLIF(sc.`person_id`, ''), NULLIF(sc.`sentence_id`, '')) AS sid, NULLIF(sc.`person_id`, '') AS person_id, NULLIF(sc.`sentence_id`, '') AS sentence_id,
    CASE WHEN strpos(NULLIF(sc.`offense_code`, ''), ':') = 3 AND substr(NULLIF(sc.`offense_code`, ''), 1, 2) IN ('AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'US', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY') THEN NULLIF(sc.`offense_code`, '') ELSE p.jurisdiction || ':' || NULLIF(sc.`offense_code`, '') END AS code, NULLIF(sc.`offense_description`, '') AS description, NULLIF(sc.`sentence_type`, '') AS type, NULLIF(sc.`status`, '') AS status,
    CAST(NULLIF(sc.`term_days`, '') AS INT64) AS term_days, CAST(NULLIF(sc.`min_term_days`, '') AS INT64) AS min_term_days, CAST(NULLIF(sc.`max_term_days`, '') AS INT64) AS max_term_days, NULLIF(sc.`enhancements`, '') AS enhancements, NULLIF(sc.`consecutive_to`, '') AS consecutive_to,
    UNIX_DATE(CAST(NULLIF(sc.`sentence_date`, '') AS DATE)) AS sentence_date, UNIX_DATE(CAST(NULLIF(sc.`offense_date`, '') AS DATE)) AS offense_date, UNIX_DATE(CAST(NULLIF(sc.`projected_release_date`, '') AS DATE)) AS projected_release_date, UNIX_DATE(CAST(NULLIF(sc.`parole_eligibility_date`, '') AS DATE)) AS parole_eligibility_date,
    NULLIF(sc.`drug_type`, '') AS drug_type, CAST(NULLIF(sc.`drug_grams`, '') AS FLOAT64) AS drug_grams, p.jurisdiction AS person_jurisdiction
  FROM sentences_csv sc JOIN people_in p ON p.person_id = NULLIF(sc.`person_id`, '')),
enh_items AS (
  SELECT si.sid, si.person_jurisdiction, item FROM sentences_in si CROSS JOIN UNNEST(SPLIT(si.enhancements, ';')) AS item
  WHERE si.enhancements IS NOT NULL),
enh_parsed AS (
  SELECT sid, CASE WHEN strpos(raw_code, ':') = 3 AND substr(raw_code, 1, 2) IN ('AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'US', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY') THEN raw_code ELSE person_jurisdiction || ':' || raw_code END AS code, CAST(REGEXP_EXTRACT(item, '=([0-9]+)$') AS INT64) AS days FROM (SELECT sid, person_jurisdiction, REGEXP_EXTRACT(item, '^(.*)=') AS raw_code, item
    FROM enh_items) e),
enh AS (
  SELECT e.sid, COALESCE(ec.resolved_code, e.code) AS code, e.days
  FROM enh_parsed e LEFT JOIN enhancement_codes ec ON ec.code = e.code),
enh_by_sentence AS (
  SELECT sid, SUM(days) AS days
  FROM enh GROUP BY sid),
sent AS (
  SELECT si.sid, si.person_id, si.sentence_id, si.consecutive_to, si.code AS written_code,
    COALESCE(CASE WHEN od.code IS NOT NULL THEN od.resolved_code ELSE oc.resolved_code END, si.code) AS s_offense_code, NULLIF(CASE WHEN od.code IS NOT NULL THEN od.category ELSE oc.category END, '') AS s_category,
    COALESCE(CASE WHEN od.code IS NOT NULL THEN od.flags ELSE oc.flags END, ';') AS s_flags, COALESCE(CASE WHEN od.code IS NOT NULL THEN od.flags_known ELSE oc.flags_known END, ';') AS s_flags_known, NULLIF(CASE WHEN od.code IS NOT NULL THEN od.person_offense_flags ELSE oc.person_offense_flags END, '') AS person_offense_flags,
    COALESCE(CASE WHEN od.code IS NOT NULL THEN od.law_in_catalog ELSE oc.law_in_catalog END, '0') = '1' AS law_in_catalog, NULLIF(CASE WHEN od.code IS NOT NULL THEN od.law_offense_flags ELSE oc.law_offense_flags END, '') AS law_offense_flags,
    CAST(CASE WHEN od.code IS NOT NULL THEN od.triad_lower_months ELSE oc.triad_lower_months END AS INT64) AS triad_lower_months, CAST(CASE WHEN od.code IS NOT NULL THEN od.triad_upper_months ELSE oc.triad_upper_months END AS INT64) AS triad_upper_months,
    si.type AS s_type, si.status AS s_status, si.status = 'active' AS s_active,
    CASE si.type WHEN 'determinate' THEN si.term_days WHEN 'indeterminate' THEN si.max_term_days ELSE NULL END AS s_term,
    CASE WHEN si.type = 'indeterminate' THEN si.min_term_days ELSE NULL END AS s_min_term,
    si.sentence_date AS s_sentence_date, si.offense_date AS s_offense_date,
    si.projected_release_date AS s_projected_release_date, si.parole_eligibility_date AS s_parole_eligibility_date,
    si.drug_type AS s_drug_type, si.drug_grams AS s_drug_grams, COALESCE(eb.days, 0) AS s_enhancement_days
  FROM sentences_in si
  LEFT JOIN offense_codes oc ON oc.code = si.code AND oc.description IS NULL
  LEFT JOIN offense_codes od ON od.code = si.code AND od.description = si.description
  LEFT JOIN enh_by_sentence eb ON eb.sid = si.sid),
law_sentences AS (
  SELECT sid, person_id, substr(written_code, 1, 2) AS jur, s_offense_code AS code,
    law_offense_flags AS offense_flags, law_in_catalog AS in_catalog, triad_lower_months, triad_upper_months,
    s_type AS type, s_term AS term_days, s_min_term AS min_term_days, s_sentence_date AS sentence_date,
    s_offense_date AS offense_date, s_drug_type AS drug_type, s_drug_grams AS drug_grams FROM sent),
law_enhancements AS (SELECT sid, code, days FROM enh),
law_person_offenses AS (SELECT person_id, person_offense_flags AS offense_flags FROM sent),
-- The people ApplyReforms computes: one of their sentences may be touched by a reform in force
law_gate AS (
  -- CA: a sentence for an offense a reform in force names
  SELECT s.person_id FROM law_sentences s
  WHERE s.jur = 'CA' AND s.code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)', 'CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)', 'CA:PC 484e(d)', 'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)', 'CA:VC 10851(a)')
  UNION ALL
  -- CA: a sentence with an enhancement a reform in force names
  SELECT s.person_id FROM law_sentences s JOIN law_enhancements e ON e.sid = s.sid
  WHERE s.jur = 'CA' AND e.code IN ('CA:PC 667(e)(2)(A)', 'CA:HS 11370.2', 'CA:PC 667(a)', 'CA:PC 667.5(b)')
  UNION ALL
  -- US: a sentence for an offense a reform in force names
  SELECT s.person_id FROM law_sentences s
  WHERE s.jur = 'US' AND (s.code IN ('US:21 USC 841(b)(1)(A)', 'US:21 USC 841(b)(1)(B)', 'US:21 USC 844', 'US:18 USC 924(c)(1)(C)', 'US:21 USC 841(b)(1)(C)', 'US:21 USC 841(b)(1)(D)', 'US:21 USC 846', 'US:21 USC 856', 'US:21 USC 860', 'US:21 USC 963') OR (substr(s.code, 1, 13) = 'US:21 USC 960') OR (substr(s.code, 1, 3) = 'US:'))
),
-- CA: the enhancements each reform reads, per sentence
ca_enh AS (
  SELECT sid,
    MAX(CASE WHEN code IN ('CA:PC 667(e)(2)(A)') THEN 1 ELSE 0 END) AS r1_enh_any,
    MAX(CASE WHEN code IN ('CA:HS 11370.2') THEN 1 ELSE 0 END) AS r4_enh_any,
    CAST(SUM(CASE WHEN code IN ('CA:HS 11370.2') THEN days ELSE 0 END) AS INT64) AS r4_enh_days,
    MAX(CASE WHEN code IN ('CA:PC 667(a)') THEN 1 ELSE 0 END) AS r5_enh_any,
    CAST(SUM(CASE WHEN code IN ('CA:PC 667(a)') THEN days ELSE 0 END) AS INT64) AS r5_enh_days,
    MAX(CASE WHEN code IN ('CA:PC 667.5(b)') THEN 1 ELSE 0 END) AS r6_enh_any,
    CAST(SUM(CASE WHEN code IN ('CA:PC 667.5(b)') THEN days ELSE 0 END) AS INT64) AS r6_enh_days,
    CAST(SUM(days) AS INT64) AS enh_all_days
  FROM law_enhancements GROUP BY sid
),
-- CA: per person, an offense not in the catalog, and the flags person_flags_none excludes
ca_person AS (
  SELECT person_id,
    MAX(CASE WHEN offense_flags IS NULL THEN 1 ELSE 0 END) AS unknown_offense,
    MAX(CASE WHEN (strpos(offense_flags, ';super_strike;') > 0) THEN 1 ELSE 0 END) AS r1_flagged,
    MAX(CASE WHEN ((strpos(offense_flags, ';super_strike;') > 0) OR (strpos(offense_flags, ';sex_registrable;') > 0) OR (strpos(offense_flags, ';registrant;') > 0)) THEN 1 ELSE 0 END) AS r2_flagged,
    MAX(CASE WHEN ((strpos(offense_flags, ';super_strike;') > 0) OR (strpos(offense_flags, ';sex_registrable;') > 0) OR (strpos(offense_flags, ';registrant;') > 0)) THEN 1 ELSE 0 END) AS r3_flagged
  FROM law_person_offenses GROUP BY person_id
),
-- CA: the sentences of those people, as imposed (life = 1000000000000 days)
ca_in AS (
  SELECT
    s.sid,
    s.person_id,
    s.type,
    s.code,
    s.sentence_date,
    s.offense_date,
    s.drug_type,
    s.drug_grams,
    COALESCE(s.in_catalog, FALSE) AS in_catalog,
    COALESCE(s.offense_flags, ';') AS offense_flags,
    s.triad_lower_months,
    s.triad_upper_months,
    CASE s.type WHEN 'determinate' THEN s.term_days WHEN 'indeterminate' THEN COALESCE(s.term_days, 1000000000000) ELSE 1000000000000 END AS imposed,
    CASE WHEN s.type = 'indeterminate' AND s.term_days IS NULL THEN s.min_term_days END AS floor_days,
    COALESCE(e.r1_enh_any, 0) AS r1_enh_any,
    COALESCE(e.r4_enh_any, 0) AS r4_enh_any,
    COALESCE(e.r4_enh_days, 0) AS r4_enh_days,
    COALESCE(e.r5_enh_any, 0) AS r5_enh_any,
    COALESCE(e.r5_enh_days, 0) AS r5_enh_days,
    COALESCE(e.r6_enh_any, 0) AS r6_enh_any,
    COALESCE(e.r6_enh_days, 0) AS r6_enh_days,
    COALESCE(e.enh_all_days, 0) AS enh_all_days,
    COALESCE(p.unknown_offense, 0) AS unknown_offense,
    COALESCE(p.r1_flagged, 0) AS r1_flagged,
    COALESCE(p.r2_flagged, 0) AS r2_flagged,
    COALESCE(p.r3_flagged, 0) AS r3_flagged,
    CASE WHEN s.sentence_date >= 18993 /* 2022-01-01 */ THEN 'no' WHEN s.sentence_date IS NULL THEN 'unknown' ELSE 'yes' END = 'yes' AS reaches_ca_sb483_2021,  -- ca-sb483-2021 reaches the sentence's dates
    CASE WHEN s.sentence_date >= 19723 /* 2024-01-01 */ THEN 'no' WHEN s.sentence_date IS NULL THEN 'unknown' ELSE 'yes' END = 'yes' AS reaches_ca_ab600_2023  -- ca-ab600-2023 reaches the sentence's dates
  FROM law_sentences s LEFT JOIN ca_enh e ON e.sid = s.sid LEFT JOIN ca_person p ON p.person_id = s.person_id
  WHERE s.jur = 'CA' AND s.person_id IN (SELECT person_id FROM law_gate)
),
-- CA step 1/8: ca-prop36-2012, effective 2012-11-07: Proposition 36, Three Strikes Reform Act
-- Cal. Penal Code 667(e)(2)(C) and 1170.12(c)(2)(C) as amended by Proposition 36 (approved 6 Nov 2012); resentencing, PC 1170.126
-- effect: life_to_years, twice the catalog triad, plus the enhancements
--   a third strike whose current felony is neither serious nor violent is sentenced as a second strike: twice the term the offense carries (lower to upper term), instead of 25 years to life
ca_1_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15651 /* 2012-11-07 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r1_dates,
    (r1_enh_any = 1 AND type IN ('indeterminate', 'life') AND (NOT in_catalog OR NOT ((strpos(offense_flags, ';serious_felony;') > 0) OR (strpos(offense_flags, ';violent_felony;') > 0))) AND r1_flagged = 0 AND imposed = 1000000000000) AS r1_match,
    (NOT in_catalog OR unknown_offense = 1) AS r1_unsure,
    3 AS r1_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r1_opener
  FROM ca_in AS p
),
ca_1 AS (
  SELECT p.*,
    r1_dates <> 'no' AND r1_match AS r1_applied,
    (r1_dates = 'unknown' OR r1_unsure) AS r1_range,
    CASE WHEN r1_dates <> 'no' AND r1_match THEN CASE WHEN in_catalog AND triad_lower_months > 0 THEN 2 * DIV(triad_lower_months * 1461 + 24, 48) + enh_all_days END ELSE imposed END AS r1_low,
    CASE WHEN r1_dates <> 'no' AND r1_match AND NOT (r1_dates = 'unknown' OR r1_unsure) THEN CASE WHEN in_catalog AND triad_lower_months > 0 THEN 2 * DIV(triad_upper_months * 1461 + 24, 48) + enh_all_days ELSE imposed END ELSE imposed END AS r1_high
  FROM ca_1_test AS p
),
-- CA step 2/8: ca-prop47-2014-drug, effective 2014-11-05: Proposition 47: simple drug possession becomes a misdemeanor
-- Cal. Health & Safety Code 11350(a), 11377(a) as amended by Proposition 47 (approved 4 Nov 2014); resentencing, Cal. Penal Code 1170.18(a)
-- effect: reclassify, at most 365 days
--   simple possession of a controlled substance is a misdemeanor, punishable by up to one year in county jail
ca_2_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 16379 /* 2014-11-05 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r2_dates,
    (code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)') AND r2_flagged = 0) AS r2_match,
    unknown_offense = 1 AS r2_unsure,
    3 AS r2_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r2_opener
  FROM ca_1 AS p
),
ca_2 AS (
  SELECT p.*,
    r2_dates <> 'no' AND r2_match AS r2_applied,
    (r2_dates = 'unknown' OR r2_unsure) AS r2_range,
    CASE WHEN r2_dates <> 'no' AND r2_match THEN CASE WHEN r1_low IS NOT NULL AND r1_low < 365 THEN r1_low ELSE 365 END ELSE r1_low END AS r2_low,
    CASE WHEN r2_dates <> 'no' AND r2_match AND NOT (r2_dates = 'unknown' OR r2_unsure) THEN CASE WHEN r1_high IS NOT NULL AND r1_high < 365 THEN r1_high ELSE 365 END ELSE r1_high END AS r2_high,
    CASE WHEN r2_dates <> 'no' AND r2_match AND NOT (r2_dates = 'unknown' OR r2_unsure) THEN TRUE ELSE FALSE END AS r2_reclassified
  FROM ca_2_test AS p
),
-- CA step 3/8: ca-prop47-2014-theft, effective 2014-11-05: Proposition 47: theft, receiving, forgery and bad-check offenses of $950 or less become misdemeanors
-- Cal. Penal Code 459.5, 473(b), 476a(b), 490.2 (theft of property worth $950 or less is petty theft 'notwithstanding Section 487 or any other provision of law defining grand theft', quoted in People v. Thompson (2015)), 496(a), 666 as amended by Proposition 47 (approved 4 Nov 2014); resentencing, PC 1170.18(a); People v. Romanowski (2017) 2 Cal.5th 903 (PC 484e(d)); People v. Page (2017) 3 Cal.5th 1175 (VC 10851 by theft)
-- effect: reclassify, at most 365 days
--   shoplifting, theft (grand theft and vehicle theft included), receiving stolen property, forgery and bad checks of $950 or less, and petty theft with a prior, are misdemeanors punishable by up to one year in county jail
-- depends on (a range): the value of the property, money or instrument did not exceed $950 (second-degree burglary: a commercial entry to steal during business hours; Vehicle Code 10851: a taking with intent to permanently deprive the owner, not driving (People v. Page)); the data does not record it
ca_3_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 16379 /* 2014-11-05 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r3_dates,
    (code IN ('CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)', 'CA:PC 484e(d)', 'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)', 'CA:VC 10851(a)') AND r3_flagged = 0) AS r3_match,
    TRUE AS r3_unsure,
    3 AS r3_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r3_opener
  FROM ca_2 AS p
),
ca_3 AS (
  SELECT p.*,
    r3_dates <> 'no' AND r3_match AS r3_applied,
    (r3_dates = 'unknown' OR r3_unsure) AS r3_range,
    CASE WHEN r3_dates <> 'no' AND r3_match THEN CASE WHEN r2_low IS NOT NULL AND r2_low < 365 THEN r2_low ELSE 365 END ELSE r2_low END AS r3_low,
    CASE WHEN r3_dates <> 'no' AND r3_match AND NOT (r3_dates = 'unknown' OR r3_unsure) THEN CASE WHEN r2_high IS NOT NULL AND r2_high < 365 THEN r2_high ELSE 365 END ELSE r2_high END AS r3_high,
    CASE WHEN r3_dates <> 'no' AND r3_match AND NOT (r3_dates = 'unknown' OR r3_unsure) THEN TRUE ELSE r2_reclassified END AS r3_reclassified
  FROM ca_3_test AS p
),
-- CA step 4/8: ca-sb180-2017, effective 2018-01-01: SB 180: the 3-year prior drug-sale enhancement repealed except for priors involving minors
-- Cal. Health & Safety Code 11370.2 as amended by SB 180 (Stats. 2017, ch. 677)
-- effect: remove_enhancement CA:HS 11370.2
--   removes each 3-year enhancement for a prior drug-sale conviction
ca_4_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17532 /* 2018-01-01 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r4_dates,
    r4_enh_any = 1 AS r4_match,
    FALSE AS r4_unsure,
    CASE WHEN reaches_ca_sb483_2021 THEN 5 WHEN reaches_ca_ab600_2023 THEN 2 ELSE 1 END AS r4_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_ca_sb483_2021 THEN 'ca-sb483-2021' WHEN reaches_ca_ab600_2023 THEN 'ca-ab600-2023' END AS r4_opener
  FROM ca_3 AS p
),
ca_4 AS (
  SELECT p.*,
    r4_dates <> 'no' AND r4_match AS r4_applied,
    (r4_dates = 'unknown' OR r4_unsure OR r4_opener IN ('ca-sb483-2021')) AS r4_range,
    CASE WHEN r4_dates <> 'no' AND r4_match THEN CASE WHEN r3_low IS NULL OR r3_low = 1000000000000 THEN r3_low WHEN r3_low - r4_enh_days > 0 THEN r3_low - r4_enh_days ELSE 0 END ELSE r3_low END AS r4_low,
    CASE WHEN r4_dates <> 'no' AND r4_match AND NOT (r4_dates = 'unknown' OR r4_unsure OR r4_opener IN ('ca-sb483-2021')) THEN CASE WHEN r3_high IS NULL OR r3_high = 1000000000000 THEN r3_high WHEN r3_high - r4_enh_days > 0 THEN r3_high - r4_enh_days ELSE 0 END ELSE r3_high END AS r4_high
  FROM ca_4_test AS p
),
-- CA step 5/8: ca-sb1393-2018, effective 2019-01-01: SB 1393: the 5-year prior serious felony enhancement may be stricken
-- Cal. Penal Code 667(a)(1), 1385(b) as amended by SB 1393 (Stats. 2018, ch. 1013)
-- effect: remove_enhancement CA:PC 667(a) (discretionary)
--   lets the court strike each 5-year prior serious felony enhancement in the interest of justice; it need not
ca_5_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17897 /* 2019-01-01 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r5_dates,
    r5_enh_any = 1 AS r5_match,
    FALSE AS r5_unsure,
    CASE WHEN reaches_ca_ab600_2023 THEN 2 ELSE 1 END AS r5_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_ca_ab600_2023 THEN 'ca-ab600-2023' END AS r5_opener
  FROM ca_4 AS p
),
ca_5 AS (
  SELECT p.*,
    r5_dates <> 'no' AND r5_match AS r5_applied,
    TRUE AS r5_range,
    CASE WHEN r5_dates <> 'no' AND r5_match THEN CASE WHEN r4_low IS NULL OR r4_low = 1000000000000 THEN r4_low WHEN r4_low - r5_enh_days > 0 THEN r4_low - r5_enh_days ELSE 0 END ELSE r4_low END AS r5_low
  FROM ca_5_test AS p
),
-- CA step 6/8: ca-sb136-2019, effective 2020-01-01: SB 136: the 1-year prior-prison-term enhancement limited to sexually violent priors
-- Cal. Penal Code 667.5(b) as amended by SB 136 (Stats. 2019, ch. 590)
-- effect: remove_enhancement CA:PC 667.5(b)
--   removes each 1-year enhancement for a prior prison term
ca_6_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 18262 /* 2020-01-01 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r6_dates,
    r6_enh_any = 1 AS r6_match,
    FALSE AS r6_unsure,
    CASE WHEN reaches_ca_sb483_2021 THEN 5 WHEN reaches_ca_ab600_2023 THEN 2 ELSE 1 END AS r6_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_ca_sb483_2021 THEN 'ca-sb483-2021' WHEN reaches_ca_ab600_2023 THEN 'ca-ab600-2023' END AS r6_opener
  FROM ca_5 AS p
),
ca_6 AS (
  SELECT p.*,
    r6_dates <> 'no' AND r6_match AS r6_applied,
    (r6_dates = 'unknown' OR r6_unsure OR r6_opener IN ('ca-sb483-2021')) AS r6_range,
    CASE WHEN r6_dates <> 'no' AND r6_match THEN CASE WHEN r5_low IS NULL OR r5_low = 1000000000000 THEN r5_low WHEN r5_low - r6_enh_days > 0 THEN r5_low - r6_enh_days ELSE 0 END ELSE r5_low END AS r6_low,
    CASE WHEN r6_dates <> 'no' AND r6_match AND NOT (r6_dates = 'unknown' OR r6_unsure OR r6_opener IN ('ca-sb483-2021')) THEN CASE WHEN r4_high IS NULL OR r4_high = 1000000000000 THEN r4_high WHEN r4_high - r6_enh_days > 0 THEN r4_high - r6_enh_days ELSE 0 END ELSE r4_high END AS r6_high
  FROM ca_6_test AS p
),
-- CA step 7/8: ca-prop36-2024-theft, effective 2024-12-18: Proposition 36 (2024): petty theft and shoplifting with two or more prior theft convictions is a felony again
-- Cal. Penal Code 666.1(a) (Proposition 36 of 2024, in force 18 Dec 2024): with two or more prior convictions for the listed theft offenses, 'punishable by imprisonment in the county jail not exceeding one year or pursuant to subdivision (h) of Section 1170' [secondary: the text as reproduced by a law firm; the official measure text was not read]
-- effect: restore_felony of ca-prop47-2014-theft, up to 1095 days
--   with two or more prior theft convictions, the offense is again a felony under PC 1170(h) (16 months, 2 or 3 years)
-- depends on (a range): the person has two or more prior convictions for theft offenses listed in PC 666.1(a)(2) (petty and grand theft, vehicle theft, burglary, robbery, receiving, shoplifting, identity and mail theft); the data holds only this stay's sentences
ca_7_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 20075 /* 2024-12-18 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r7_dates,
    (code IN ('CA:PC 459 2nd', 'CA:PC 484e(d)', 'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)', 'CA:VC 10851(a)') AND r3_applied) AS r7_match,
    TRUE AS r7_unsure,
    0 AS r7_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r7_opener
  FROM ca_6 AS p
),
ca_7 AS (
  SELECT p.*,
    r7_dates <> 'no' AND r7_match AS r7_applied,
    (r7_dates = 'unknown' OR r7_unsure) AS r7_range,
    CASE WHEN r7_dates <> 'no' AND r7_match THEN CASE WHEN r6_high IS NULL OR r6_high = 1000000000000 OR imposed IS NULL OR imposed = 1000000000000 THEN r6_high ELSE CASE WHEN r6_high > CASE WHEN imposed < 1095 THEN imposed ELSE 1095 END THEN r6_high ELSE CASE WHEN imposed < 1095 THEN imposed ELSE 1095 END END END ELSE r6_high END AS r7_high,
    CASE WHEN r7_dates <> 'no' AND r7_match THEN FALSE ELSE r3_reclassified END AS r7_reclassified
  FROM ca_7_test AS p
),
-- CA step 8/8: ca-prop36-2024-drug, effective 2024-12-18: Proposition 36 (2024): possession with two or more prior drug convictions is a treatment-mandated felony
-- Cal. Health & Safety Code 11395 (Proposition 36 of 2024, in force 18 Dec 2024) [secondary: county district attorneys' summaries; the measure text was not read]
-- effect: restore_felony of ca-prop47-2014-drug, up to 1095 days
--   with two or more prior drug convictions, possession is again a felony under PC 1170(h) (16 months, 2 or 3 years) unless the person completes treatment
-- depends on (a range): the person has two or more prior convictions for the drug offenses HS 11395 lists and does not complete the treatment it offers; the data holds only this stay's sentences
ca_8_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 20075 /* 2024-12-18 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r8_dates,
    (code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)') AND r2_applied) AS r8_match,
    TRUE AS r8_unsure,
    0 AS r8_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r8_opener
  FROM ca_7 AS p
),
ca_8 AS (
  SELECT p.*,
    r8_dates <> 'no' AND r8_match AS r8_applied,
    (r8_dates = 'unknown' OR r8_unsure) AS r8_range,
    CASE WHEN r8_dates <> 'no' AND r8_match THEN CASE WHEN r7_high IS NULL OR r7_high = 1000000000000 OR imposed IS NULL OR imposed = 1000000000000 THEN r7_high ELSE CASE WHEN r7_high > CASE WHEN imposed < 1095 THEN imposed ELSE 1095 END THEN r7_high ELSE CASE WHEN imposed < 1095 THEN imposed ELSE 1095 END END END ELSE r7_high END AS r8_high,
    CASE WHEN r8_dates <> 'no' AND r8_match THEN FALSE ELSE r7_reclassified END AS r8_reclassified
  FROM ca_8_test AS p
),
-- CA: a full resentencing (ca-sb483-2021) reaches every other reform applied to the sentence, except those it lists:
-- the first applied reform it opened
ca_resentencing AS (
  SELECT p.*,
    CASE WHEN r4_applied AND r4_opener IN ('ca-sb483-2021') THEN r4_opener WHEN r6_applied AND r6_opener IN ('ca-sb483-2021') THEN r6_opener END AS fr_opener,
    CASE WHEN r4_applied AND r4_opener IN ('ca-sb483-2021') THEN r4_remedy WHEN r6_applied AND r6_opener IN ('ca-sb483-2021') THEN r6_remedy END AS fr_remedy
  FROM ca_8 AS p
),
ca_remedies AS (
  SELECT p.*,
    CASE WHEN fr_opener IN ('ca-sb483-2021') AND fr_remedy > r2_remedy THEN fr_remedy ELSE r2_remedy END AS r2_final_remedy,
    CASE WHEN fr_opener IN ('ca-sb483-2021') AND fr_remedy > r3_remedy THEN fr_remedy ELSE r3_remedy END AS r3_final_remedy,
    CASE WHEN fr_opener IN ('ca-sb483-2021') AND fr_remedy > r4_remedy THEN fr_remedy ELSE r4_remedy END AS r4_final_remedy,
    CASE WHEN fr_opener IN ('ca-sb483-2021') AND fr_remedy > r5_remedy THEN fr_remedy ELSE r5_remedy END AS r5_final_remedy,
    CASE WHEN fr_opener IN ('ca-sb483-2021') AND fr_remedy > r6_remedy THEN fr_remedy ELSE r6_remedy END AS r6_final_remedy
  FROM ca_resentencing AS p
),
-- CA: the sentences some reform changed: the current-law range, the excess and the remedy
ca_out AS (
  SELECT sid, r8_high AS high, r6_low AS low,
    CASE WHEN imposed IS NOT NULL AND imposed <> 1000000000000 THEN (CASE WHEN r8_high IS NOT NULL AND r8_high <> 1000000000000 THEN CASE WHEN imposed - r8_high > 0 THEN imposed - r8_high ELSE 0 END ELSE 0 END)
      WHEN imposed = 1000000000000 THEN (CASE WHEN r8_high = 1000000000000 THEN 0 WHEN floor_days IS NOT NULL AND r8_high IS NOT NULL THEN CASE WHEN floor_days - r8_high > 0 THEN floor_days - r8_high ELSE 0 END END) END AS excess_min,
    CASE WHEN imposed IS NOT NULL AND imposed <> 1000000000000 THEN (CASE WHEN r6_low IS NOT NULL THEN CASE WHEN imposed - r6_low > 0 THEN imposed - r6_low ELSE 0 END END)
      WHEN imposed = 1000000000000 AND r6_low = 1000000000000 THEN 0 END AS excess_max,
    CASE WHEN (r2_applied AND r2_final_remedy = 5) OR (r3_applied AND r3_final_remedy = 5) OR (r4_applied AND r4_final_remedy = 5) OR (r5_applied AND r5_final_remedy = 5) OR (r6_applied AND r6_final_remedy = 5) THEN 'court'
      WHEN (r1_applied AND r1_remedy = 3) OR (r2_applied AND r2_final_remedy = 3) OR (r3_applied AND r3_final_remedy = 3) THEN 'court_good_cause'
      WHEN (r4_applied AND r4_final_remedy = 2) OR (r5_applied AND r5_final_remedy = 2) OR (r6_applied AND r6_final_remedy = 2) THEN 'court_discretionary'
      WHEN (r4_applied AND r4_final_remedy = 1) OR (r5_applied AND r5_final_remedy = 1) OR (r6_applied AND r6_final_remedy = 1) THEN 'clemency' ELSE 'none' END AS remedy,
    r8_reclassified AS reclassified
  FROM ca_remedies
  WHERE r1_applied OR r2_applied OR r3_applied OR r4_applied OR r5_applied OR r6_applied OR r7_applied OR r8_applied
),
-- US: the enhancements each reform reads, per sentence
us_enh AS (
  SELECT sid,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)', 'US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r1_enh_none,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)') THEN 1 ELSE 0 END) AS r2_enh_any,
    MAX(CASE WHEN code IN ('US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r2_enh_none,
    MAX(CASE WHEN code IN ('US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r3_enh_any,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)', 'US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r4_enh_none,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)') THEN 1 ELSE 0 END) AS r5_enh_any,
    MAX(CASE WHEN code IN ('US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r5_enh_none,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)', 'US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r6_enh_none,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)', 'US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r7_enh_any,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)') THEN 1 ELSE 0 END) AS r9_enh_any,
    CAST(SUM(CASE WHEN code IN ('US:21 USC 851(1)') AND days > 1826 THEN days - 1826 ELSE 0 END) AS INT64) AS r9_enh_days,
    MAX(CASE WHEN code IN ('US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r10_enh_any,
    MAX(CASE WHEN code IN ('US:21 USC 851(1)', 'US:21 USC 851(2)') THEN 1 ELSE 0 END) AS r11_enh_any,
    MAX(CASE WHEN code IN ('US:18 USC 924(c)(1)(A)(ii) brandished', 'US:18 USC 924(c)(1)(A)(iii) discharged') THEN 1 ELSE 0 END) AS r12_enh_none,
    MAX(CASE WHEN code IN ('US:18 USC 924(c)(1)(A)(ii) brandished') THEN 1 ELSE 0 END) AS r13_enh_any,
    MAX(CASE WHEN code IN ('US:18 USC 924(c)(1)(A)(iii) discharged') THEN 1 ELSE 0 END) AS r13_enh_none,
    MAX(CASE WHEN code IN ('US:18 USC 924(c)(1)(A)(iii) discharged') THEN 1 ELSE 0 END) AS r14_enh_any,
    CAST(SUM(days) AS INT64) AS enh_all_days
  FROM law_enhancements GROUP BY sid
),
-- US: the sentences of those people, as imposed (life = 1000000000000 days)
us_in AS (
  SELECT
    s.sid,
    s.person_id,
    s.type,
    s.code,
    s.sentence_date,
    s.offense_date,
    s.drug_type,
    s.drug_grams,
    COALESCE(s.in_catalog, FALSE) AS in_catalog,
    COALESCE(s.offense_flags, ';') AS offense_flags,
    s.triad_lower_months,
    s.triad_upper_months,
    CASE s.type WHEN 'determinate' THEN s.term_days WHEN 'indeterminate' THEN COALESCE(s.term_days, 1000000000000) ELSE 1000000000000 END AS imposed,
    CASE WHEN s.type = 'indeterminate' AND s.term_days IS NULL THEN s.min_term_days END AS floor_days,
    COALESCE(e.r1_enh_none, 0) AS r1_enh_none,
    COALESCE(e.r2_enh_any, 0) AS r2_enh_any,
    COALESCE(e.r2_enh_none, 0) AS r2_enh_none,
    COALESCE(e.r3_enh_any, 0) AS r3_enh_any,
    COALESCE(e.r4_enh_none, 0) AS r4_enh_none,
    COALESCE(e.r5_enh_any, 0) AS r5_enh_any,
    COALESCE(e.r5_enh_none, 0) AS r5_enh_none,
    COALESCE(e.r6_enh_none, 0) AS r6_enh_none,
    COALESCE(e.r7_enh_any, 0) AS r7_enh_any,
    COALESCE(e.r9_enh_any, 0) AS r9_enh_any,
    COALESCE(e.r9_enh_days, 0) AS r9_enh_days,
    COALESCE(e.r10_enh_any, 0) AS r10_enh_any,
    COALESCE(e.r11_enh_any, 0) AS r11_enh_any,
    COALESCE(e.r12_enh_none, 0) AS r12_enh_none,
    COALESCE(e.r13_enh_any, 0) AS r13_enh_any,
    COALESCE(e.r13_enh_none, 0) AS r13_enh_none,
    COALESCE(e.r14_enh_any, 0) AS r14_enh_any,
    COALESCE(e.enh_all_days, 0) AS enh_all_days,
    CASE WHEN s.offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN s.offense_date IS NOT NULL THEN 'yes' WHEN s.sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END = 'yes' AS reaches_us_fsa_2018_404  -- us-fsa-2018-404 reaches the sentence's dates
  FROM law_sentences s LEFT JOIN us_enh e ON e.sid = s.sid
  WHERE s.jur = 'US' AND s.person_id IN (SELECT person_id FROM law_gate)
),
-- US step 1/17: us-fsa-2010-crack-a, effective 2010-08-03: Fair Sentencing Act of 2010: the 10-year crack threshold raised from 50 g to 280 g
-- Pub. L. 111-220, sec. 2(a)(1), amending 21 U.S.C. 841(b)(1)(A)(iii) ('280 grams or more ... cocaine base'); 841(b)(1)(B): 'not be less than 5 years and not more than 40 years'
-- effect: lower_minimum from 3652 to 1826 days (discretionary); now under US:21 USC 841(b)(1)(B)
--   28 to 280 grams of crack now falls under 841(b)(1)(B): a 5-year minimum instead of 10 years
us_1_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r1_dates,
    (code IN ('US:21 USC 841(b)(1)(A)') AND r1_enh_none = 0 AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR (drug_grams >= CAST(28 AS FLOAT64) AND drug_grams < CAST(280 AS FLOAT64)))) AS r1_match,
    drug_grams IS NULL AS r1_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r1_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r1_opener
  FROM us_in AS p
),
us_1 AS (
  SELECT p.*,
    r1_dates <> 'no' AND r1_match AS r1_applied,
    TRUE AS r1_range,
    CASE WHEN r1_dates <> 'no' AND r1_match THEN CASE WHEN imposed IS NULL OR imposed = 1000000000000 THEN imposed ELSE CASE WHEN imposed <= 1826 THEN imposed ELSE CASE WHEN imposed - 1826 > 1826 THEN imposed - 1826 ELSE 1826 END END END ELSE imposed END AS r1_low,
    CASE WHEN r1_dates <> 'no' AND r1_match THEN 'US:21 USC 841(b)(1)(B)' ELSE code END AS r1_code
  FROM us_1_test AS p
),
-- US step 2/17: us-fsa-2010-crack-a-one-prior, effective 2010-08-03: Fair Sentencing Act of 2010: 28 to 280 g of crack with one 851 prior falls to 841(b)(1)(B): 10 years, not 20
-- Pub. L. 111-220, sec. 2(a)(1); 21 U.S.C. 841(b)(1)(B): after a prior conviction 'not be less than 10 years and not more than life imprisonment'
-- effect: lower_minimum from 7305 to 3652 days (discretionary); now under US:21 USC 841(b)(1)(B)
--   with one prior, 28 to 280 grams of crack now carries the 10-year minimum of 841(b)(1)(B) instead of 20 years under (b)(1)(A)
us_2_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r2_dates,
    (r1_code IN ('US:21 USC 841(b)(1)(A)') AND r2_enh_any = 1 AND r2_enh_none = 0 AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR (drug_grams >= CAST(28 AS FLOAT64) AND drug_grams < CAST(280 AS FLOAT64)))) AS r2_match,
    drug_grams IS NULL AS r2_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r2_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r2_opener
  FROM us_1 AS p
),
us_2 AS (
  SELECT p.*,
    r2_dates <> 'no' AND r2_match AS r2_applied,
    TRUE AS r2_range,
    CASE WHEN r2_dates <> 'no' AND r2_match THEN CASE WHEN r1_low IS NULL OR r1_low = 1000000000000 THEN r1_low ELSE CASE WHEN r1_low <= 3652 THEN r1_low ELSE CASE WHEN r1_low - 3653 > 3652 THEN r1_low - 3653 ELSE 3652 END END END ELSE r1_low END AS r2_low,
    CASE WHEN r2_dates <> 'no' AND r2_match THEN 'US:21 USC 841(b)(1)(B)' ELSE r1_code END AS r2_code
  FROM us_2_test AS p
),
-- US step 3/17: us-fsa-2010-crack-a-two-priors, effective 2010-08-03: Fair Sentencing Act of 2010: 28 to 280 g of crack with two 851 priors falls to 841(b)(1)(B): 10 years to life, not mandatory life
-- Pub. L. 111-220, sec. 2(a)(1); 21 U.S.C. 841(b)(1)(B): after a prior conviction 'not be less than 10 years and not more than life imprisonment' ((b)(1)(B) has no two-prior tier)
-- effect: life_to_years, 3652 days to life, plus the enhancements; now under US:21 USC 841(b)(1)(B)
--   with two priors, 28 to 280 grams of crack now carries 10 years to life under 841(b)(1)(B) instead of mandatory life under (b)(1)(A)
us_3_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r3_dates,
    (r2_code IN ('US:21 USC 841(b)(1)(A)') AND r3_enh_any = 1 AND type IN ('life') AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR (drug_grams >= CAST(28 AS FLOAT64) AND drug_grams < CAST(280 AS FLOAT64))) AND imposed = 1000000000000) AS r3_match,
    drug_grams IS NULL AS r3_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r3_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r3_opener
  FROM us_2 AS p
),
us_3 AS (
  SELECT p.*,
    r3_dates <> 'no' AND r3_match AS r3_applied,
    (r3_dates = 'unknown' OR r3_unsure) AS r3_range,
    CASE WHEN r3_dates <> 'no' AND r3_match THEN 3652 + enh_all_days ELSE r2_low END AS r3_low,
    CASE WHEN r3_dates <> 'no' AND r3_match AND NOT (r3_dates = 'unknown' OR r3_unsure) THEN 1000000000000 ELSE imposed END AS r3_high,
    CASE WHEN r3_dates <> 'no' AND r3_match THEN 'US:21 USC 841(b)(1)(B)' ELSE r2_code END AS r3_code
  FROM us_3_test AS p
),
-- US step 4/17: us-fsa-2010-crack-a-under-28, effective 2010-08-03: Fair Sentencing Act of 2010: under 28 g of crack carries no mandatory minimum
-- Pub. L. 111-220, sec. 2(a), amending 21 U.S.C. 841(b)(1)(A)(iii) and (B)(iii); 841(b)(1)(C): 'not more than 20 years'
-- effect: lower_minimum from 3652 to 0 days (discretionary); now under US:21 USC 841(b)(1)(C)
--   under 28 grams of crack now falls under 841(b)(1)(C), with no mandatory minimum, instead of the 10-year minimum
us_4_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r4_dates,
    (r3_code IN ('US:21 USC 841(b)(1)(A)') AND r4_enh_none = 0 AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR drug_grams < CAST(28 AS FLOAT64))) AS r4_match,
    drug_grams IS NULL AS r4_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r4_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r4_opener
  FROM us_3 AS p
),
us_4 AS (
  SELECT p.*,
    r4_dates <> 'no' AND r4_match AS r4_applied,
    TRUE AS r4_range,
    CASE WHEN r4_dates <> 'no' AND r4_match THEN CASE WHEN r3_low IS NULL OR r3_low = 1000000000000 THEN r3_low ELSE CASE WHEN r3_low <= 0 THEN r3_low ELSE CASE WHEN r3_low - 3652 > 0 THEN r3_low - 3652 ELSE 0 END END END ELSE r3_low END AS r4_low,
    CASE WHEN r4_dates <> 'no' AND r4_match THEN 'US:21 USC 841(b)(1)(C)' ELSE r3_code END AS r4_code
  FROM us_4_test AS p
),
-- US step 5/17: us-fsa-2010-crack-a-under-28-prior, effective 2010-08-03: Fair Sentencing Act of 2010: under 28 g of crack with one 851 prior carries no mandatory minimum, not 20 years
-- Pub. L. 111-220, sec. 2(a); 21 U.S.C. 841(b)(1)(C): after a prior conviction 'not more than 30 years', no minimum
-- effect: lower_minimum from 7305 to 0 days (discretionary); now under US:21 USC 841(b)(1)(C)
--   with a prior, under 28 grams of crack now falls under 841(b)(1)(C): no mandatory minimum, at most 30 years, instead of 20 years
us_5_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r5_dates,
    (r4_code IN ('US:21 USC 841(b)(1)(A)') AND r5_enh_any = 1 AND r5_enh_none = 0 AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR drug_grams < CAST(28 AS FLOAT64))) AS r5_match,
    drug_grams IS NULL AS r5_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r5_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r5_opener
  FROM us_4 AS p
),
us_5 AS (
  SELECT p.*,
    r5_dates <> 'no' AND r5_match AS r5_applied,
    TRUE AS r5_range,
    CASE WHEN r5_dates <> 'no' AND r5_match THEN CASE WHEN r4_low IS NULL OR r4_low = 1000000000000 THEN r4_low ELSE CASE WHEN r4_low <= 0 THEN r4_low ELSE CASE WHEN r4_low - 7305 > 0 THEN r4_low - 7305 ELSE 0 END END END ELSE r4_low END AS r5_low,
    CASE WHEN r5_dates <> 'no' AND r5_match THEN 'US:21 USC 841(b)(1)(C)' ELSE r4_code END AS r5_code
  FROM us_5_test AS p
),
-- US step 6/17: us-fsa-2010-crack-b, effective 2010-08-03: Fair Sentencing Act of 2010: the 5-year crack threshold raised from 5 g to 28 g
-- Pub. L. 111-220, sec. 2(a)(2), amending 21 U.S.C. 841(b)(1)(B)(iii) ('28 grams or more ... cocaine base')
-- effect: lower_minimum from 1826 to 0 days (discretionary); now under US:21 USC 841(b)(1)(C)
--   under 28 grams of crack now falls under 841(b)(1)(C), with no mandatory minimum, instead of the 5-year minimum
us_6_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r6_dates,
    (r5_code IN ('US:21 USC 841(b)(1)(B)') AND r6_enh_none = 0 AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR drug_grams < CAST(28 AS FLOAT64))) AS r6_match,
    drug_grams IS NULL AS r6_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r6_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r6_opener
  FROM us_5 AS p
),
us_6 AS (
  SELECT p.*,
    r6_dates <> 'no' AND r6_match AS r6_applied,
    TRUE AS r6_range,
    CASE WHEN r6_dates <> 'no' AND r6_match THEN CASE WHEN r5_low IS NULL OR r5_low = 1000000000000 THEN r5_low ELSE CASE WHEN r5_low <= 0 THEN r5_low ELSE CASE WHEN r5_low - 1826 > 0 THEN r5_low - 1826 ELSE 0 END END END ELSE r5_low END AS r6_low,
    CASE WHEN r6_dates <> 'no' AND r6_match THEN 'US:21 USC 841(b)(1)(C)' ELSE r5_code END AS r6_code
  FROM us_6_test AS p
),
-- US step 7/17: us-fsa-2010-crack-b-prior, effective 2010-08-03: Fair Sentencing Act of 2010: 5 to 28 g of crack with an 851 prior falls to 841(b)(1)(C): no minimum, not 10 years
-- Pub. L. 111-220, sec. 2(a)(2); 21 U.S.C. 841(b)(1)(B) (with a prior: 10 years to life) and (b)(1)(C) (with a prior: 'not more than 30 years')
-- effect: lower_minimum from 3652 to 0 days (discretionary); now under US:21 USC 841(b)(1)(C)
--   with a prior, under 28 grams of crack now falls under 841(b)(1)(C): no mandatory minimum, at most 30 years, instead of 10 years to life
us_7_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r7_dates,
    (r6_code IN ('US:21 USC 841(b)(1)(B)') AND r7_enh_any = 1 AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack') AND (drug_grams IS NULL OR drug_grams < CAST(28 AS FLOAT64))) AS r7_match,
    drug_grams IS NULL AS r7_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r7_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r7_opener
  FROM us_6 AS p
),
us_7 AS (
  SELECT p.*,
    r7_dates <> 'no' AND r7_match AS r7_applied,
    TRUE AS r7_range,
    CASE WHEN r7_dates <> 'no' AND r7_match THEN CASE WHEN r6_low IS NULL OR r6_low = 1000000000000 THEN r6_low ELSE CASE WHEN r6_low <= 0 THEN r6_low ELSE CASE WHEN r6_low - 3652 > 0 THEN r6_low - 3652 ELSE 0 END END END ELSE r6_low END AS r7_low,
    CASE WHEN r7_dates <> 'no' AND r7_match THEN 'US:21 USC 841(b)(1)(C)' ELSE r6_code END AS r7_code
  FROM us_7_test AS p
),
-- US step 8/17: us-fsa-2010-possession, effective 2010-08-03: Fair Sentencing Act of 2010: the mandatory minimum for simple possession of crack eliminated
-- Pub. L. 111-220, sec. 3, amending 21 U.S.C. 844(a)
-- effect: lower_minimum from 1826 to 0 days (discretionary)
--   simple possession of crack no longer carries a 5-year mandatory minimum
us_8_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 15512 /* 2012-06-21 */ THEN 'no' WHEN offense_date >= 14824 /* 2010-08-03 */ THEN 'no' WHEN offense_date IS NOT NULL AND sentence_date IS NULL THEN 'unknown' WHEN offense_date IS NOT NULL THEN 'yes' WHEN sentence_date < 14824 /* 2010-08-03 */ THEN 'yes' ELSE 'unknown' END AS r8_dates,
    (r7_code IN ('US:21 USC 844') AND COALESCE(drug_type, '') IN ('cocaine_base', 'crack')) AS r8_match,
    FALSE AS r8_unsure,
    CASE WHEN reaches_us_fsa_2018_404 THEN 5 ELSE 1 END AS r8_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CASE WHEN reaches_us_fsa_2018_404 THEN 'us-fsa-2018-404' END AS r8_opener
  FROM us_7 AS p
),
us_8 AS (
  SELECT p.*,
    r8_dates <> 'no' AND r8_match AS r8_applied,
    TRUE AS r8_range,
    CASE WHEN r8_dates <> 'no' AND r8_match THEN CASE WHEN r7_low IS NULL OR r7_low = 1000000000000 THEN r7_low ELSE CASE WHEN r7_low <= 0 THEN r7_low ELSE CASE WHEN r7_low - 1826 > 0 THEN r7_low - 1826 ELSE 0 END END END ELSE r7_low END AS r8_low
  FROM us_8_test AS p
),
-- US step 9/17: us-fsa-2018-401-one-prior, effective 2018-12-21: First Step Act sec. 401: one prior drug felony raises the 841(b)(1)(A) minimum to 15 years, not 20
-- Pub. L. 115-391, sec. 401(a)(2)(A)(i), amending 21 U.S.C. 841(b)(1)(A) (after one prior 'serious drug felony or serious violent felony': 'not less than 15 years'); 21 U.S.C. 802(57)-(58)
-- effect: shorten_enhancement US:21 USC 851(1) to at most 1826 days (discretionary)
--   the 851 enhancement for one prior raises the minimum by 5 years instead of 10 (15 instead of 20 years); the court may, but need not, impose less than before
us_9_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17886 /* 2018-12-21 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r9_dates,
    (r7_code IN ('US:21 USC 841(b)(1)(A)') AND r9_enh_any = 1) AS r9_match,
    FALSE AS r9_unsure,
    1 AS r9_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r9_opener
  FROM us_8 AS p
),
us_9 AS (
  SELECT p.*,
    r9_dates <> 'no' AND r9_match AS r9_applied,
    TRUE AS r9_range,
    CASE WHEN r9_dates <> 'no' AND r9_match THEN CASE WHEN r8_low IS NULL OR r8_low = 1000000000000 THEN r8_low WHEN r8_low - r9_enh_days > 0 THEN r8_low - r9_enh_days ELSE 0 END ELSE r8_low END AS r9_low
  FROM us_9_test AS p
),
-- US step 10/17: us-fsa-2018-401-two-priors, effective 2018-12-21: First Step Act sec. 401: two prior drug felonies carry 25 years, not mandatory life
-- Pub. L. 115-391, sec. 401(a)(2)(A)(ii), amending 21 U.S.C. 841(b)(1)(A) ('after 2 or more prior convictions for a serious drug felony or serious violent felony ... not less than 25 years')
-- effect: life_to_years, 9131 days to life, plus the enhancements
--   two or more prior serious drug felonies carry a mandatory minimum of 25 years instead of mandatory life; life remains the maximum
us_10_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17886 /* 2018-12-21 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r10_dates,
    (r7_code IN ('US:21 USC 841(b)(1)(A)') AND r10_enh_any = 1 AND type IN ('life') AND imposed = 1000000000000) AS r10_match,
    FALSE AS r10_unsure,
    1 AS r10_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r10_opener
  FROM us_9 AS p
),
us_10 AS (
  SELECT p.*,
    r10_dates <> 'no' AND r10_match AS r10_applied,
    (r10_dates = 'unknown' OR r10_unsure) AS r10_range,
    CASE WHEN r10_dates <> 'no' AND r10_match THEN 9131 + enh_all_days ELSE r9_low END AS r10_low,
    CASE WHEN r10_dates <> 'no' AND r10_match AND NOT (r10_dates = 'unknown' OR r10_unsure) THEN 1000000000000 ELSE r3_high END AS r10_high
  FROM us_10_test AS p
),
-- US step 11/17: us-fsa-2018-401-b-prior, effective 2018-12-21: First Step Act sec. 401: the 10-year 841(b)(1)(B) prior tier now needs a serious drug felony or serious violent felony
-- 21 U.S.C. 841(b)(1)(B) as amended by Pub. L. 115-391, sec. 401(a)(2)(B) ('after a prior conviction for a serious drug felony or serious violent felony has become final ... not be less than 10 years'); 21 U.S.C. 802(57)-(58)
-- effect: lower_minimum from 3652 to 1826 days (discretionary)
--   a prior that is not a serious drug felony or serious violent felony no longer raises the 841(b)(1)(B) minimum from 5 to 10 years
-- depends on (a range): the prior is not a 'serious drug felony' or 'serious violent felony' (21 U.S.C. 802(57)-(58): more than 12 months served and release within 15 years of this offense, for a drug prior), so only the 5-year base minimum would apply today; the data does not record the prior
us_11_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17886 /* 2018-12-21 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r11_dates,
    (r7_code IN ('US:21 USC 841(b)(1)(B)') AND r11_enh_any = 1) AS r11_match,
    TRUE AS r11_unsure,
    1 AS r11_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r11_opener
  FROM us_10 AS p
),
us_11 AS (
  SELECT p.*,
    r11_dates <> 'no' AND r11_match AS r11_applied,
    TRUE AS r11_range,
    CASE WHEN r11_dates <> 'no' AND r11_match THEN CASE WHEN r10_low IS NULL OR r10_low = 1000000000000 THEN r10_low ELSE CASE WHEN r10_low <= 1826 THEN r10_low ELSE CASE WHEN r10_low - 1826 > 1826 THEN r10_low - 1826 ELSE 1826 END END END ELSE r10_low END AS r11_low
  FROM us_11_test AS p
),
-- US step 12/17: us-fsa-2018-403, effective 2018-12-21: First Step Act sec. 403: no 25-year stacking of 924(c) counts within one prosecution
-- Pub. L. 115-391, sec. 403(a), amending 18 U.S.C. 924(c)(1)(C) (25 years only for 'a violation of this subsection that occurs after a prior conviction under this subsection has become final'); 924(c)(1)(A)(i)
-- effect: lower_minimum from 9131 to 1826 days (discretionary)
--   a second 924(c) count in the same prosecution carries the 5-year consecutive minimum of a first count, not 25 years
-- depends on (a range): the firearm was neither brandished nor discharged, which the data records only as an enhancement marker (otherwise 7 or 10 years, 18 U.S.C. 924(c)(1)(A)(ii)-(iii))
us_12_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17886 /* 2018-12-21 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r12_dates,
    (r7_code IN ('US:18 USC 924(c)(1)(C)') AND r12_enh_none = 0) AS r12_match,
    TRUE AS r12_unsure,
    1 AS r12_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r12_opener
  FROM us_11 AS p
),
us_12 AS (
  SELECT p.*,
    r12_dates <> 'no' AND r12_match AS r12_applied,
    TRUE AS r12_range,
    CASE WHEN r12_dates <> 'no' AND r12_match THEN CASE WHEN r11_low IS NULL OR r11_low = 1000000000000 THEN r11_low ELSE CASE WHEN r11_low <= 1826 THEN r11_low ELSE CASE WHEN r11_low - 7305 > 1826 THEN r11_low - 7305 ELSE 1826 END END END ELSE r11_low END AS r12_low
  FROM us_12_test AS p
),
-- US step 13/17: us-fsa-2018-403-brandished, effective 2018-12-21: First Step Act sec. 403: a stacked 924(c) count for brandishing carries 7 years, not 25
-- Pub. L. 115-391, sec. 403(a); 18 U.S.C. 924(c)(1)(A)(ii): 'if the firearm is brandished, ... not less than 7 years'
-- effect: lower_minimum from 9131 to 2557 days (discretionary)
--   a second 924(c) count in the same prosecution, for brandishing, carries the 7-year consecutive minimum of 924(c)(1)(A)(ii), not 25 years
us_13_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17886 /* 2018-12-21 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r13_dates,
    (r7_code IN ('US:18 USC 924(c)(1)(C)') AND r13_enh_any = 1 AND r13_enh_none = 0) AS r13_match,
    FALSE AS r13_unsure,
    1 AS r13_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r13_opener
  FROM us_12 AS p
),
us_13 AS (
  SELECT p.*,
    r13_dates <> 'no' AND r13_match AS r13_applied,
    TRUE AS r13_range,
    CASE WHEN r13_dates <> 'no' AND r13_match THEN CASE WHEN r12_low IS NULL OR r12_low = 1000000000000 THEN r12_low ELSE CASE WHEN r12_low <= 2557 THEN r12_low ELSE CASE WHEN r12_low - 6574 > 2557 THEN r12_low - 6574 ELSE 2557 END END END ELSE r12_low END AS r13_low
  FROM us_13_test AS p
),
-- US step 14/17: us-fsa-2018-403-discharged, effective 2018-12-21: First Step Act sec. 403: a stacked 924(c) count for discharging carries 10 years, not 25
-- Pub. L. 115-391, sec. 403(a); 18 U.S.C. 924(c)(1)(A)(iii): 'if the firearm is discharged, ... not less than 10 years'
-- effect: lower_minimum from 9131 to 3652 days (discretionary)
--   a second 924(c) count in the same prosecution, for discharging, carries the 10-year consecutive minimum of 924(c)(1)(A)(iii), not 25 years
us_14_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 17886 /* 2018-12-21 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r14_dates,
    (r7_code IN ('US:18 USC 924(c)(1)(C)') AND r14_enh_any = 1) AS r14_match,
    FALSE AS r14_unsure,
    1 AS r14_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r14_opener
  FROM us_13 AS p
),
us_14 AS (
  SELECT p.*,
    r14_dates <> 'no' AND r14_match AS r14_applied,
    TRUE AS r14_range,
    CASE WHEN r14_dates <> 'no' AND r14_match THEN CASE WHEN r13_low IS NULL OR r13_low = 1000000000000 THEN r13_low ELSE CASE WHEN r13_low <= 3652 THEN r13_low ELSE CASE WHEN r13_low - 5479 > 3652 THEN r13_low - 5479 ELSE 3652 END END END ELSE r13_low END AS r14_low
  FROM us_14_test AS p
),
-- US step 15/17: us-ussg-782, effective 2014-11-01: Amendment 782 ('drugs minus two'): the drug quantity table lowered two levels, retroactive
-- U.S.S.G. 2D1.1 (Amendment 782, eff. 1 Nov 2014), made retroactive by Amendment 788; 1B1.10(d), (e)(1) ('shall not be ordered unless the effective date of the order is November 1, 2015, or later'); 18 U.S.C. 3582(c)(2)
-- effect: guideline_range
--   the base offense level of most drug quantities is two levels lower; the court may reduce the term to the amended range
-- depends on (a range): the sentence rested on the drug quantity table (U.S.S.G. 2D1.1), not on a mandatory minimum or the career-offender guideline; the data records no offense level
us_15_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 16375 /* 2014-11-01 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r15_dates,
    (r7_code IN ('US:21 USC 841(b)(1)(A)', 'US:21 USC 841(b)(1)(B)', 'US:21 USC 841(b)(1)(C)', 'US:21 USC 841(b)(1)(D)', 'US:21 USC 846', 'US:21 USC 856', 'US:21 USC 860', 'US:21 USC 963') OR (substr(r7_code, 1, 13) = 'US:21 USC 960')) AS r15_match,
    TRUE AS r15_unsure,
    2 AS r15_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r15_opener
  FROM us_14 AS p
),
us_15 AS (
  SELECT p.*,
    r15_dates <> 'no' AND r15_match AS r15_applied,
    (r15_dates = 'unknown' OR r15_unsure) AS r15_range
  FROM us_15_test AS p
),
-- US step 16/17: us-ussg-821-status-points, effective 2023-11-01: Amendment 821 Part A: status points limited, retroactive
-- U.S.S.G. 4A1.1(e) (Amendment 821 Part A, eff. 1 Nov 2023: 1 point, and only with 7 or more other points, instead of 2); 1B1.10(d), (e)(2) (Amendment 825: no order effective before 1 Feb 2024); 18 U.S.C. 3582(c)(2)
-- effect: guideline_range
--   status points fall from 2 to 0 (or 1 with 7 or more other points): the criminal history category, and so the range, may fall
-- depends on (a range): the person received status points (committed the offense under a criminal justice sentence) and losing them lowers the criminal history category; the data records no criminal history points
us_16_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 19662 /* 2023-11-01 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r16_dates,
    (substr(r7_code, 1, 3) = 'US:') AS r16_match,
    TRUE AS r16_unsure,
    2 AS r16_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r16_opener
  FROM us_15 AS p
),
us_16 AS (
  SELECT p.*,
    r16_dates <> 'no' AND r16_match AS r16_applied,
    (r16_dates = 'unknown' OR r16_unsure) AS r16_range
  FROM us_16_test AS p
),
-- US step 17/17: us-ussg-821-zero-point, effective 2023-11-01: Amendment 821 Part B, subpart 1: two levels off for zero-point offenders, retroactive
-- U.S.S.G. 4C1.1 (Amendment 821 Part B subpart 1, eff. 1 Nov 2023); 1B1.10(d), (e)(2) (Amendment 825: no order effective before 1 Feb 2024); 18 U.S.C. 3582(c)(2)
-- effect: guideline_range
--   the offense level is two levels lower for an offender with no criminal history points: the range may fall
-- depends on (a range): the person had no criminal history points and none of the 4C1.1(a) exclusions (violence or credible threats, death or serious bodily injury, a sex offense, a firearm or dangerous weapon, an aggravating role, and others) [the list of exclusions from secondary summaries of 4C1.1]; the data records neither
us_17_test AS (
  SELECT p.*,
    CASE WHEN sentence_date >= 19662 /* 2023-11-01 */ THEN 'no' WHEN sentence_date IS NULL THEN 'unknown' ELSE 'yes' END AS r17_dates,
    ((substr(r7_code, 1, 3) = 'US:') AND (NOT in_catalog OR NOT (strpos(offense_flags, ';sex_registrable;') > 0))) AS r17_match,
    TRUE AS r17_unsure,
    2 AS r17_remedy,  -- 5 court, 4 board, 3 court_good_cause, 2 court_discretionary, 1 clemency, 0 none
    CAST(NULL AS STRING) AS r17_opener
  FROM us_16 AS p
),
us_17 AS (
  SELECT p.*,
    r17_dates <> 'no' AND r17_match AS r17_applied,
    (r17_dates = 'unknown' OR r17_unsure) AS r17_range
  FROM us_17_test AS p
),
-- US: the sentences some reform changed: the current-law range, the excess and the remedy
us_out AS (
  SELECT sid, r10_high AS high, r14_low AS low,
    CASE WHEN imposed IS NOT NULL AND imposed <> 1000000000000 THEN (CASE WHEN r10_high IS NOT NULL AND r10_high <> 1000000000000 THEN CASE WHEN imposed - r10_high > 0 THEN imposed - r10_high ELSE 0 END ELSE 0 END)
      WHEN imposed = 1000000000000 THEN (CASE WHEN r10_high = 1000000000000 THEN 0 WHEN floor_days IS NOT NULL AND r10_high IS NOT NULL THEN CASE WHEN floor_days - r10_high > 0 THEN floor_days - r10_high ELSE 0 END END) END AS excess_min,
    CASE WHEN imposed IS NOT NULL AND imposed <> 1000000000000 THEN (CASE WHEN r14_low IS NOT NULL THEN CASE WHEN imposed - r14_low > 0 THEN imposed - r14_low ELSE 0 END END)
      WHEN imposed = 1000000000000 AND r14_low = 1000000000000 THEN 0 END AS excess_max,
    CASE WHEN (r1_applied AND r1_remedy = 5) OR (r2_applied AND r2_remedy = 5) OR (r3_applied AND r3_remedy = 5) OR (r4_applied AND r4_remedy = 5) OR (r5_applied AND r5_remedy = 5) OR (r6_applied AND r6_remedy = 5) OR (r7_applied AND r7_remedy = 5) OR (r8_applied AND r8_remedy = 5) THEN 'court'
      WHEN (r1_applied AND r1_remedy = 1) OR (r2_applied AND r2_remedy = 1) OR (r3_applied AND r3_remedy = 1) OR (r4_applied AND r4_remedy = 1) OR (r5_applied AND r5_remedy = 1) OR (r6_applied AND r6_remedy = 1) OR (r7_applied AND r7_remedy = 1) OR (r8_applied AND r8_remedy = 1) OR (r9_applied AND r9_remedy = 1) OR (r10_applied AND r10_remedy = 1) OR (r11_applied AND r11_remedy = 1) OR (r12_applied AND r12_remedy = 1) OR (r13_applied AND r13_remedy = 1) OR (r14_applied AND r14_remedy = 1) THEN 'clemency' ELSE 'none' END AS remedy,
    FALSE AS reclassified
  FROM us_17
  WHERE r1_applied OR r2_applied OR r3_applied OR r4_applied OR r5_applied OR r6_applied OR r7_applied OR r8_applied OR r9_applied OR r10_applied OR r11_applied OR r12_applied OR r13_applied OR r14_applied OR r15_applied OR r16_applied OR r17_applied
),
-- Sentencing reforms in force on 2026-01-01: every changed sentence
law_out AS (
  SELECT sid, high, low, excess_min, excess_max, remedy, reclassified FROM ca_out
  UNION ALL
  SELECT sid, high, low, excess_min, excess_max, remedy, reclassified FROM us_out
),
sf AS (
  SELECT s.*,
    CASE WHEN lo.sid IS NULL THEN s.s_term ELSE CASE WHEN lo.high = 1000000000000 THEN NULL ELSE lo.high END END AS s_current_law_term,
    CASE WHEN lo.sid IS NULL THEN s.s_term ELSE CASE WHEN lo.low = 1000000000000 THEN NULL ELSE lo.low END END AS s_current_law_term_low,
    CASE WHEN lo.sid IS NULL THEN 0 ELSE CASE WHEN lo.excess_min IS NULL THEN NULL WHEN lo.excess_min > 0 THEN lo.excess_min WHEN lo.excess_max = 0 THEN 0 ELSE NULL END END AS s_current_law_excess,
    COALESCE(lo.remedy, 'none') AS s_current_law_remedy, COALESCE(lo.reclassified, FALSE) AS s_current_law_reclassified,
    lo.sid IS NOT NULL AS law_touched, lo.excess_min AS law_excess_min, lo.excess_max AS law_excess_max,
    lo.remedy AS law_remedy
  FROM sent s LEFT JOIN law_out lo ON lo.sid = s.sid),
chain AS (
  -- consecutive chains up to 3 sentences long, the longest in the data
  SELECT c0.sid,
    CASE WHEN (c0.sid IS NOT NULL AND c0.s_term IS NULL) OR (c1.sid IS NOT NULL AND c1.s_term IS NULL) OR (c2.sid IS NOT NULL AND c2.s_term IS NULL) THEN NULL ELSE COALESCE(c0.s_term, 0) + COALESCE(c1.s_term, 0) + COALESCE(c2.s_term, 0) END AS chain_term,
    CASE WHEN (c0.sid IS NOT NULL AND c0.s_current_law_term IS NULL) OR (c1.sid IS NOT NULL AND c1.s_current_law_term IS NULL) OR (c2.sid IS NOT NULL AND c2.s_current_law_term IS NULL) THEN NULL ELSE COALESCE(c0.s_current_law_term, 0) + COALESCE(c1.s_current_law_term, 0) + COALESCE(c2.s_current_law_term, 0) END AS chain_high,
    CASE WHEN (c0.sid IS NOT NULL AND c0.s_current_law_term_low IS NULL) OR (c1.sid IS NOT NULL AND c1.s_current_law_term_low IS NULL) OR (c2.sid IS NOT NULL AND c2.s_current_law_term_low IS NULL) THEN NULL ELSE COALESCE(c0.s_current_law_term_low, 0) + COALESCE(c1.s_current_law_term_low, 0) + COALESCE(c2.s_current_law_term_low, 0) END AS chain_low
  FROM sf c0
  LEFT JOIN sf c1 ON c1.person_id = c0.person_id AND c1.sentence_id = c0.consecutive_to
  LEFT JOIN sf c2 ON c2.person_id = c1.person_id AND c2.sentence_id = c1.consecutive_to),
act AS (
  SELECT s.person_id, COUNT(*) AS n, CASE WHEN COUNT(c.chain_term) < COUNT(*) THEN NULL ELSE MAX(c.chain_term) END AS imposed, CASE WHEN COUNT(c.chain_high) < COUNT(*) THEN NULL ELSE MAX(c.chain_high) END AS high, CASE WHEN COUNT(c.chain_low) < COUNT(*) THEN NULL ELSE MAX(c.chain_low) END AS low, CASE WHEN COUNT(s.s_projected_release_date) < COUNT(*) THEN NULL ELSE MAX(s.s_projected_release_date) END AS release,
    MAX(CASE WHEN s.law_touched THEN 1 ELSE 0 END) AS touched, CASE WHEN SUM(CASE WHEN s.law_touched AND s.law_excess_min IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL ELSE MAX(CASE WHEN s.law_touched THEN s.law_excess_min ELSE 0 END) END AS s_excess_min, CASE WHEN SUM(CASE WHEN s.law_touched AND s.law_excess_max IS NULL THEN 1 ELSE 0 END) > 0 THEN NULL ELSE MAX(CASE WHEN s.law_touched THEN s.law_excess_max ELSE 0 END) END AS s_excess_max,
    MAX(CASE WHEN s.law_touched AND (s.law_excess_max IS NULL OR s.law_excess_max <> 0) THEN CASE s.law_remedy WHEN 'court' THEN 5 WHEN 'board' THEN 4 WHEN 'court_good_cause' THEN 3 WHEN 'court_discretionary' THEN 2 WHEN 'clemency' THEN 1 WHEN 'none' THEN 0 WHEN 'unknown' THEN 0 ELSE 0 END ELSE 0 END) AS remedy_rank,
    MIN(CASE WHEN s.s_category IS NULL THEN NULL ELSE CASE s.s_category WHEN 'violent' THEN 0 WHEN 'sex' THEN 1 WHEN 'property' THEN 2 WHEN 'drug_distribution' THEN 3 WHEN 'drug_possession' THEN 4 WHEN 'public_order' THEN 5 WHEN 'other' THEN 6 ELSE 7 END END) AS best,
    MAX(CASE WHEN s.s_category IS NULL THEN 1 ELSE 0 END) AS category_unknown
  FROM sf s JOIN chain c ON c.sid = s.sid WHERE s.s_active GROUP BY s.person_id),
pf AS (
  SELECT p.person_id, p.birth_date, p.admission_date, p.admission_type, p.sex, p.race, p.jurisdiction,
    p.facility_id, p.infractions_5y, p.medical_high_risk, j.clemency_authority, j.vote_restoration,
    COALESCE(a.n, 0) AS active_sentences, a.imposed AS imposed_term, a.high AS current_law_term,
    a.low AS current_law_term_low, a.release AS release,
    CASE WHEN a.n IS NULL OR COALESCE(j.reforms_unknown = '1', TRUE) THEN NULL WHEN a.touched = 0 THEN 0
      WHEN a.imposed IS NOT NULL AND a.high IS NOT NULL THEN CASE WHEN CASE WHEN a.imposed - a.high < 0 THEN 0 ELSE a.imposed - a.high END IS NULL THEN NULL WHEN CASE WHEN a.imposed - a.high < 0 THEN 0 ELSE a.imposed - a.high END > 0 THEN CASE WHEN a.imposed - a.high < 0 THEN 0 ELSE a.imposed - a.high END WHEN CASE WHEN a.low IS NULL THEN NULL ELSE CASE WHEN a.imposed - a.low < 0 THEN 0 ELSE a.imposed - a.low END END = 0 THEN 0 ELSE NULL END ELSE CASE WHEN a.s_excess_min IS NULL THEN NULL WHEN a.s_excess_min > 0 THEN a.s_excess_min WHEN a.s_excess_max = 0 THEN 0 ELSE NULL END END AS current_law_excess,
    CASE WHEN a.n IS NULL OR COALESCE(j.reforms_unknown = '1', TRUE) THEN NULL WHEN a.touched = 0 THEN 0
      WHEN a.imposed IS NOT NULL AND a.high IS NOT NULL THEN CASE WHEN a.low IS NULL THEN NULL ELSE CASE WHEN a.imposed - a.low < 0 THEN 0 ELSE a.imposed - a.low END END ELSE a.s_excess_max END AS current_law_excess_max,
    CASE WHEN a.n > 0 AND COALESCE(j.reforms_unknown = '1', TRUE) THEN 'unknown' ELSE CASE COALESCE(a.remedy_rank, 0) WHEN 5 THEN 'court' WHEN 4 THEN 'board' WHEN 3 THEN 'court_good_cause' WHEN 2 THEN 'court_discretionary' WHEN 1 THEN 'clemency' ELSE 'none' END END AS current_law_remedy,
    CASE WHEN a.best IS NOT NULL AND (a.category_unknown = 0 OR a.best = 0) THEN CASE a.best WHEN 0 THEN 'violent' WHEN 1 THEN 'sex' WHEN 2 THEN 'property' WHEN 3 THEN 'drug_distribution' WHEN 4 THEN 'drug_possession' WHEN 5 THEN 'public_order' WHEN 6 THEN 'other' ELSE NULL END ELSE NULL END AS most_serious_category,
    CASE WHEN a.high IS NULL OR a.high <= 0 THEN NULL ELSE CAST(20454 - p.admission_date AS FLOAT64) / CAST(a.high AS FLOAT64) END AS served_fraction
  FROM people_in p LEFT JOIN act a ON a.person_id = p.person_id
  LEFT JOIN jurisdictions j ON j.jurisdiction = p.jurisdiction),
ag AS (
  SELECT sf.person_id, COUNT(*) AS sentences,
    MAX(CASE WHEN (sf.s_active AND CASE WHEN (strpos(sf.s_flags_known, ';sex_registrable;') > 0) THEN (strpos(sf.s_flags, ';sex_registrable;') > 0) ELSE NULL END) THEN 2 WHEN (sf.s_active AND CASE WHEN (strpos(sf.s_flags_known, ';sex_registrable;') > 0) THEN (strpos(sf.s_flags, ';sex_registrable;') > 0) ELSE NULL END) IS NULL THEN 1 ELSE 0 END) AS agg_0,
    MAX(CASE WHEN (sf.s_active AND CASE WHEN (strpos(sf.s_flags_known, ';violent_felony;') > 0) THEN (strpos(sf.s_flags, ';violent_felony;') > 0) ELSE NULL END) THEN 2 WHEN (sf.s_active AND CASE WHEN (strpos(sf.s_flags_known, ';violent_felony;') > 0) THEN (strpos(sf.s_flags, ';violent_felony;') > 0) ELSE NULL END) IS NULL THEN 1 ELSE 0 END) AS agg_1,
    MAX(CASE WHEN (sf.s_active AND (sf.s_type IN ('lwop', 'death'))) THEN 2 WHEN (sf.s_active AND (sf.s_type IN ('lwop', 'death'))) IS NULL THEN 1 ELSE 0 END) AS agg_2
  FROM sf JOIN pf ON pf.person_id = sf.person_id GROUP BY sf.person_id),
pa AS (SELECT pf.*, ag.sentences, ag.agg_0, ag.agg_1, ag.agg_2 FROM pf LEFT JOIN ag ON ag.person_id = pf.person_id),
rules_0 AS (
  -- criterion is_older
  SELECT pf.*, (pf.birth_date <= -1461) AS rule_0 FROM pa pf),
rules_1 AS (
  -- criterion drug_offense
  SELECT pf.*, (pf.most_serious_category IN ('drug_possession', 'drug_distribution')) AS rule_1 FROM rules_0 pf),
rules_2 AS (
  -- criterion technical_violation_admission
  SELECT pf.*, (pf.admission_type = 'technical_violation') AS rule_2 FROM rules_1 pf),
rules_3 AS (
  -- criterion shorter_under_current_law
  SELECT pf.*, (pf.current_law_excess > 0) AS rule_3 FROM rules_2 pf),
rules_4 AS (
  -- exclusion sex_registrable
  SELECT pf.*, (TRUE AND CASE WHEN pf.sentences IS NULL THEN FALSE WHEN pf.agg_0 = 2 THEN TRUE WHEN pf.agg_0 = 1 THEN NULL ELSE FALSE END) AS rule_4 FROM rules_3 pf),
rules_5 AS (
  -- exclusion violent_felony
  SELECT pf.*, (FALSE AND CASE WHEN pf.sentences IS NULL THEN FALSE WHEN pf.agg_1 = 2 THEN TRUE WHEN pf.agg_1 = 1 THEN NULL ELSE FALSE END) AS rule_5 FROM rules_4 pf),
rules_6 AS (
  -- exclusion lwop_or_death
  SELECT pf.*, (TRUE AND CASE WHEN pf.sentences IS NULL THEN FALSE WHEN pf.agg_2 = 2 THEN TRUE WHEN pf.agg_2 = 1 THEN NULL ELSE FALSE END) AS rule_6 FROM rules_5 pf),
rules_7 AS (
  -- exclusion recent_misconduct
  SELECT pf.*, (pf.infractions_5y > 3) AS rule_7 FROM rules_6 pf),
rules_8 AS (
  -- group older
  SELECT pf.*, rule_0 AS rule_8 FROM rules_7 pf),
rules_9 AS (
  -- group drug
  SELECT pf.*, rule_1 AS rule_9 FROM rules_8 pf),
rules_10 AS (
  -- group technical_violation
  SELECT pf.*, rule_2 AS rule_10 FROM rules_9 pf),
rules_11 AS (
  -- group current_law
  SELECT pf.*, rule_3 AS rule_11 FROM rules_10 pf),
decided AS (
  SELECT pf.person_id, ((((rule_8 OR rule_9) OR rule_10) OR rule_11)) AND NOT rule_4 AND NOT rule_5 AND NOT rule_6 AND NOT rule_7 AS eligible, (((CAST(1 AS FLOAT64) * (CAST((20454 - pf.birth_date) AS FLOAT64) / CAST(365.2425 AS FLOAT64))) + (CAST(2 AS FLOAT64) * (CAST(CASE WHEN (pf.current_law_excess IS NULL) THEN 0 ELSE pf.current_law_excess END AS FLOAT64) / CAST(365.2425 AS FLOAT64)))) + (CAST(1 AS FLOAT64) * (CAST((20454 - pf.admission_date) AS FLOAT64) / CAST(365.2425 AS FLOAT64)))) AS priority,
    NULLIF(substr(CASE WHEN rule_8 THEN ';older' ELSE '' END || CASE WHEN rule_9 THEN ';drug' ELSE '' END || CASE WHEN rule_10 THEN ';technical_violation' ELSE '' END || CASE WHEN rule_11 THEN ';current_law' ELSE '' END, 2), '') AS groups,
    NULLIF(substr(CASE WHEN rule_4 THEN ';sex_registrable' ELSE '' END || CASE WHEN rule_5 THEN ';violent_felony' ELSE '' END || CASE WHEN rule_6 THEN ';lwop_or_death' ELSE '' END || CASE WHEN rule_7 THEN ';recent_misconduct' ELSE '' END, 2), '') AS excluded_by,
    pf.current_law_excess FROM rules_11 pf),
ranked AS (
  SELECT d.*, CASE WHEN eligible THEN 'eligible' WHEN NOT eligible THEN 'not_eligible' ELSE 'needs_review' END AS status,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN eligible THEN 0 WHEN NOT eligible THEN 2 ELSE 1 END,
      CASE WHEN priority IS NULL THEN 1 ELSE 0 END, priority DESC, person_id) AS place
  FROM decided d)
SELECT person_id, status, groups, excluded_by, priority, CASE WHEN status <> 'not_eligible' THEN place ELSE NULL END AS `rank`, current_law_excess AS current_law_excess_days, place FROM ranked;

EXPORT DATA OPTIONS (uri = '<OUT>/screening/screening-*.csv', format = 'CSV', header = true, overwrite = true) AS
SELECT person_id, status, groups, excluded_by, FORMAT('%.4f', priority) AS priority, `rank` AS `rank`, current_law_excess_days FROM screening ORDER BY place;
