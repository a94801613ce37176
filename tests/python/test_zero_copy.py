"""Columns reach pandas without a second copy (docs/python.md, "What is copied")."""

import numpy as np
import pandas as pd


def base_chain(array):
    """The objects an ndarray's memory belongs to, innermost last."""
    chain = []
    while array is not None:
        chain.append(array)
        array = getattr(array, "base", None)
    return chain


def test_screening_numbers_are_the_engines_buffers(screening):
    f = screening.frame
    priority = f["priority"].to_numpy(copy=False)
    assert not priority.flags.owndata
    assert type(base_chain(priority)[-1]).__name__ == "PyCapsule"
    # The DataFrame did not copy: the same memory on every access.
    assert np.shares_memory(priority, screening.frame["priority"].to_numpy(copy=False))
    rank = f["rank"].array
    assert type(base_chain(rank._data)[-1]).__name__ == "PyCapsule"
    codes = f["status"].cat.codes.to_numpy(copy=False)
    assert type(base_chain(codes)[-1]).__name__ == "PyCapsule"


def test_population_columns_view_the_loaded_population(population):
    a = population.people["infractions_5y"].array._data
    b = population.people["infractions_5y"].array._data
    assert np.shares_memory(a, b)  # two frames, one buffer: the population's own
    assert not a.flags.writeable
    sex_a = population.people["sex"].cat.codes.to_numpy(copy=False)
    sex_b = population.people["sex"].cat.codes.to_numpy(copy=False)
    assert np.shares_memory(sex_a, sex_b)
    grams = population.sentences["drug_grams"].to_numpy(copy=False)
    assert np.shares_memory(grams, population.sentences["drug_grams"].to_numpy(copy=False))


def test_frame_columns_keep_their_memory_after_the_objects_go(data_dir):
    import clemency
    people = clemency.load(data_dir, as_of="2026-01-01").people  # the Population is dropped here
    assert people["infractions_5y"].notna().sum() > 0
    assert set(people["sex"].dropna().unique()) <= {"F", "M", "X", "U"}
    assert isinstance(people["race"].dtype, pd.CategoricalDtype)
