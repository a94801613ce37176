"""Screening: a population screened against a policy by :func:`clemency.screen`."""

import json

from . import _frames


class Screening:
    """The result of ``clemency screen`` for one policy, date and set of parameters.

    ``frame`` is screening.csv as a DataFrame (same columns, same row order);
    ``explain(person_id)`` is ``clemency explain``'s account of one person.
    """

    def __init__(self, core):
        self._core = core
        self._frame = None

    def __repr__(self):
        c = self.counts
        return (f"<clemency.Screening {self.policy_id} as of {self.as_of}: {c['eligible']} eligible, "
                f"{c['needs_review']} needs review, {c['not_eligible']} not eligible>")

    @property
    def policy_id(self):
        return self._core.policy_id

    @property
    def policy_title(self):
        return self._core.policy_title

    @property
    def policy_path(self):
        """The policy file screened with."""
        return self._core.policy_path

    @property
    def as_of(self):
        return self._core.as_of

    @property
    def counts(self):
        """People by status: {"eligible": n, "needs_review": n, "not_eligible": n}."""
        return self._core.counts()

    @property
    def frame(self):
        """screening.csv as a DataFrame, built once.

        Columns and order as the CLI writes them. Typed: ``status`` and the
        other text columns categorical, ``priority`` float64 (full precision;
        the CSV rounds to 4 places), ``rank`` and the current-law days
        nullable Int64 (the CSV's empty cells are <NA>), ``eligible_on``
        datetime64 (NaT), ``age`` and ``time_served_days`` int64.
        """
        if self._frame is None:
            self._frame = _frames.frame(self._core.columns())
        return self._frame

    @property
    def summary(self):
        """summary.json's content as a dict (counts, groups, coverage, triage, manifest)."""
        return json.loads(self._core.summary_json())

    def explain(self, person_id, json=False):
        """Every rule for one person with the values used, as ``clemency explain`` prints it.

        With json=True, the person's object of reasons.jsonl in full (as
        ``clemency explain --json``), as a dict. Raises UsageError for an
        unknown person_id.
        """
        if json:
            import json as _json
            return _json.loads(self._core.explain_json(str(person_id)))
        return self._core.explain(str(person_id))
