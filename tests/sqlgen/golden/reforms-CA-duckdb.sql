-- The people ApplyReforms computes: one of their sentences may be touched by a reform in force
law_gate AS (
  -- CA: a sentence for an offense a reform in force names
  SELECT s.person_id FROM law_sentences s
  WHERE s.jur = 'CA' AND s.code IN ('CA:HS 11350(a)', 'CA:HS 11377(a)', 'CA:PC 459 2nd', 'CA:PC 470(a)', 'CA:PC 476a(a)', 'CA:PC 484e(d)', 'CA:PC 487(a)', 'CA:PC 487(c)', 'CA:PC 496(a)', 'CA:PC 666(a)', 'CA:VC 10851(a)')
  UNION ALL
  -- CA: a sentence with an enhancement a reform in force names
  SELECT s.person_id FROM law_sentences s JOIN law_enhancements e ON e.sid = s.sid
  WHERE s.jur = 'CA' AND e.code IN ('CA:PC 667(e)(2)(A)', 'CA:HS 11370.2', 'CA:PC 667(a)', 'CA:PC 667.5(b)')
),
-- CA: the enhancements each reform reads, per sentence
ca_enh AS (
  SELECT sid,
    MAX(CASE WHEN code IN ('CA:PC 667(e)(2)(A)') THEN 1 ELSE 0 END) AS r1_enh_any,
    MAX(CASE WHEN code IN ('CA:HS 11370.2') THEN 1 ELSE 0 END) AS r4_enh_any,
    CAST(SUM(CASE WHEN code IN ('CA:HS 11370.2') THEN days ELSE 0 END) AS BIGINT) AS r4_enh_days,
    MAX(CASE WHEN code IN ('CA:PC 667(a)') THEN 1 ELSE 0 END) AS r5_enh_any,
    CAST(SUM(CASE WHEN code IN ('CA:PC 667(a)') THEN days ELSE 0 END) AS BIGINT) AS r5_enh_days,
    MAX(CASE WHEN code IN ('CA:PC 667.5(b)') THEN 1 ELSE 0 END) AS r6_enh_any,
    CAST(SUM(CASE WHEN code IN ('CA:PC 667.5(b)') THEN days ELSE 0 END) AS BIGINT) AS r6_enh_days,
    CAST(SUM(days) AS BIGINT) AS enh_all_days
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
ca_in AS MATERIALIZED (
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
    CAST(NULL AS VARCHAR) AS r1_opener
  FROM ca_in AS p
),
ca_1 AS MATERIALIZED (
  SELECT p.*,
    r1_dates <> 'no' AND r1_match AS r1_applied,
    (r1_dates = 'unknown' OR r1_unsure) AS r1_range,
    CASE WHEN r1_dates <> 'no' AND r1_match THEN CASE WHEN in_catalog AND triad_lower_months > 0 THEN 2 * ((triad_lower_months * 1461 + 24) // (48)) + enh_all_days END ELSE imposed END AS r1_low,
    CASE WHEN r1_dates <> 'no' AND r1_match AND NOT (r1_dates = 'unknown' OR r1_unsure) THEN CASE WHEN in_catalog AND triad_lower_months > 0 THEN 2 * ((triad_upper_months * 1461 + 24) // (48)) + enh_all_days ELSE imposed END ELSE imposed END AS r1_high
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
    CAST(NULL AS VARCHAR) AS r2_opener
  FROM ca_1 AS p
),
ca_2 AS MATERIALIZED (
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
    CAST(NULL AS VARCHAR) AS r3_opener
  FROM ca_2 AS p
),
ca_3 AS MATERIALIZED (
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
ca_4 AS MATERIALIZED (
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
ca_5 AS MATERIALIZED (
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
ca_6 AS MATERIALIZED (
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
    CAST(NULL AS VARCHAR) AS r7_opener
  FROM ca_6 AS p
),
ca_7 AS MATERIALIZED (
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
    CAST(NULL AS VARCHAR) AS r8_opener
  FROM ca_7 AS p
),
ca_8 AS MATERIALIZED (
  SELECT p.*,
    r8_dates <> 'no' AND r8_match AS r8_applied,
    (r8_dates = 'unknown' OR r8_unsure) AS r8_range,
    CASE WHEN r8_dates <> 'no' AND r8_match THEN CASE WHEN r7_high IS NULL OR r7_high = 1000000000000 OR imposed IS NULL OR imposed = 1000000000000 THEN r7_high ELSE CASE WHEN r7_high > CASE WHEN imposed < 1095 THEN imposed ELSE 1095 END THEN r7_high ELSE CASE WHEN imposed < 1095 THEN imposed ELSE 1095 END END END ELSE r7_high END AS r8_high,
    CASE WHEN r8_dates <> 'no' AND r8_match THEN FALSE ELSE r7_reclassified END AS r8_reclassified
  FROM ca_8_test AS p
),
-- CA: a full resentencing (ca-sb483-2021) reaches every other reform applied to the sentence, except those it lists:
-- the first applied reform it opened
ca_resentencing AS MATERIALIZED (
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
-- Sentencing reforms in force on 2026-01-01: every changed sentence
law_out AS (
  SELECT sid, high, low, excess_min, excess_max, remedy, reclassified FROM ca_out
)
