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
                usecols=["person_id", "offense_code", "sentence_type", "status"])
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
# No reforms are in the rule packs yet: current_law.excess is 0 days for a
# person with an active sentence, unknown for one without.
excess_known = active_n > 0
current_law = boolean(np.zeros(len(p), dtype=bool), excess_known)

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
excess_days = np.zeros(len(p))  # coalesce(current_law.excess, 0 days): 0 known or not
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
