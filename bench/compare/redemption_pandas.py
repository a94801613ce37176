#!/usr/bin/python3
"""redemption-2020 (default parameters) in pandas over the canonical CSVs, for
the end-to-end comparison in bench/compare.sh (BENCHMARKS.md).
  usage: redemption_pandas.py DATA_DIR OFFENSES.csv OUT.csv [AS_OF]
Reads people.csv, sentences.csv and the offense catalog export
(export_catalog.py), computes each person's groups, exclusions, status (Kleene
logic through pandas' nullable "boolean" dtype: unknown = NA), priority and
rank exactly as the engine does (rules/policies/redemption-2020.toml;
src/clemency/screen/), and writes person_id,status,groups,excluded_by,
priority,rank sorted like screening.csv: eligible, then needs_review, each by
priority descending, then not_eligible; ties and not_eligible by person_id.
current_law.excess applies the California reforms of rules/reforms/CA.toml
(Prop 36, Prop 47, SB 180, SB 1393, SB 136, in file order), re-implemented from
the rule file's meaning (its header is the contract).
Needs Debian's python3-pandas (run with /usr/bin/python3)."""
import sys

import numpy as np
import pandas as pd

data_dir, offenses_csv, out_csv = sys.argv[1:4]
as_of = pd.Timestamp(sys.argv[4] if len(sys.argv) > 4 else "2026-01-01")

# The policy's parameters, with their default values.
MIN_AGE_YEARS = 55
EXCLUDE_SEX_REGISTRABLE = True
EXCLUDE_VIOLENT_FELONY = False
EXCLUDE_LWOP_DEATH = True
MAX_INFRACTIONS_5Y = 3
WEIGHT_AGE, WEIGHT_EXCESS, WEIGHT_SERVED = 1.0, 2.0, 1.0
DAYS_PER_YEAR = 365.2425  # years(x) = days / (30.436875 * 12), as in the engine
SEVERITY = ["violent", "sex", "property", "drug_distribution", "drug_possession", "public_order", "other"]

# ---------------------------------------------------------------- sentences
off = pd.read_csv(offenses_csv, dtype=str, keep_default_na=False)
flags = ";" + off["flags"] + ";"
sev_of = dict(zip(off["code"], off["category"].map({c: i for i, c in enumerate(SEVERITY)})))
sex_of = dict(zip(off["code"], flags.str.contains(";sex_registrable;", regex=False)))
vio_of = dict(zip(off["code"], flags.str.contains(";violent_felony;", regex=False)))

s = pd.read_csv(f"{data_dir}/sentences.csv", dtype=str, keep_default_na=False,
                usecols=["person_id", "sentence_id", "offense_code", "sentence_date", "sentence_type", "term_days",
                         "min_term_days", "max_term_days", "enhancements", "consecutive_to", "status"])
# Map each distinct code once.
codes = s["offense_code"].astype("category")
cats = codes.cat.categories
in_catalog = cats.isin(off["code"])
ci = codes.cat.codes.to_numpy()
active = (s["status"] == "active").to_numpy()
s_in = in_catalog[ci]
sev = np.asarray(pd.Series(cats).map(sev_of), dtype=float)[ci]  # NaN when not in the catalog


def code3(flag_of):
    """Per sentence: 2 when active and the flag is set, 1 when active and
    unknown (code not in the catalog), else 0; any() is then the maximum."""
    f = np.asarray(pd.Series(cats).map(flag_of).fillna(False), dtype=bool)[ci]
    return np.where(active, np.where(~s_in, 1, np.where(f, 2, 0)), 0).astype(np.int8)


lwop = s["sentence_type"].isin(["lwop", "death"]).to_numpy()
agg = pd.DataFrame({
    "person_id": s["person_id"],
    "active_n": active.astype(np.int32),
    "best": np.where(active & s_in, sev, np.nan),
    "category_unknown": (active & ~s_in).astype(np.int8),
    "any_sex": code3(sex_of),
    "any_violent": code3(vio_of),
    "any_lwop": np.where(active & lwop, 2, 0).astype(np.int8),
}).groupby("person_id", sort=False).agg(
    active_n=("active_n", "sum"), best=("best", "min"), category_unknown=("category_unknown", "max"),
    any_sex=("any_sex", "max"), any_violent=("any_violent", "max"), any_lwop=("any_lwop", "max"))

# -------------------------------------------------------------- current law
# Terms as floats: days, LIFE (inf) for a life or open-ended term, NaN unknown.
LIFE = np.inf
AS_OF = as_of.strftime("%Y-%m-%d")
PROP47_DRUG = ["CA:HS 11350(a)", "CA:HS 11377(a)"]
PROP47_THEFT = ["CA:PC 459 2nd", "CA:PC 470(a)", "CA:PC 476a(a)", "CA:PC 484e(d)", "CA:PC 487(a)", "CA:PC 487(c)",
                "CA:PC 496(a)", "CA:PC 666(a)", "CA:VC 10851(a)"]
THIRD_STRIKE, HS_11370_2, PC_667A, PC_667_5B = "CA:PC 667(e)(2)(A)", "CA:HS 11370.2", "CA:PC 667(a)", "CA:PC 667.5(b)"


def minus(x, d):  # an enhancement no longer adds time: life and unknown stay as they are
    return np.where(np.isfinite(x), np.maximum(0, x - d), x)


def at_most(x, cap):  # a cap applies to an unknown term too
    return np.where(np.isnan(x), cap, np.minimum(x, cap))


def num(col):
    return pd.to_numeric(col.replace("", None), errors="coerce").to_numpy(dtype=float)


code_s = s["offense_code"]
date_s = s["sentence_date"]
enh_s = s["enhancements"]
ca = ((code_s == "CA") | code_s.str.startswith("CA:")).to_numpy()
# The sentences a reform could touch (a superset): a CA offense sentenced before the last
# effective date whose offense code or an enhancement code a reform names.
cand_mask = ca & (date_s < "2020-01-01").to_numpy() & (
    code_s.isin(PROP47_DRUG + PROP47_THEFT).to_numpy()
    | np.logical_or.reduce([enh_s.str.contains(c + "=", regex=False).to_numpy()
                            for c in (THIRD_STRIKE, HS_11370_2, PC_667A, PC_667_5B)]))
law_people = pd.unique(s["person_id"].to_numpy()[cand_mask])
law_excess = pd.Series(dtype=float)
if len(law_people):
    ls = s[s["person_id"].isin(law_people).to_numpy()].reset_index(drop=True)  # their sentences
    n = len(ls)
    lcode = ls["offense_code"]
    known = lcode.isin(off["code"]).to_numpy()
    lflags = lcode.map(dict(zip(off["code"], flags))).fillna("")
    has = lambda f: lflags.str.contains(f";{f};", regex=False).to_numpy()
    triad_lo = lcode.map(dict(zip(off["code"], pd.to_numeric(off["triad_lower_months"])))).fillna(0).to_numpy()
    triad_hi = lcode.map(dict(zip(off["code"], pd.to_numeric(off["triad_upper_months"])))).fillna(0).to_numpy()
    # person_flags_none over all the person's sentences: 2 a listed flag (no relief), 1 an
    # offense not in the catalog (a range), 0 none.
    pid = ls["person_id"]
    per = pd.DataFrame({"pid": pid,
                        "super": np.where(~known, 1, np.where(has("super_strike"), 2, 0)),
                        "p47": np.where(~known, 1, np.where(has("super_strike") | has("sex_registrable")
                                                            | has("registrant"), 2, 0))})
    per = per.groupby("pid", sort=False).max()
    person_super = pid.map(per["super"]).to_numpy()
    person_p47 = pid.map(per["p47"]).to_numpy()
    # Enhancements "CODE=DAYS;CODE=DAYS" (a code may repeat): all their days, and per code a
    # reform names whether it is there (a 0-day marker counts) and its days.
    items = ls["enhancements"].str.split(";").explode()
    items = items[items != ""]
    parts = items.str.rsplit("=", n=1)
    ecode = parts.str[0]
    edays = pd.to_numeric(parts.str[1]).astype(float)
    enh_total = edays.groupby(level=0).sum().reindex(range(n), fill_value=0).to_numpy()

    def enh_of(code):
        m = ecode == code
        return (m.groupby(level=0).any().reindex(range(n), fill_value=False).to_numpy(dtype=bool),
                edays.where(m, 0).groupby(level=0).sum().reindex(range(n), fill_value=0).to_numpy())

    has_third, _ = enh_of(THIRD_STRIKE)
    has_11370_2, d_11370_2 = enh_of(HS_11370_2)
    has_667a, d_667a = enh_of(PC_667A)
    has_667_5b, d_667_5b = enh_of(PC_667_5B)

    ltype = ls["sentence_type"].to_numpy()
    lterm, lmin, lmax = num(ls["term_days"]), num(ls["min_term_days"]), num(ls["max_term_days"])
    open_ended = (ltype == "indeterminate") & np.isnan(lmax)
    # As imposed; an indeterminate term without maximum is life, its minimum the floor.
    imposed = np.where(ltype == "determinate", lterm, np.where(ltype == "indeterminate",
                                                                np.where(open_ended, LIFE, lmax), LIFE))
    floor = np.where(open_ended, lmin, np.nan)
    ldate = ls["sentence_date"]
    lca = ((lcode == "CA") | lcode.str.startswith("CA:")).to_numpy()

    def reaches(effective):  # in force on the as-of date, sentence imposed before it took effect
        return lca & (AS_OF >= effective) & (ldate < effective).to_numpy()

    # In file order. Prop 36 (2012-11-07): a third strike on a life or N-to-life term, offense
    # neither serious nor violent, no super strike of the person: twice the triad (lower to
    # upper, 365.25 / 12 days a month, rounded) plus the enhancements. Not in the catalog: the
    # exclusion and triad unknown (low unknown); another offense not in it: a range up to life.
    month_days = lambda m: np.floor(m * 365.25 / 12 + 0.5)
    p36 = (reaches("2012-11-07") & has_third & np.isin(ltype, ["indeterminate", "life"]) & (imposed == LIFE)
           & ~(known & (has("serious_felony") | has("violent_felony"))) & (person_super < 2))
    with_triad = known & (triad_lo > 0)
    low = np.where(p36, np.where(with_triad, 2 * month_days(triad_lo) + enh_total, np.nan), imposed)
    high = np.where(p36 & with_triad & (person_super == 0), 2 * month_days(triad_hi) + enh_total, imposed)
    # Prop 47 (2014-11-05), possession: at most 365 days unless the person has a super
    # strike, a registrable or registrant offense; an offense not in the catalog: a range.
    p47d = reaches("2014-11-05") & lcode.isin(PROP47_DRUG).to_numpy() & (person_p47 < 2)
    low = np.where(p47d, at_most(low, 365), low)
    high = np.where(p47d & (person_p47 == 0), at_most(high, 365), high)
    # Prop 47, theft and the like: depends on the value: always a range.
    p47t = reaches("2014-11-05") & lcode.isin(PROP47_THEFT).to_numpy() & (person_p47 < 2)
    low = np.where(p47t, at_most(low, 365), low)
    # SB 180 (2018-01-01) removes HS 11370.2; from 2022-01-01 SB 483 reaches it through a
    # resentencing that may refuse a lesser term (PC 1172.75(d)(1)): the low end only.
    sb483 = (AS_OF >= "2022-01-01") & (ldate < "2022-01-01").to_numpy()
    sb180 = reaches("2018-01-01") & has_11370_2
    low, high = np.where(sb180, minus(low, d_11370_2), low), np.where(sb180 & ~sb483, minus(high, d_11370_2), high)
    # SB 1393 (2019-01-01): the court may strike PC 667(a) but need not: the low end only.
    sb1393 = reaches("2019-01-01") & has_667a
    low = np.where(sb1393, minus(low, d_667a), low)
    # SB 136 (2020-01-01) removes PC 667.5(b); through SB 483 from 2022, the low end only.
    sb136 = reaches("2020-01-01") & has_667_5b
    low, high = np.where(sb136, minus(low, d_667_5b), low), np.where(sb136 & ~sb483, minus(high, d_667_5b), high)
    # Prop 36 of 2024 (2024-12-18): with two drug priors possession is a felony again, up to
    # 1,095 days: where Prop 47 reclassified it, the high end returns (at most the term imposed).
    p36_2024 = p47d & (AS_OF >= "2024-12-18") & np.isfinite(high) & np.isfinite(imposed)
    high = np.where(p36_2024, np.maximum(high, np.minimum(imposed, 1095)), high)
    changed = p36 | p47d | p47t | sb180 | sb1393 | sb136
    # Per touched sentence: the guaranteed excess imposed - high and the possible one
    # imposed - low (never negative); against life: 0 when current law is life, the floor of
    # an open-ended term in the guaranteed one, else unknown.
    with np.errstate(invalid="ignore"):
        days_imposed = np.isfinite(imposed)
        excess_min = np.where(days_imposed, np.where(np.isfinite(high), np.maximum(0, imposed - high), 0),
                              np.where(imposed == LIFE, np.where(high == LIFE, 0, np.maximum(0, floor - high)),
                                       np.nan))
        excess_max = np.where(days_imposed, np.maximum(0, imposed - low),
                              np.where((imposed == LIFE) & (low == LIFE), 0, np.nan))
    # As terms: NaN for life or unknown (untouched sentences keep the term as imposed).
    fin = lambda x: np.where(np.isfinite(x), x, np.nan)
    term, law_hi, law_lo = fin(imposed), fin(high), fin(low)

    # Consecutive sentences add up: each active sentence with the chain it ends (NaN when a
    # term in it is unknown).
    key = pd.Series(np.arange(n), index=pd.MultiIndex.from_arrays([pid, ls["sentence_id"]]))
    nxt = key.reindex(pd.MultiIndex.from_arrays([pid, ls["consecutive_to"]])).fillna(-1).to_numpy(dtype=np.int64)
    lactive = (ls["status"] == "active").to_numpy()
    starts = np.flatnonzero(lactive)
    tot = [term[starts].copy(), law_hi[starts].copy(), law_lo[starts].copy()]
    cur = nxt[starts]
    while (cur >= 0).any():
        ok = cur >= 0
        for t, v in zip(tot, (term, law_hi, law_lo)):
            t[ok] += v[cur[ok]]
        cur = np.where(ok, nxt[np.maximum(cur, 0)], -1)
    ch = changed[starts]
    g = pd.DataFrame({"pid": pid.to_numpy()[starts], "term": tot[0], "hi": tot[1], "lo": tot[2],
                      "term_na": np.isnan(tot[0]), "hi_na": np.isnan(tot[1]), "lo_na": np.isnan(tot[2]),
                      "touched": ch, "emin": np.where(ch, excess_min[starts], -1.0),
                      "emax": np.where(ch, excess_max[starts], -1.0),
                      "emin_na": ch & np.isnan(excess_min[starts]), "emax_na": ch & np.isnan(excess_max[starts])})
    lp = g.groupby("pid", sort=False).agg(term=("term", "max"), hi=("hi", "max"), lo=("lo", "max"),
                                           term_na=("term_na", "max"), hi_na=("hi_na", "max"), lo_na=("lo_na", "max"),
                                           touched=("touched", "max"), emin=("emin", "max"), emax=("emax", "max"),
                                           emin_na=("emin_na", "max"), emax_na=("emax_na", "max"))
    imp = np.where(lp["term_na"], np.nan, lp["term"])
    hi = np.where(lp["hi_na"], np.nan, lp["hi"])
    lo = np.where(lp["lo_na"], np.nan, lp["lo"])
    smin = np.where(lp["emin_na"], np.nan, lp["emin"])
    smax = np.where(lp["emax_na"], np.nan, lp["emax"])
    # current_law.excess: 0 when no reform touches an active sentence; from the whole terms
    # when known (a guaranteed 0 is 0 only when nothing could come off, else unknown);
    # against a life or open-ended term, the largest of a single touched sentence.
    with np.errstate(invalid="ignore"):
        whole = ~np.isnan(imp) & ~np.isnan(hi)
        from_whole = np.where(imp - hi > 0, imp - hi, np.where(np.maximum(0, imp - lo) == 0, 0, np.nan))
        single = np.where(smin > 0, smin, np.where(smax == 0, 0, np.nan))
        single = np.where(np.isnan(smin), np.nan, single)
        law_excess = pd.Series(np.where(~lp["touched"].to_numpy(dtype=bool), 0,
                                        np.where(whole, from_whole, single)), index=lp.index)

# ------------------------------------------------------------------- people
p = pd.read_csv(f"{data_dir}/people.csv", dtype=str, keep_default_na=False,
                usecols=["person_id", "birth_date", "admission_date", "admission_type", "infractions_5y"])
a = agg.reindex(p["person_id"])
active_n = a["active_n"].fillna(0).to_numpy()
best = a["best"].to_numpy()
cat_unknown = a["category_unknown"].fillna(0).to_numpy() > 0


def boolean(values, known):
    """A Kleene (nullable) boolean array: NA where not known."""
    return pd.arrays.BooleanArray(np.asarray(values, dtype=bool), ~np.asarray(known, dtype=bool))


def constant(value):
    return boolean(np.full(len(p), value), np.full(len(p), True))


def kleene(code):  # any(...) from its code: 2 true, 1 unknown, 0 (or no sentence) false
    c = code.fillna(0).to_numpy()
    return boolean(c == 2, c != 1)


birth = pd.to_datetime(p["birth_date"], format="%Y-%m-%d")
admission = pd.to_datetime(p["admission_date"], format="%Y-%m-%d")
# age >= 55 years: birth + 55 years <= as_of, with the engine's date rule (a
# 29 February that does not exist in the target year rolls to 1 March).
y = birth.dt.year.to_numpy() + MIN_AGE_YEARS
m, d = birth.dt.month.to_numpy(), birth.dt.day.to_numpy()
leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
roll = (m == 2) & (d == 29) & ~leap
target = y * 10000 + np.where(roll, 3, m) * 100 + np.where(roll, 1, d)
older = constant(True) & (target <= as_of.year * 10000 + as_of.month * 100 + as_of.day)

msc_known = ~np.isnan(best) & (~cat_unknown | (best == 0))
drug = boolean(np.isin(best, [SEVERITY.index("drug_possession"), SEVERITY.index("drug_distribution")]), msc_known)
adm = p["admission_type"].to_numpy()
technical = boolean(adm == "technical_violation", (adm != "") & (adm != "unknown"))
# current_law.excess: unknown without an active sentence; 0 for a person no reform touches.
candidates = p["person_id"].isin(law_excess.index).to_numpy()
excess = np.where(active_n > 0, np.where(candidates, law_excess.reindex(p["person_id"]).to_numpy(dtype=float), 0),
                  np.nan)
with np.errstate(invalid="ignore"):
    current_law = boolean(excess > 0, ~np.isnan(excess))

inf = pd.to_numeric(p["infractions_5y"].replace("", None), errors="coerce").to_numpy()
x_sex = constant(EXCLUDE_SEX_REGISTRABLE) & kleene(a["any_sex"])
x_violent = constant(EXCLUDE_VIOLENT_FELONY) & kleene(a["any_violent"])
x_lwop = constant(EXCLUDE_LWOP_DEATH) & kleene(a["any_lwop"])
x_misconduct = boolean(inf > MAX_INFRACTIONS_5Y, ~np.isnan(inf))

ok = (older | drug | technical | current_law) & ~x_sex & ~x_violent & ~x_lwop & ~x_misconduct
ok_true = ok.fillna(False).to_numpy(dtype=bool)
ok_false = (~ok).fillna(False).to_numpy(dtype=bool)
status_order = np.where(ok_true, 0, np.where(ok_false, 2, 1))

as_of_days = (as_of - pd.Timestamp("1970-01-01")).days
age_days = (as_of_days - (birth - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float)
served_days = (as_of_days - (admission - pd.Timestamp("1970-01-01")).dt.days).to_numpy(dtype=float)
excess_days = np.nan_to_num(excess, nan=0.0)  # coalesce(current_law.excess, 0 days)
priority = (WEIGHT_AGE * (age_days / DAYS_PER_YEAR) + WEIGHT_EXCESS * (excess_days / DAYS_PER_YEAR)
            + WEIGHT_SERVED * (served_days / DAYS_PER_YEAR))


def joined(named):
    out = pd.Series([""] * len(p))
    for name, values in named:
        hit = values.fillna(False).to_numpy(dtype=bool)
        out = out.where(~hit, out + ";" + name)
    return out.str[1:]


result = pd.DataFrame({
    "person_id": p["person_id"],
    "status": np.array(["eligible", "needs_review", "not_eligible"])[status_order],
    "groups": joined([("older", older), ("drug", drug), ("technical_violation", technical),
                      ("current_law", current_law)]),
    "excluded_by": joined([("sex_registrable", x_sex), ("violent_felony", x_violent),
                           ("lwop_or_death", x_lwop), ("recent_misconduct", x_misconduct)]),
    "priority": priority,
    "_order": status_order,
    "_key": np.where(status_order < 2, -priority, 0.0),
})
result = result.sort_values(["_order", "_key", "person_id"], kind="stable", ignore_index=True)
ranked = result["_order"].to_numpy() < 2
result["rank"] = pd.array(np.where(ranked, np.arange(1, len(result) + 1), None), dtype="Int64")
result.drop(columns=["_order", "_key"]).to_csv(out_csv, index=False, float_format="%.4f")
print(f"pandas: wrote {out_csv}")
