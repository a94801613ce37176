"""Clemency from Python: load a prison population, screen it against a policy,
explain a person, project releases, with pandas DataFrames as results.

The same C++ engine as the ``clemency`` command (docs/python.md)::

    import clemency
    pop = clemency.load("demo-out/data", as_of="2026-01-01")
    s = clemency.screen(pop, "redemption-2020", params={"older_age": "60 years"})
    s.frame                      # screening.csv as a DataFrame
    print(s.explain("CA0000042"))
    p = clemency.simulate(pop, "redemption-2020", years=5, replicates=100)
    p.frame, p.releases, p.summary

Errors are :class:`clemency.Error` (``file``, ``line``, ``column``,
``message``), with the subclasses UsageError, DataError and RuleFileError.
"""

import os
import warnings as _warnings

from . import _clemency
from .errors import ClemencyWarning, DataError, Error, RuleFileError, UsageError
from .population import Population
from .projection import Projection
from .screening import Screening

__version__ = _clemency.version

__all__ = [
    "load", "import_roster", "import_", "screen", "explain", "simulate", "set_rules_dir", "rules_dirs",
    "Population", "Screening", "Projection", "Error", "UsageError", "DataError", "RuleFileError",
    "ClemencyWarning",
]


def _installed_rules():
    """PREFIX/share/clemency/rules when this package is installed under PREFIX/lib/python3/dist-packages."""
    prefix = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
    rules = os.path.join(prefix, "share", "clemency", "rules")
    return rules if os.path.isdir(os.path.join(rules, "policies")) else ""


_INSTALLED_RULES = _installed_rules()


def set_rules_dir(path=None):
    """Lays your rules folder over the shipped rules, file by file (the CLI's ``--rules DIR``).

    ``None`` goes back to the default: the ``CLEMENCY_RULES_DIR`` environment
    variable when set, else the rules installed with this package (when it
    was installed with ``cmake --install``), else the shipped rules.
    """
    if path is None:
        path = os.environ.get("CLEMENCY_RULES_DIR") or _INSTALLED_RULES
    _clemency.set_user_rules_dir(os.fspath(path) if path else "")


def rules_dirs():
    """The rules folders in use: {"user": ..., "shipped": ...} ("" when none)."""
    return {"user": _clemency.user_rules_dir(), "shipped": _clemency.shipped_rules_dir()}


set_rules_dir()


def _params(params):
    """{"name": value} as the (NAME, VALUE) text pairs ``--set NAME=VALUE`` takes."""
    pairs = []
    for name, value in (params or {}).items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        pairs.append((str(name), str(value)))
    return pairs


def _assume(assume):
    """{"fact": value} (or "FACT=VALUE" strings) as ``--assume FACT=VALUE`` takes them."""
    if isinstance(assume, dict):
        return [f"{k}={v}" for k, v in assume.items()]
    return [str(a) for a in (assume or [])]


def _core(population):
    if not isinstance(population, Population):
        raise TypeError("expected a clemency.Population (from clemency.load or clemency.import_roster)")
    return population._core


def load(path, as_of=None, on_error="fail"):
    """Loads a population: a folder of CSV files (people.csv, sentences.csv,
    facilities.csv) or a snapshot file saved by ``--save`` / Population.save.

    as_of: the date (YYYY-MM-DD) rows are checked against (dates after it are
    errors); default today for a folder, the snapshot's own date for a
    snapshot. on_error: "fail" raises DataError at the first row error (its
    file, line and column); "quarantine" keeps the good rows and lists the
    others in ``Population.rejected``.
    """
    return Population(_clemency.load(os.fspath(path), as_of or "", on_error))


def import_roster(source, mapping, as_of=None, on_error="fail"):
    """Imports an agency's CSV export or .xlsx workbook through a mapping, as
    ``clemency import --mapping MAPPING SOURCE`` does, and loads the result.

    mapping: a name (rules/mappings/NAME.toml) or a .toml file. The counts
    import.json would hold are in ``Population.import_summary``.
    """
    return Population(_clemency.import_roster(os.fspath(source), os.fspath(mapping), as_of or "", on_error))


import_ = import_roster


def screen(population, policy, as_of=None, params=None, assume=None, allow_missing_catalog=False):
    """Screens everyone against a policy, as ``clemency screen`` does.

    policy: an id (rules/policies/ID.toml) or a .toml file. as_of: default
    the population's. params: {"name": value} as ``--set name=value`` (values
    as text, "60 years", or numbers and booleans). assume: {"fact": value} as
    ``--assume``. Returns a :class:`Screening`.
    """
    core = _clemency.screen(_core(population), os.fspath(policy), as_of or "", _params(params), _assume(assume),
                            allow_missing_catalog)
    for text in core.warnings:
        _warnings.warn(text, ClemencyWarning, stacklevel=2)
    return Screening(core)


def explain(population, policy, person_id, as_of=None, params=None, assume=None, json=False):
    """``clemency explain``: screens and explains one person (see Screening.explain)."""
    return screen(population, policy, as_of, params, assume).explain(person_id, json=json)


def simulate(population, policy, as_of=None, params=None, assume=None, years=10, replicates=1000, seed=1,
             board_capacity=0, grant_rate="1", lag_months=0, review_share=0.0, target=0, threads=0,
             allow_missing_catalog=False):
    """Projects releasing the policy's eligible people, as ``clemency simulate`` does.

    The board decides ``board_capacity`` cases a month (0: unlimited) after
    ``lag_months``, granting at ``grant_rate`` ("0.45", "uniform(0.3,0.6)",
    ...); ``review_share`` queues that share of needs_review people after
    the eligible. ``threads`` 0 uses every core; the figures do not depend on
    it. Returns a :class:`Projection`.
    """
    core = _clemency.simulate(_core(population), os.fspath(policy), as_of or "", _params(params), _assume(assume),
                              allow_missing_catalog, int(years), int(replicates), int(seed), int(board_capacity),
                              str(grant_rate), int(lag_months), float(review_share), int(target), int(threads))
    return Projection(core)
