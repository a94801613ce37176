-- Policy redemption-2020: ACLU Redemption Campaign: categorical clemency for four groups
-- ACLU, The Redemption Campaign: Embracing Clemency (5 Aug 2020); The Crime Report and WitnessLA coverage of the launch
-- policy hash (sha256 of the policy file): 8a1b02e76eff3a5ff38a7be39085068afbe82acb6f23ec57242fe2ec300f4953
-- as of 2026-01-01; dialect duckdb; written by clemency 0.1.0
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
CREATE TEMP TABLE people_csv AS SELECT * FROM read_csv('<DATA>/people.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE sentences_csv AS SELECT * FROM read_csv('<DATA>/sentences.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

-- The rule tables
CREATE TEMP TABLE offense_codes AS SELECT * FROM read_csv('<OUT>/tables/offense_codes.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE enhancement_codes AS SELECT * FROM read_csv('<OUT>/tables/enhancement_codes.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');
CREATE TEMP TABLE jurisdictions AS SELECT * FROM read_csv('<OUT>/tables/jurisdictions.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

CREATE TEMP TABLE screening AS
WITH
people_in AS (
  SELECT NULLIF(pc."person_id", '') AS person_id, NULLIF(pc."jurisdiction", '') AS jurisdiction, date_diff('day', DATE '1970-01-01', CAST(NULLIF(NULLIF(pc."birth_date", ''), '') AS DATE)) AS birth_date, date_diff('day', DATE '1970-01-01', CAST(NULLIF(NULLIF(pc."admission_date", ''), '') AS DATE)) AS admission_date,
    CASE WHEN NULLIF(pc."admission_type", '') = 'unknown' THEN NULL ELSE NULLIF(pc."admission_type", '') END AS admission_type, NULLIF(pc."sex", '') AS sex, NULLIF(pc."race", '') AS race,
    NULLIF(pc."facility_id", '') AS facility_id, CAST(NULLIF(pc."infractions_5y", '') AS BIGINT) AS infractions_5y,
    CASE NULLIF(pc."medical_high_risk", '') WHEN '1' THEN TRUE WHEN '0' THEN FALSE ELSE NULL END AS medical_high_risk
  FROM people_csv pc),
sentences_in AS (
  SELECT ROW_NUMBER() OVER (ORDER BY NULLIF(sc."person_id", ''), NULLIF(sc."sentence_id", '')) AS sid, NULLIF(sc."person_id", '') AS person_id, NULLIF(sc."sentence_id", '') AS sentence_id,
    CASE WHEN strpos(NULLIF(sc."offense_code", ''), ':') = 3 AND substr(NULLIF(sc."offense_code", ''), 1, 2) IN ('AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'US', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY') THEN NULLIF(sc."offense_code", '') ELSE p.jurisdiction || ':' || NULLIF(sc."offense_code", '') END AS code, NULLIF(sc."offense_description", '') AS description, NULLIF(sc."sentence_type", '') AS type, NULLIF(sc."status", '') AS status,
    CAST(NULLIF(sc."term_days", '') AS BIGINT) AS term_days, CAST(NULLIF(sc."min_term_days", '') AS BIGINT) AS min_term_days, CAST(NULLIF(sc."max_term_days", '') AS BIGINT) AS max_term_days, NULLIF(sc."enhancements", '') AS enhancements, NULLIF(sc."consecutive_to", '') AS consecutive_to,
    date_diff('day', DATE '1970-01-01', CAST(NULLIF(NULLIF(sc."sentence_date", ''), '') AS DATE)) AS sentence_date, date_diff('day', DATE '1970-01-01', CAST(NULLIF(NULLIF(sc."offense_date", ''), '') AS DATE)) AS offense_date, date_diff('day', DATE '1970-01-01', CAST(NULLIF(NULLIF(sc."projected_release_date", ''), '') AS DATE)) AS projected_release_date, date_diff('day', DATE '1970-01-01', CAST(NULLIF(NULLIF(sc."parole_eligibility_date", ''), '') AS DATE)) AS parole_eligibility_date,
    NULLIF(sc."drug_type", '') AS drug_type, CAST(NULLIF(sc."drug_grams", '') AS DOUBLE) AS drug_grams, p.jurisdiction AS person_jurisdiction
  FROM sentences_csv sc JOIN people_in p ON p.person_id = NULLIF(sc."person_id", '')),
enh_items AS (
  SELECT si.sid, si.person_jurisdiction, item FROM sentences_in si , unnest(string_split(si.enhancements, ';')) AS items(item)
  WHERE si.enhancements IS NOT NULL),
enh_parsed AS (
  SELECT sid, CASE WHEN strpos(raw_code, ':') = 3 AND substr(raw_code, 1, 2) IN ('AK', 'AL', 'AR', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'HI', 'IA', 'ID', 'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MS', 'MT', 'NC', 'ND', 'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'US', 'UT', 'VA', 'VT', 'WA', 'WI', 'WV', 'WY') THEN raw_code ELSE person_jurisdiction || ':' || raw_code END AS code, CAST(NULLIF(regexp_extract(item, '=([0-9]+)$', 1), '') AS BIGINT) AS days FROM (SELECT sid, person_jurisdiction, NULLIF(regexp_extract(item, '^(.*)=', 1), '') AS raw_code, item
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
    CAST(CASE WHEN od.code IS NOT NULL THEN od.triad_lower_months ELSE oc.triad_lower_months END AS BIGINT) AS triad_lower_months, CAST(CASE WHEN od.code IS NOT NULL THEN od.triad_upper_months ELSE oc.triad_upper_months END AS BIGINT) AS triad_upper_months,
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
law_out AS (SELECT sid, CAST(NULL AS BIGINT) AS high, CAST(NULL AS BIGINT) AS low, CAST(NULL AS BIGINT) AS excess_min, CAST(NULL AS BIGINT) AS excess_max, CAST(NULL AS VARCHAR) AS remedy, FALSE AS reclassified FROM law_sentences WHERE 1 = 0),
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
    CASE WHEN a.high IS NULL OR a.high <= 0 THEN NULL ELSE CAST(20454 - p.admission_date AS DOUBLE) / CAST(a.high AS DOUBLE) END AS served_fraction
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
  SELECT pf.person_id, ((((rule_8 OR rule_9) OR rule_10) OR rule_11)) AND NOT rule_4 AND NOT rule_5 AND NOT rule_6 AND NOT rule_7 AS eligible, (((CAST(1 AS DOUBLE) * (CAST((20454 - pf.birth_date) AS DOUBLE) / CAST(365.2425 AS DOUBLE))) + (CAST(2 AS DOUBLE) * (CAST(CASE WHEN (pf.current_law_excess IS NULL) THEN 0 ELSE pf.current_law_excess END AS DOUBLE) / CAST(365.2425 AS DOUBLE)))) + (CAST(1 AS DOUBLE) * (CAST((20454 - pf.admission_date) AS DOUBLE) / CAST(365.2425 AS DOUBLE)))) AS priority,
    NULLIF(substr(CASE WHEN rule_8 THEN ';older' ELSE '' END || CASE WHEN rule_9 THEN ';drug' ELSE '' END || CASE WHEN rule_10 THEN ';technical_violation' ELSE '' END || CASE WHEN rule_11 THEN ';current_law' ELSE '' END, 2), '') AS groups,
    NULLIF(substr(CASE WHEN rule_4 THEN ';sex_registrable' ELSE '' END || CASE WHEN rule_5 THEN ';violent_felony' ELSE '' END || CASE WHEN rule_6 THEN ';lwop_or_death' ELSE '' END || CASE WHEN rule_7 THEN ';recent_misconduct' ELSE '' END, 2), '') AS excluded_by,
    pf.current_law_excess FROM rules_11 pf),
ranked AS (
  SELECT d.*, CASE WHEN eligible THEN 'eligible' WHEN NOT eligible THEN 'not_eligible' ELSE 'needs_review' END AS status,
    ROW_NUMBER() OVER (ORDER BY CASE WHEN eligible THEN 0 WHEN NOT eligible THEN 2 ELSE 1 END,
      CASE WHEN priority IS NULL THEN 1 ELSE 0 END, priority DESC, person_id) AS place
  FROM decided d)
SELECT person_id, status, groups, excluded_by, priority, CASE WHEN status <> 'not_eligible' THEN place ELSE NULL END AS "rank", current_law_excess AS current_law_excess_days, place FROM ranked;

COPY (SELECT person_id, status, groups, excluded_by, printf('%.4f', priority) AS priority, "rank" AS "rank", current_law_excess_days FROM screening ORDER BY place) TO '<OUT>/screening.csv' (HEADER, DELIMITER ',');
