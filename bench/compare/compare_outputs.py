#!/usr/bin/python3
"""Checks that the systems of bench/compare.sh agree: the counts of eligible,
needs_review and not_eligible of each, and, row by row against the first
(the reference, Clemency's screening.csv), the columns person_id, status,
groups, excluded_by, priority and rank (same order, same values).
  usage: compare_outputs.py NAME=FILE.csv NAME=FILE.csv ...
Exit 1 when any system disagrees with the reference."""
import csv
import sys
from collections import Counter

COLUMNS = ["person_id", "status", "groups", "excluded_by", "priority", "rank"]


def rows(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        header = next(r)
        idx = [header.index(c) for c in COLUMNS]
        for row in r:
            yield tuple(row[i] for i in idx)


systems = [a.split("=", 1) for a in sys.argv[1:]]
ref_name, ref_path = systems[0]
ref = list(rows(ref_path))
ref_counts = Counter(r[1] for r in ref)
ok = True
print(f"{'system':<22} {'eligible':>9} {'needs_review':>13} {'not_eligible':>13}  rows differing from {ref_name}")
for name, path in systems:
    data = ref if name == ref_name else list(rows(path))
    counts = Counter(r[1] for r in data)
    diff = sum(1 for a, b in zip(ref, data) if a != b) + abs(len(ref) - len(data))
    first = next((f"first at row {i + 2}: {a} vs {b}" for i, (a, b) in enumerate(zip(ref, data)) if a != b), "")
    print(f"{name:<22} {counts['eligible']:>9} {counts['needs_review']:>13} {counts['not_eligible']:>13}  "
          f"{diff} {first}")
    if diff or counts != ref_counts:
        ok = False
print("all systems agree" if ok else "SYSTEMS DISAGREE")
sys.exit(0 if ok else 1)
