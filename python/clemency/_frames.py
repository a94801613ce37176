"""Columns from the C++ core to pandas DataFrames, without copying them again.

The core hands each column as ``(name, kind, payload)`` (python/columns.h).
Numeric buffers arrive as ndarrays that own (or view) the C++ memory; here
they are wrapped, never copied: ``pd.DataFrame(..., copy=False)`` keeps each
column as its own block instead of consolidating same-typed columns into a
new 2-D array.
"""

import pandas as pd


def _column(kind, payload):
    if kind == "array" or kind == "object":
        return payload
    if kind == "nullable":
        values, mask = payload
        return pd.arrays.IntegerArray(values, mask, copy=False)
    if kind == "datetime":
        return payload.view("datetime64[ns]")
    if kind == "categorical":
        codes, categories = payload
        return pd.Categorical.from_codes(codes, categories=categories)
    raise ValueError(f"unknown column kind {kind!r}")


def frame(columns):
    """A DataFrame from the core's column list, in its order."""
    data = {name: _column(kind, payload) for name, kind, payload in columns}
    if not data:
        return pd.DataFrame()
    return pd.DataFrame(data, copy=False)


__all__ = ["frame"]
