"""Projection: what releasing a screening's eligible people does, by :func:`clemency.simulate`."""

import json

from . import _frames


class Projection:
    """The outputs of ``clemency simulate`` as DataFrames and a dict.

    ``frame``: projection.csv (month, scenario, metric, group, mean, p05, p95;
    values unrounded, the CSV writes 2 places). ``releases``: releases.csv
    (probabilities unrounded, the CSV writes 3 places). ``summary``:
    projection_summary.json (the headline, parameters, assumptions, sources).
    """

    def __init__(self, core):
        self._core = core
        self._frame = None
        self._releases = None

    @property
    def frame(self):
        if self._frame is None:
            self._frame = _frames.frame(self._core.projection_columns)
        return self._frame

    @property
    def releases(self):
        if self._releases is None:
            self._releases = _frames.frame(self._core.release_columns)
        return self._releases

    @property
    def summary(self):
        return json.loads(self._core.summary_json)

    @property
    def headline(self):
        """The summary's headline: months to clear the list, the horizon's figures."""
        return self.summary["headline"]
