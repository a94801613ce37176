"""Errors are clemency.Error subclasses carrying file, line, column and message."""

import shutil

import pytest

import clemency
from conftest import AS_OF, SOURCE, run_cli


def test_error_classes():
    assert issubclass(clemency.UsageError, clemency.Error)
    assert issubclass(clemency.UsageError, ValueError)
    assert issubclass(clemency.DataError, clemency.Error)
    assert issubclass(clemency.RuleFileError, clemency.Error)
    assert issubclass(clemency.Error, Exception)


def test_bad_policy_file_names_file_line_and_column(population, tmp_path):
    text = (SOURCE / "rules" / "policies" / "redemption-2020.toml").read_text()
    text = text.replace('value = "55 years"', 'value = "55 years"\n', 1)
    bad = tmp_path / "bad.toml"
    lines = text.splitlines()
    # An unknown name in the eligibility expression: a type error with its position.
    for i, line in enumerate(lines):
        if line.startswith("eligibility = "):
            lines[i] = 'eligibility = "no_such_rule"'
            line_no = i + 1
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(clemency.RuleFileError) as info:
        clemency.screen(population, bad, as_of=AS_OF)
    e = info.value
    assert e.file == str(bad)
    assert e.line == line_no
    assert isinstance(e.column, int) and e.column > 0
    assert "no_such_rule" in e.message
    # The CLI says the same, at the same place.
    done = run_cli("check", bad, check=False)
    assert f"{bad}:{e.line}:{e.column}:" in done.stdout + done.stderr
    assert str(e).startswith(f"{bad}:{e.line}:{e.column}: ")


def test_bad_parameter_value_is_a_usage_error_at_the_parameter(population):
    with pytest.raises(clemency.UsageError) as info:
        clemency.screen(population, "redemption-2020", as_of=AS_OF, params={"min_age": "old"})
    e = info.value
    assert e.file.endswith("redemption-2020.toml")
    assert e.line == 26 and e.column >= 1  # [params.min_age]
    assert "min_age=old" in e.message
    with pytest.raises(clemency.UsageError, match="no parameter"):
        clemency.screen(population, "redemption-2020", as_of=AS_OF, params={"no_such": 1})


def test_bad_data_names_file_line_and_column(data_dir, tmp_path):
    bad = tmp_path / "data"
    shutil.copytree(data_dir, bad)
    (bad / "manifest.json").unlink(missing_ok=True)
    lines = (bad / "people.csv").read_text().splitlines()
    header = lines[0].split(",")
    cells = lines[5].split(",")
    cells[header.index("birth_date")] = "1961-02-30"
    lines[5] = ",".join(cells)
    (bad / "people.csv").write_text("\n".join(lines) + "\n")
    with pytest.raises(clemency.DataError) as info:
        clemency.load(bad, as_of=AS_OF)
    e = info.value
    assert e.file == f"{bad}/people.csv"
    assert e.line == 6
    assert e.column == "birth_date"
    assert "no such date" in e.message
    assert str(e).startswith(f'{bad}/people.csv:6: column "birth_date" value "1961-02-30"')
    # Quarantine keeps the rest and lists the row.
    pop = clemency.load(bad, as_of=AS_OF, on_error="quarantine")
    assert len(pop) == 2999
    rejected = pop.rejected
    assert list(rejected.loc[rejected["file"] == "people.csv", "line"]) == [6]
    assert "no such date" in rejected["reason"].iloc[0]


def test_unknown_person_and_bad_arguments(screening, population, tmp_path):
    with pytest.raises(clemency.UsageError, match="no such person"):
        screening.explain("NOBODY")
    with pytest.raises(clemency.UsageError, match="as_of"):
        clemency.screen(population, "redemption-2020", as_of="2026-02-30")
    with pytest.raises(clemency.UsageError, match="before"):
        clemency.screen(population, "redemption-2020", as_of="2020-01-01")
    with pytest.raises(clemency.UsageError) as info:
        clemency.screen(population, "no-such-policy")
    assert info.value.file.endswith("no-such-policy.toml")
    with pytest.raises(clemency.UsageError):
        clemency.load(tmp_path / "absent")
    with pytest.raises(clemency.UsageError, match="years"):
        clemency.simulate(population, "redemption-2020", years=0)
