"""The exceptions of the clemency package.

Every failure the engine reports is a :class:`clemency.Error` carrying where
it is, like the CLI's ``FILE:LINE:COLUMN: message``:

``file``
    the file at fault (a policy, a mapping, a data file), or None
``line``
    its 1-based line, or None
``column``
    in a rule or text file, the 1-based column (int); in a population's CSV
    file, the name of the CSV column (str); None when not known
``message``
    what is wrong and what was expected

Subclasses say which kind of problem it is, as the CLI's exit codes do:
:class:`UsageError` (a bad argument: parameter, date, person id, path; exit 2,
also a ValueError), :class:`DataError` (population data; exit 3) and
:class:`RuleFileError` (a policy, mapping, catalog or other rule file; exit 4).
"""


class Error(Exception):
    """A Clemency error, with ``file``, ``line``, ``column`` and ``message``."""

    def __init__(self, message, file=None, line=None, column=None):
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        super().__init__(self._text())

    def _text(self):
        # As the CLI writes it: FILE:LINE:COLUMN: message, or for a data file
        # FILE:LINE: column "NAME" value "V": message (the message names the column).
        where = [str(part) for part in (self.file, self.line) if part is not None]
        if isinstance(self.column, int) and self.line is not None:
            where.append(str(self.column))
        return ":".join(where) + ": " + self.message if where else self.message

    def __reduce__(self):
        return (type(self), (self.message, self.file, self.line, self.column))


class UsageError(Error, ValueError):
    """A bad argument: a parameter value, a date, a person id, a path (CLI exit 2)."""


class DataError(Error):
    """Population data that does not load or validate (CLI exit 3)."""


class RuleFileError(Error):
    """A policy, mapping, offense catalog or other rule file that does not load (CLI exit 4)."""


class ClemencyWarning(UserWarning):
    """What the CLI prints as "warning: ...": a policy not in force on the date or
    outside the data's jurisdictions, a jurisdiction screened without a catalog."""
