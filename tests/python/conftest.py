"""Fixtures of the clemency module's tests: the built binary (CLEMENCY_BINARY,
set by ctest), a synthetic California population it generates, and the CLI's
own outputs to compare the module with."""

import os
import subprocess
from pathlib import Path

import pandas as pd
import pytest

AS_OF = "2026-01-01"
SOURCE = Path(os.environ.get("CLEMENCY_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def binary():
    path = os.environ.get("CLEMENCY_BINARY")
    if not path:
        pytest.skip("CLEMENCY_BINARY is not set (run through ctest)")
    return path


def run_cli(*args, check=True):
    """Runs the clemency binary; returns its CompletedProcess (text)."""
    done = subprocess.run([binary(), *map(str, args)], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"clemency {args[0]} failed ({done.returncode}): {done.stderr}")
    return done


def read_csv_text(path):
    """A CSV file as the CLI wrote it: every cell a string, empty cells "" (not NaN)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "data"
    run_cli("synth", "--jurisdiction", "CA", "--people", 3000, "--seed", 11, "--as-of", AS_OF, "-o", out)
    return out


@pytest.fixture(scope="session")
def population(data_dir):
    import clemency
    return clemency.load(data_dir, as_of=AS_OF)


@pytest.fixture(scope="session")
def cli_screening(data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("screen") / "out"
    done = run_cli("screen", "--data", data_dir, "--policy", "redemption-2020", "--as-of", AS_OF, "-o", out)
    return out, done.stdout


@pytest.fixture(scope="session")
def screening(population):
    import clemency
    return clemency.screen(population, "redemption-2020", as_of=AS_OF)
