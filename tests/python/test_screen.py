"""screen() and explain() give what `clemency screen` and `clemency explain` write."""

import json
import math

import pandas as pd
import pytest

import clemency
from conftest import AS_OF, read_csv_text, run_cli


def as_csv_text(frame):
    """The frame's cells written as screening.csv writes them."""
    out = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        col = frame[name]
        if name == "priority":
            out[name] = [("" if math.isnan(v) else f"{v:.4f}") for v in col]
        elif pd.api.types.is_datetime64_any_dtype(col):
            out[name] = col.dt.strftime("%Y-%m-%d").fillna("")
        elif isinstance(col.dtype, pd.CategoricalDtype):
            out[name] = col.astype(object).where(col.notna(), "").astype(str)
        else:
            out[name] = col.astype(object).where(col.notna(), "").astype(str)
    return out


def test_frame_equals_screening_csv_for_everyone(screening, cli_screening):
    out, _ = cli_screening
    expected = read_csv_text(out / "screening.csv")
    frame = screening.frame
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected) == 3000
    pd.testing.assert_frame_equal(as_csv_text(frame), expected, check_dtype=False)


def test_frame_types(screening):
    f = screening.frame
    assert isinstance(f["status"].dtype, pd.CategoricalDtype)
    assert list(f["status"].cat.categories) == ["eligible", "needs_review", "not_eligible"]
    assert str(f["rank"].dtype) == "Int64"
    assert str(f["current_law_excess_days"].dtype) == "Int64"
    assert f["priority"].dtype == "float64"
    assert f["age"].dtype == "int64"
    assert pd.api.types.is_datetime64_any_dtype(f["eligible_on"])


def test_counts_match_the_cli_printout(screening, cli_screening):
    _, stdout = cli_screening
    c = screening.counts
    assert (f"{c['eligible']} eligible, {c['needs_review']} needs review, "
            f"{c['not_eligible']} not eligible") in stdout
    assert sum(c.values()) == 3000
    assert screening.policy_id == "redemption-2020" and screening.as_of == AS_OF


def test_summary_equals_summary_json(screening, cli_screening):
    out, _ = cli_screening
    expected = json.loads((out / "summary.json").read_text())
    got = screening.summary
    for key in ("counts", "groups"):
        if key in expected:
            assert got[key] == expected[key]


def test_params_change_results(population, data_dir, tmp_path):
    base = clemency.screen(population, "redemption-2020", as_of=AS_OF)
    older = clemency.screen(population, "redemption-2020", as_of=AS_OF, params={"min_age": "70 years"})
    older_members = older.frame["groups"].astype(str).str.contains("older").sum()
    base_members = base.frame["groups"].astype(str).str.contains("older").sum()
    assert older_members < base_members
    # The same as the CLI's --set.
    run_cli("screen", "--data", data_dir, "--policy", "redemption-2020", "--as-of", AS_OF,
            "--set", "min_age=70 years", "-o", tmp_path / "out")
    expected = read_csv_text(tmp_path / "out" / "screening.csv")
    assert list(older.frame["person_id"]) == list(expected["person_id"])
    assert list(older.frame["status"].astype(str)) == list(expected["status"])


def pick(screening, status):
    f = screening.frame
    return f.loc[f["status"] == status, "person_id"].iloc[0]


@pytest.mark.parametrize("status", ["eligible", "needs_review", "not_eligible"])
def test_explain_matches_clemency_explain(screening, data_dir, status):
    person = pick(screening, status)
    done = run_cli("explain", "--data", data_dir, "--policy", "redemption-2020", "--as-of", AS_OF,
                   "--person", person)
    statement, _, account = done.stdout.partition("\n")
    assert statement.startswith(f"as of {AS_OF}")
    assert screening.explain(person) == account


def test_explain_json_matches_clemency_explain_json(screening, data_dir):
    person = pick(screening, "needs_review")
    done = run_cli("explain", "--data", data_dir, "--policy", "redemption-2020", "--as-of", AS_OF,
                   "--person", person, "--json")
    assert screening.explain(person, json=True) == json.loads(done.stdout)
    assert clemency.explain(clemency.load(data_dir, as_of=AS_OF), "redemption-2020", person,
                            as_of=AS_OF) == screening.explain(person)


def test_a_policy_out_of_scope_warns_as_the_cli_does(population):
    with pytest.warns(clemency.ClemencyWarning, match="outside_scope"):
        s = clemency.screen(population, "fsa-elderly-2018", as_of=AS_OF)
    assert s.counts["eligible"] == 0 and s.counts["not_eligible"] == len(population)
