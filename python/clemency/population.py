"""Population: a prison population loaded by :func:`clemency.load` or
:func:`clemency.import_roster`."""

import json

from . import _frames


class Population:
    """People and their sentences, loaded and validated (DESIGN.md section 3).

    ``len(population)`` is the number of people. ``people`` and ``sentences``
    are DataFrames under the columns of people.csv and sentences.csv; numbers
    and vocabulary codes view the loaded columns themselves (read-only, no
    copy). Each access builds a new DataFrame over the same buffers.
    """

    def __init__(self, core):
        self._core = core

    def __len__(self):
        return len(self._core)

    def __repr__(self):
        return (f"<clemency.Population {len(self)} people, {self.sentence_count} sentences, "
                f"as of {self.as_of}, from {self.source}>")

    @property
    def as_of(self):
        """The date (YYYY-MM-DD) the rows were checked against; screen() defaults to it."""
        return self._core.as_of

    @property
    def source(self):
        """The folder, snapshot or imported file it was loaded from."""
        return self._core.source

    @property
    def sentence_count(self):
        return self._core.sentence_count

    @property
    def people(self):
        """people.csv as a DataFrame, one row per person."""
        return _frames.frame(self._core.people_columns())

    @property
    def sentences(self):
        """sentences.csv as a DataFrame, one row per sentence, grouped by person."""
        return _frames.frame(self._core.sentence_columns())

    @property
    def rejected(self):
        """Rows rejected with on_error="quarantine": file, line, reason, record."""
        return _frames.frame(self._core.rejected_columns())

    @property
    def counts(self):
        """Rows read, accepted and rejected per file, and problems by kind (as summary.json's rows)."""
        return json.loads(self._core.counts_json)

    @property
    def warnings(self):
        """The load's warnings, each as ``FILE:LINE: column "c" value "v": message``."""
        return self._core.warnings()

    @property
    def import_summary(self):
        """For an imported population, the counts import.json holds; else None."""
        text = self._core.import_json
        return json.loads(text) if text else None

    def save(self, path):
        """Writes a snapshot (as ``clemency validate --save``) that load() and every --data open at once."""
        self._core.save(str(path))
