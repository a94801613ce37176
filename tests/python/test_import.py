"""import_roster() follows `clemency import` (docs/import-mappings.md)."""

import json

import pytest

import clemency
from conftest import SOURCE, read_csv_text, run_cli

ROSTER = SOURCE / "tests" / "data" / "import" / "example-doc.csv"
AS_OF = "2022-01-01"


def test_import_with_a_mapping_equals_clemency_import(tmp_path):
    out = tmp_path / "out"
    run_cli("import", "--mapping", "example-doc", ROSTER, "--on-error", "quarantine", "--as-of", AS_OF, "-o", out)
    pop = clemency.import_roster(ROSTER, mapping="example-doc", as_of=AS_OF, on_error="quarantine")
    people = read_csv_text(out / "people.csv")
    sentences = read_csv_text(out / "sentences.csv")
    assert len(pop) == len(people) and pop.sentence_count == len(sentences)
    assert sorted(pop.people["person_id"]) == sorted(people["person_id"])
    assert sorted(pop.sentences["offense_code"]) == sorted(sentences["offense_code"])
    expected = json.loads((out / "import.json").read_text())
    got = pop.import_summary
    for key in ("rows_read", "rows_imported", "rows_rejected", "rows_skipped", "unmatched_offense_codes"):
        assert got[key] == expected[key], key
    by_id = pop.people.set_index("person_id")
    for _, row in people.iterrows():
        assert str(by_id.loc[row["person_id"], "sex"]) == row["sex"]
        assert by_id.loc[row["person_id"], "birth_date"].strftime("%Y-%m-%d") == row["birth_date"]


def test_import_fails_on_a_bad_row_with_its_place(tmp_path):
    with pytest.raises(clemency.DataError) as info:
        clemency.import_roster(ROSTER, mapping="example-doc", as_of=AS_OF)
    e = info.value
    assert e.file == str(ROSTER)
    assert e.line == 5  # the "Mle" row
    assert e.column == "Sex"
    assert 'value "Mle": not in value map "sex"' in e.message
    # The CLI's first error names the same place.
    done = run_cli("import", "--mapping", "example-doc", ROSTER, "--as-of", AS_OF, "-o", tmp_path / "out", check=False)
    assert done.returncode == 3
    assert done.stderr.splitlines()[0] == f"{ROSTER.name}:5: {e.message}"


def test_a_broken_mapping_is_a_rule_file_error(tmp_path):
    mapping = tmp_path / "broken.toml"
    text = (SOURCE / "rules" / "mappings" / "example-doc.toml").read_text()
    mapping.write_text(text + "\n[people.no_such_field]\ncolumn = \"x\"\n")
    with pytest.raises(clemency.RuleFileError) as info:
        clemency.import_roster(ROSTER, mapping=mapping, as_of=AS_OF)
    assert info.value.file == str(mapping)
    assert info.value.line is not None
