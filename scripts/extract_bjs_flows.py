#!/usr/bin/env python3
"""Writes rules/projection/bjs-flows-2022.toml from the BJS Prisoners in 2022 CSV tables.

Usage: scripts/extract_bjs_flows.py DIR_WITH_p22stt04_08_09 > rules/projection/bjs-flows-2022.toml
Tables: 4 (sentenced prisoners, 2022 total), 8 (admissions, 2022 total), 9 (releases, 2022
total). tests/law/prison_flows_test.cc re-reads the same CSVs and compares.
"""
import csv
import re
import sys

STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS",
    "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA",
    "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ",
    "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND",
    "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI",
    "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT",
    "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "Federal": "US",
}


def number(cell):
    return int(cell.replace(",", ""))


def column(path, col):
    """{code: value} from the jurisdiction rows; col indexes the row's cells."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for row in csv.reader(f):
            if len(row) <= col:
                continue
            name = re.sub(r"/.*$", "", (row[0] or row[1]).strip())
            if name not in STATES and name[:-1] in STATES:
                name = name[:-1]  # a footnote letter without its slash: "Virginial" in Table 8
            if name in STATES and STATES[name] not in out:
                out[STATES[name]] = number(row[col])
    return out


def main():
    d = sys.argv[1]
    stock = column(f"{d}/p22stt04.csv", 6)      # 2022 total
    admissions = column(f"{d}/p22stt08.csv", 3)  # 2022 total
    releases = column(f"{d}/p22stt09.csv", 3)    # 2022 total
    print(HEADER)
    for code in sorted(stock, key=lambda c: (c == "US", c)):
        print(f"{code} = [{stock[code]}, {admissions[code]}, {releases[code]}]")


HEADER = '''# Prison flows for the impact projection (clemency simulate, docs/projection.md): for each
# jurisdiction, sentenced prisoners at year-end 2022 and the admissions and releases of
# sentenced prisoners during 2022. Written by scripts/extract_bjs_flows.py from the BJS CSV
# bundle p22st; tests/law/prison_flows_test.cc re-reads the CSVs and compares every number.
#
# Source: E. Ann Carson and Rich Kluckow, "Prisoners in 2022 - Statistical Tables", NCJ 307149,
# Bureau of Justice Statistics, version 11/30/23: Table 4 (sentenced prisoners under state or
# federal jurisdiction, 2022 total), Table 8 (admissions, 2022 total: new court commitments and
# conditional supervision violations), Table 9 (releases, 2022 total: unconditional, conditional
# and deaths). Vermont's admissions and releases are BJS imputations (Tables 8 and 9 footnotes).
# "US" is the federal system. The District of Columbia has no prison system of its own (its
# sentenced felons are federal prisoners) and no row.
#
# Format (checked by src/clemency/law/prison_flows.cc):
# [source]  title, ncj, year, citation, confidence
# [flows]   CODE = [stock, admissions, releases], each a count of persons, stock > 0.

[source]
title = "Prisoners in 2022 - Statistical Tables"
ncj = "NCJ 307149"
year = 2022
citation = "BJS, Prisoners in 2022 - Statistical Tables (NCJ 307149), Tables 4, 8 and 9 (sentenced prisoners, admissions and releases, 2022)"
confidence = "primary"

[flows]'''

if __name__ == "__main__":
    main()
