#!/usr/bin/python3
"""Exports an offense catalog (rules/offenses/XX.toml) as CSV for the comparison
scripts: code, category, flags (';'-separated catalog flags), triad_lower_months and
triad_upper_months (0 when the offense has no triad).
  usage: export_catalog.py rules/offenses/CA.toml OUT.csv"""
import csv
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    catalog = tomllib.load(f)
with open(sys.argv[2], "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "category", "flags", "triad_lower_months", "triad_upper_months"])
    for o in catalog["offense"]:
        triad = o.get("triad_months", [0, 0, 0])
        w.writerow([o["code"], o["category"], ";".join(o.get("flags", [])), triad[0], triad[-1]])
