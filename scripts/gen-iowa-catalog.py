#!/usr/bin/env python3
"""Generates rules/offenses/IA.toml from the Iowa DOC prison-population files.

Usage: scripts/gen-iowa-catalog.py [DATA_DIR] > rules/offenses/IA.toml
DATA_DIR defaults to ../shared/data/real/iowa-prison-pop (next to the repo).

The generated TOML is what is checked in; nothing in the build or the tests
runs this script. Every distinct `Offense Code` (trimmed) in the three files
becomes one [[offense]] with code "IA:" + the code exactly as DOC writes it.
The mapping rules below are repeated in the header of the generated file and
(the category part) in tests/law/offense_catalog_test.cc; keep all three in step.
"""
import collections
import csv
import glob
import os
import re
import sys

# (Offense Type, Offense Subtype) -> (category, bjs_offense).
TYPE_MAP = {
    ("Violent", "Murder/Manslaughter"): ("violent", "murder"),
    ("Violent", "Assault"): ("violent", "assault"),
    ("Violent", "Kidnap"): ("violent", "other_violent"),
    ("Violent", "Robbery"): ("violent", "robbery"),
    ("Violent", "Sex"): ("sex", "rape_sexual_assault"),
    ("Violent", "Other Violent"): ("violent", "other_violent"),
    ("Property", "Burglary"): ("property", "burglary"),
    ("Property", "Theft"): ("property", "larceny_theft"),
    ("Property", "Forgery/Fraud"): ("property", "fraud"),
    ("Property", "Arson"): ("property", "other_property"),
    ("Property", "Vandalism"): ("property", "other_property"),
    ("Property", "Stolen Property"): ("property", "other_property"),
    ("Drug", "Drug Possession"): ("drug_possession", "drug_possession"),
    ("Drug", "Trafficking"): ("drug_distribution", "drug_other"),
    ("Drug", "Other Drug"): ("drug_distribution", "drug_other"),
    ("Public Order", "OWI"): ("public_order", "dui"),
    ("Public Order", "Weapons"): ("public_order", "weapons"),
    ("Public Order", "Traffic"): ("public_order", "other_public_order"),
    ("Public Order", "Alcohol"): ("public_order", "other_public_order"),
    ("Public Order", "Flight/Escape"): ("public_order", "other_public_order"),
    ("Public Order", "Prostitution/Pimping"): ("public_order", "other_public_order"),
    ("Public Order", "Other Public Order"): ("public_order", "other_public_order"),
    ("Other", "Other Violent"): ("violent", "other_violent"),
    ("Other", "Other Criminal"): ("other", "other_unspecified"),
    ("Other", "Animals"): ("other", "other_unspecified"),
    ("None", "None"): ("other", "other_unspecified"),
}

# bjs_offense refinements by code (the category always comes from TYPE_MAP).
BJS_OVERRIDE = {
    "707.5(1)": "negligent_manslaughter",     # involuntary manslaughter
    "707.6A(1)": "negligent_manslaughter",    # homicide by vehicle
    "707.6A(2)": "negligent_manslaughter",
    "707.6A(3)": "negligent_manslaughter",
    "707.6A(4)": "other_violent",             # serious injury by vehicle: not a homicide
    "707.11": "assault",                      # attempted murder: UCR counts it as assault
    "707.11(5)(c)": "assault",
    "707.3A": "other_violent",                # solicitation to commit murder
    "707.8(1)": "other_violent",              # non-consensual termination of pregnancy
    "7099": "other_violent",                  # NCIC "crimes against person"
    "714.7": "motor_vehicle_theft",           # operating a vehicle without consent
}

# Offense Classification -> felony_class, statutory_max_months (None: not given),
# max_life.
CLASS_MAP = {
    "A Felony": ("A", None, True),                        # 902.1: life
    "B Felony": ("B", 300, False),                        # 902.9(1)(b): 25 years
    "C Felony": ("C", 120, False),                        # 902.9(1)(d): 10 years
    "D Felony": ("D", 60, False),                         # 902.9(1)(e): 5 years
    "Aggravated Misdemeanor": ("aggravated_misdemeanor", 24, False),  # 903.1(2): 2 years
    "Serious Misdemeanor": ("serious_misdemeanor", 12, False),        # 903.1(1)(b): 1 year
    "Simple Misdemeanor": ("simple_misdemeanor", 1, False),           # 903.1(1)(a): 30 days
    "Felony - Enhancement to Original Penalty": ("felony_enhancement", None, False),
    "Felony - Mandatory Minimum": ("felony_mandatory_minimum", None, False),
    "Other Felony": ("other_felony", None, False),
    "Special Sentence 2005": ("special_sentence", None, False),
    "NCIC Virtual Code": (None, None, False),
    "None": (None, None, False),
}
MAX_SOURCE = {
    "A": "Iowa Code 902.1 (class A: life)",
    "B": "Iowa Code 902.9(1)(b) (class B: 25 years)",
    "C": "Iowa Code 902.9(1)(d) (class C: 10 years)",
    "D": "Iowa Code 902.9(1)(e) (class D: 5 years)",
    "aggravated_misdemeanor": "Iowa Code 903.1(2) (aggravated misdemeanor: 2 years)",
    "serious_misdemeanor": "Iowa Code 903.1(1)(b) (serious misdemeanor: 1 year)",
    "simple_misdemeanor": "Iowa Code 903.1(1)(a) (simple misdemeanor: 30 days)",
}
MAX_OVERRIDE = {
    # "B plus" felony: 902.9(1)(a) as it read before 2020 Acts ch. 1074 (now "Reserved").
    "124.401D,B": (1188, "Iowa Code 902.9(1)(a) before 2020 Acts ch. 1074 (124.401D: 99 years) [unconfirmed]"),
}

# Iowa Code 702.11: "any felonious child endangerment, assault, murder, sexual
# abuse, kidnapping, robbery, human trafficking, arson in the first degree, or
# burglary in the first degree", except willful injury under 708.4(2), sexual
# abuse in the third degree between spouses, 709.4(1)(b)(3)(d) (formerly
# 709.4(2)(c)(4)) and sexual exploitation by a counselor (709.15). Attempts,
# conspiracies and solicitation are not listed and are not flagged.
FORCIBLE = {
    "690.2", "690.3", "707.2", "707.3",                                  # murder
    "709.2", "709.3", "709.3(1)(b)", "709.4", "709.4(1)(a)", "709.4(1)(B)(1)",
    "709.4(1)(b)(2)", "709.4(1)(b)(3)(a)", "709.4(1)(b)(3)(b)", "709.4(1)(b)(3)(c)",
    "709.4(1)(c)(2)", "709.4(1)(d)", "709.4(2)(a)", "709.4(2)(b)",         # sexual abuse
    "706.3", "710.2", "710.3", "710.4",                                  # kidnapping
    "711.2", "711.3",                                                    # robbery
    "712.2",                                                             # arson 1st
    "713.2", "713.3", "713.3(1D)",                                       # burglary 1st
    "708.2(4)", "708.2(5)", "708.2A(4)", "708.2A(4A)", "708.2A(5)", "708.2C(4)",
    "708.3,A", "708.3,B", "708.3A(1)", "708.3A(2)", "708.3B", "708.3B(2)",
    "708.4", "708.4(1)",                                                 # felonious assault
    "726.6(4)", "726.6(5)", "726.6(6)", "726.6(6)-B", "726.6A",          # felonious child endangerment
}
FORCIBLE_NOT = {
    "708.4(2)": "willful injury causing bodily injury is excluded by 702.11(2)",
    "709.4(1)": "third-degree sexual abuse between spouses or cohabitants is excluded by 702.11(2)",
    "709.4(1)(b)(3)(d)": "excluded by 702.11(2)",
    "709.4(2C,4)": "old numbering of 709.4(2)(c)(4), excluded by 702.11(2); DOC itself writes \"NOT FORCIBLE FELONY\"",
    "709.15(2)(a)": "sexual exploitation by a counselor is excluded by 702.11(2)",
    "707.11": "attempted murder is not in the 702.11 list (it is an 85% offense under 902.12)",
}

# Iowa Code 692A.102 (tiers I-III) and 692A.101(1)(a): convictions that require
# registration without a further finding. Kidnapping, murder, harassment,
# stalking, incest and enticing a minor register only with a sexual-motivation
# finding (692A.126) or a minor victim, so they are not flagged.
def sex_registrable(code):
    if re.match(r"^709\.(2|3|4|8|9|11|12|15|21|23)\b", code):
        return True
    if code.startswith("728.12") or code in ("728.2", "728.15(2)", "713.3(1D)"):
        return True
    # Sexual-predator enhancements (901A), the 902.14 class-A enhancement and the
    # 903B special sentences only follow a conviction for a registrable offense.
    if code.startswith("901A.2") or code == "902.14" or code.startswith("903B."):
        return True
    return False

def registrant(code):
    # Registry violations: the person is already required to register.
    return code.startswith("692A.1") or code.startswith("692A.7")

SEVERITY = ["violent", "sex", "property", "drug_distribution", "drug_possession", "public_order", "other"]
CLEAN = re.compile(r"^\d{2,3}[A-Z]?\.\d+[A-Z]?(\((\d+[A-Z]?|[a-z])\))*$")
NCIC = re.compile(r"^\d{4}$")


def toml_str(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ord(ch) < 0x20:
            out += "\\u%04x" % ord(ch)
        else:
            out += ch
    return out + '"'


def section_of(code):
    """The Iowa Code section a DOC code refers to (suffixes such as ',A' dropped)."""
    m = re.match(r"^(\d{2,3}[A-Z]?\.\d+[A-Z]?)", code)
    return m.group(1) if m else None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data", "real",
                                                                  "iowa-prison-pop")
    files = sorted(glob.glob(os.path.join(data_dir, "*.csv")))
    if not files:
        sys.exit("no CSV files in " + data_dir)
    desc = collections.defaultdict(collections.Counter)
    cls = collections.defaultdict(collections.Counter)
    typ = collections.defaultdict(collections.Counter)
    nrows = 0
    for f in files:
        with open(f, encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                code = r["Offense Code"].strip()
                nrows += 1
                desc[code][r["Offense Description"].strip()] += 1
                cls[code][r["Offense Classification"].strip()] += 1
                typ[code][(r["Offense Type"].strip(), r["Offense Subtype"].strip())] += 1

    def top(counter, key=lambda k: k):
        best = max(counter.values())
        return sorted((k for k, v in counter.items() if v == best), key=key)[0]

    out = []
    w = out.append
    w(HEADER.format(files=", ".join(os.path.basename(f) for f in files), rows=nrows, codes=len(desc)))
    for code in sorted(desc, key=lambda c: (section_of(c) is None, c)):
        # Most frequent (Type, Subtype); ties go to the more serious category.
        t = top(typ[code], key=lambda k: SEVERITY.index(TYPE_MAP[k][0]))
        category, bjs = TYPE_MAP[t]
        bjs = BJS_OVERRIDE.get(code, bjs)
        title = top(desc[code])
        classification = top(cls[code])
        felony_class, max_months, max_life = CLASS_MAP[classification]
        max_src = MAX_SOURCE.get(felony_class)
        if code in MAX_OVERRIDE:
            max_months, max_src = MAX_OVERRIDE[code]
        flags = []
        sec = section_of(code)
        felony = felony_class in ("A", "B", "C", "D", "other_felony", "felony_enhancement")
        if code in FORCIBLE and felony:
            flags.append("forcible_felony")
        if sex_registrable(code):
            flags.append("sex_registrable")
        if registrant(code):
            flags.append("registrant")
        if felony_class and felony_class.endswith("_misdemeanor"):
            flags.append("misdemeanor")

        comments = []
        if NCIC.match(code):
            comments.append("NCIC offense code (DOC \"NCIC Virtual Code\"): a holding record, not an Iowa Code section.")
        elif code == "None":
            comments.append("DOC wrote the string None: the offense was not classified.")
        elif code == "999.99":
            comments.append("Not an Iowa Code section: DOC's code for a compact (out-of-state) prisoner.")
        elif not CLEAN.match(code):
            comments.append("DOC code not in Iowa Code citation form (suffix or unbalanced parenthesis); kept verbatim.")
        if len(desc[code]) > 1:
            others = "; ".join("%s (%d)" % (d, n) for d, n in desc[code].most_common() if d != title)
            comments.append("Also described as: " + others)
        if len(cls[code]) > 1:
            comments.append("Classification varies: " + ", ".join("%s %d" % (k, v) for k, v in cls[code].most_common())
                            + "; the most frequent is used.")
        if len(typ[code]) > 1:
            comments.append("Offense Type varies: " + ", ".join("%s/%s %d" % (k[0], k[1], v)
                                                                  for k, v in typ[code].most_common())
                            + "; the most frequent (ties: the more serious) is used.")
        if code in FORCIBLE_NOT:
            comments.append("Not flagged forcible_felony: " + FORCIBLE_NOT[code] + ".")
        if felony_class in ("felony_enhancement", "felony_mandatory_minimum", "other_felony", "special_sentence"):
            comments.append("No statutory maximum given: the DOC class (%s) does not fix one." % classification)

        cite = []
        if sec and CLEAN.match(code):
            cite.append("Iowa Code \u00a7" + code)
        elif sec:
            cite.append("Iowa Code \u00a7" + sec + " (DOC code \"%s\")" % code)
        else:
            cite.append("DOC offense code \"%s\" (no Iowa Code section)" % code)
        cite.append("class: DOC Offense Classification \"%s\"" % classification)
        if max_src:
            cite.append("maximum: " + max_src)
        if "forcible_felony" in flags:
            cite.append("forcible felony: Iowa Code 702.11")
        if "sex_registrable" in flags:
            cite.append("registration: Iowa Code 692A.102")
        if "registrant" in flags:
            cite.append("registry violation: Iowa Code ch. 692A")

        w("")
        for c in comments:
            w("# " + c)
        w("[[offense]]")
        w("code = " + toml_str("IA:" + code))
        w("title = " + toml_str(title))
        w("category = " + toml_str(category))
        w("bjs_offense = " + toml_str(bjs))
        if flags:
            w("flags = [" + ", ".join(toml_str(f) for f in flags) + "]")
        if felony_class:
            w("felony_class = " + toml_str(felony_class))
        if max_life:
            w("max_life = true")
        elif max_months is not None:
            w("statutory_max_months = %d" % max_months)
        w("citation = " + toml_str("; ".join(cite)))
    w(DESCRIPTION_PATTERNS)
    sys.stdout.write("\n".join(out) + "\n")


HEADER = r"""# Iowa offense catalog (DESIGN.md section 6). GENERATED by scripts/gen-iowa-catalog.py from the
# Iowa DOC "Current Iowa Correctional System Prison Population" files in
# shared/data/real/iowa-prison-pop ({files}; {rows} rows, {codes} distinct Offense Codes).
# Edit the script and regenerate; do not edit entries by hand. Format: see rules/offenses/CA.toml.
#
# One [[offense]] per distinct `Offense Code` (trimmed), code = "IA:" + the code exactly as DOC
# writes it, including DOC's own suffixes (",A", "-B", "(1A" ...), NCIC numbers and "None": an
# importer maps every row through this catalog, so coverage must be complete. Codes that are not
# Iowa Code citations are kept verbatim and marked in a comment.
#
# title          the Offense Description as DOC writes it; with several, the most frequent (the
#                others are listed in a comment).
# category, bjs_offense  from (Offense Type, Offense Subtype); with several, the most frequent
#                (ties: the more serious category):
#   Violent/Murder-Manslaughter  violent / murder     (involuntary manslaughter, vehicular
#                                homicide: negligent_manslaughter; attempted murder: assault, the
#                                UCR convention; serious injury by vehicle, solicitation,
#                                termination of pregnancy: other_violent)
#   Violent/Assault              violent / assault
#   Violent/Kidnap               violent / other_violent
#   Violent/Robbery              violent / robbery
#   Violent/Sex                  sex / rape_sexual_assault
#   Violent/Other Violent        violent / other_violent
#   Other/Other Violent          violent / other_violent   (conspiracy to commit a forcible felony)
#   Property/Burglary            property / burglary
#   Property/Theft               property / larceny_theft  (714.7 vehicle without consent:
#                                motor_vehicle_theft)
#   Property/Forgery-Fraud       property / fraud
#   Property/Arson, Vandalism, Stolen Property   property / other_property
#   Drug/Drug Possession         drug_possession / drug_possession
#   Drug/Trafficking             drug_distribution / drug_other
#   Drug/Other Drug              drug_distribution / drug_other (tax stamp, furnishing to inmates,
#                                precursors, gathering: not simple possession)
#   Public Order/OWI             public_order / dui
#   Public Order/Weapons         public_order / weapons
#   Public Order/Traffic, Alcohol, Flight-Escape, Prostitution-Pimping, Other Public Order
#                                public_order / other_public_order
#   Other/Other Criminal, Other/Animals, None/None   other / other_unspecified
# felony_class   from Offense Classification: "A".."D"; aggravated_misdemeanor,
#                serious_misdemeanor, simple_misdemeanor; felony_enhancement ("Felony - Enhancement
#                to Original Penalty"), felony_mandatory_minimum, other_felony, special_sentence
#                ("Special Sentence 2005"); none for "NCIC Virtual Code" and "None".
# statutory_max_months / max_life  the class maximum: A life (902.1), B 25 years (902.9(1)(b)),
#                C 10 (902.9(1)(d)), D 5 (902.9(1)(e)); aggravated misdemeanor 2 years (903.1(2)),
#                serious 1 year, simple 30 days (903.1(1)). An habitual offender (902.8) serving a
#                class C or D term has a 15-year maximum (902.9(1)(c)) and 3-year minimum; the data
#                has no habitual-offender marker, so the class maximum is given. Enhancement codes
#                (124.411 up to 3x, 124.401(1E) 2x, 124.401A +5 years, 902.14, 901A) and DOC's
#                "Other Felony"/"Special Sentence" classes get no maximum. Mandatory minimums
#                (902.7, 902.12 85%/70%, 124.413) depend on findings and are not given.
# flags          forcible_felony  Iowa Code 702.11: felonious child endangerment, assault,
#                                 murder, sexual abuse, kidnapping, robbery, arson 1st, burglary
#                                 1st; not willful injury 708.4(2), sexual abuse 3rd between
#                                 spouses, 709.4(1)(b)(3)(d), 709.15; attempts, conspiracies and
#                                 solicitation are not flagged.
#                sex_registrable  Iowa Code 692A.102 / 692A.101(1)(a) without a further finding:
#                                 chapter 709 sexual abuse, lascivious acts, indecent contact and
#                                 exposure, assault with intent, 709.15, 709.21, 709.23; 728.12,
#                                 728.2, 728.15; 713.3(1)(d); the 901A, 902.14 and 903B sentences
#                                 that presuppose one. Kidnapping, murder, stalking, incest and
#                                 enticing a minor need a sexual-motivation finding (692A.126).
#                registrant       692A registry violations (the person already must register).
#                misdemeanor      the DOC class is a misdemeanor.

[catalog]
jurisdiction = "IA"
title = "Iowa offenses in the Iowa DOC prison-population snapshots (2020-09-15, 2021-10-13, 2021-12-13)"
notes = "Generated by scripts/gen-iowa-catalog.py; one entry per distinct DOC Offense Code. Class maxima: Iowa Code 902.1, 902.9, 903.1; forcible felonies: 702.11; registration: 692A.102."
sources = [
  "Iowa DOC, Current Iowa Correctional System Prison Population (data.iowa.gov), shared/data/real/iowa-prison-pop",
  "Iowa Code 702.11, 902.1, 902.9, 903.1, 692A.101-692A.102 (legis.iowa.gov)",
]

# How Iowa codes are written: DOC writes the section alone ("124.401(1)(c)(3)"); lawyers write
# "Iowa Code 124.401(1)(c)(3)", "I.C.A. 124.401", "ICA sec. 124.401".
[catalog.codes]
rewrite = [
  {{ match = '^ *(IOWA CODE|I\.? ?C\.? ?A\.?|IOWA CODE ANN\.?)( *(§|SEC\.|SECTION))? *', replace = "" }},
]"""

# Hand-maintained: the description patterns appended after the generated entries.
DESCRIPTION_PATTERNS = r"""

# ---------------------------------------------------------------- description patterns
# For rosters that give the offense description without the DOC code (a description-only export,
# or a code the catalog lacks): ordered keyword patterns on the description, first match wins, each
# giving the category and BJS subcategory the catalog assigns to the codes so described. Flags stay
# unknown (a description does not say whether, e.g., a forcible-felony finding was made), except
# that a drug offense is none of the listed offenses (Iowa Code 702.11, 692A.102). Written against
# the descriptions of the three DOC snapshots: on them the category agrees with the coded catalog
# for 99% of rows (docs/findings/iowa-2021.md); on other Iowa files it is a starting point to check.
[[pattern]]
description = '^none$|compact prisoner'
category = "other"
bjs_offense = "other_unspecified"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'ncic.*sex'
category = "sex"
bjs_offense = "rape_sexual_assault"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'sex offender'
category = "public_order"
bjs_offense = "other_public_order"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'special sentence revocation'
category = "other"
bjs_offense = "other_unspecified"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'special supervision sentence'
category = "sex"
bjs_offense = "rape_sexual_assault"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'contraband'
category = "public_order"
bjs_offense = "other_public_order"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'poss(ession|\.)? of (a )?(controlled|cont\.?) subst|poss w/o prescription|^possession of'
category = "drug_possession"
bjs_offense = "drug_possession"
not_flags = ["violent_felony", "serious_felony", "sex_registrable", "super_strike", "registrant", "domestic_violence", "crime_of_violence", "forcible_felony"]
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'proh(ibited)?\.? ?acts|mfg|manufactur|deliver|distribut|dist\b|dist/|poss w/ ?int|tax stamp|cont(r?olled)?\.? subst|drug|precursor|pseudoephedrine|intoxicant to inmates|gathering for use|sched(ule)? ?i'
category = "drug_distribution"
bjs_offense = "drug_other"
not_flags = ["violent_felony", "serious_felony", "sex_registrable", "super_strike", "registrant", "domestic_violence", "crime_of_violence", "forcible_felony"]
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'burglary.*1st|1st degree burglary'
category = "violent"
bjs_offense = "other_violent"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'asslt\.? to commit sex abuse|assault.*to commit sex abuse'
category = "sex"
bjs_offense = "rape_sexual_assault"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'dominion/control of firearm'
category = "public_order"
bjs_offense = "weapons"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'intimidation|assault|asslt|interference w/ ?official|disarming|neglect or abandon|entic|harbor|transmission of human|tampering w/ ?witness|threat|kidnap|false imprison|willful injury|child endanger|dependent adult|going armed|harassment|terroris|stalking|domestic abuse|serious injury by vehicle|forc(ible)? felony|extortion|carjack|mistreatment'
category = "violent"
bjs_offense = "other_violent"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'murder|mansl|homicide'
category = "violent"
bjs_offense = "murder"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'sex(ual)?|lascivious|indecent|incest|pornograph|obscen'
category = "sex"
bjs_offense = "rape_sexual_assault"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'robbery'
category = "violent"
bjs_offense = "robbery"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'firearm|weapon|carrying|go(ing)? armed|knife|ammunition'
category = "public_order"
bjs_offense = "weapons"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'ongoing criminal|gang|conspiracy/commit|juvenile to commit|solicitation|money launder|lottery|animal|corpse|scanning|counterfeit'
category = "other"
bjs_offense = "other_unspecified"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'burglary|breaking'
category = "property"
bjs_offense = "burglary"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'theft|stolen|shoplift|larceny|operate vehicle no consent|credit card|forgery|fraud|check|embezzl|arson|criminal mischief|tamper|vandal'
category = "property"
bjs_offense = "larceny_theft"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"

[[pattern]]
description = 'owi|operating while|intoxicat|under the influence|oper veh|eluding|driving while|leave scene|traffic|vehicle|escape|failure to appear|pimp|pandering|prostitut'
category = "public_order"
bjs_offense = "other_public_order"
citation = "Iowa DOC Offense Description vocabulary (shared/data/real/iowa-prison-pop); category as rules/offenses/IA.toml assigns the codes so described"
"""

if __name__ == "__main__":
    main()
