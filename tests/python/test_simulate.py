"""simulate() gives the figures `clemency simulate` writes."""

import json

import pandas as pd

import clemency
from conftest import AS_OF, read_csv_text, run_cli

ARGS = dict(years=2, replicates=20, seed=3, board_capacity=40, grant_rate="0.5")


def test_simulate_matches_the_cli(population, data_dir, tmp_path):
    out = tmp_path / "sim"
    run_cli("simulate", "--data", data_dir, "--policy", "redemption-2020", "--as-of", AS_OF, "--years", 2,
            "--replicates", 20, "--seed", 3, "--board-capacity", 40, "--grant-rate", "0.5", "-o", out)
    p = clemency.simulate(population, "redemption-2020", as_of=AS_OF, **ARGS)

    expected = read_csv_text(out / "projection.csv")
    f = p.frame
    assert list(f.columns) == list(expected.columns)
    assert len(f) == len(expected)
    got = f.astype({"month": str, "scenario": str, "metric": str, "group": str})
    for name in ("mean", "p05", "p95"):
        got[name] = [f"{v:.2f}" for v in f[name]]
    pd.testing.assert_frame_equal(got.astype(str), expected, check_dtype=False)

    releases = read_csv_text(out / "releases.csv")
    r = p.releases
    assert list(r.columns) == list(releases.columns)
    assert list(r["person_id"]) == list(releases["person_id"])
    assert [f"{v:.3f}" for v in r["probability_released"]] == list(releases["probability_released"])
    assert [f"{v:.3f}" for v in r["return_within_3y"]] == list(releases["return_within_3y"])
    assert list(r["release_month_mean"].astype(object).fillna("")) == list(releases["release_month_mean"])
    assert list(r["baseline_release"].astype(str)) == list(releases["baseline_release"])

    summary = json.loads((out / "projection_summary.json").read_text())
    assert p.headline == summary["headline"]
    assert p.summary["parameters"] == summary["parameters"]


def test_params_reach_the_projection(population):
    base = clemency.simulate(population, "redemption-2020", as_of=AS_OF, **ARGS)
    fewer = clemency.simulate(population, "redemption-2020", as_of=AS_OF, params={"min_age": "75 years"}, **ARGS)
    assert fewer.headline["queued_people"] < base.headline["queued_people"]
    assert fewer.summary["parameters"]["overrides"] == ["min_age=75 years"]
