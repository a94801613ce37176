"""load(): folders and snapshots, people and sentences as the CSV files hold them."""

import pandas as pd

import clemency
from conftest import AS_OF, read_csv_text, run_cli


def test_people_and_sentences_equal_the_csv_files(population, data_dir):
    people = read_csv_text(data_dir / "people.csv")
    got = population.people
    assert len(population) == len(people) == len(got)
    assert set(got.columns) >= {"person_id", "jurisdiction", "birth_date", "sex", "race", "admission_date"}
    by_id = people.set_index("person_id")
    sample = got.sample(50, random_state=1)
    for _, row in sample.iterrows():
        want = by_id.loc[row["person_id"]]
        assert row["birth_date"].strftime("%Y-%m-%d") == want["birth_date"]
        assert str(row["race"]) == want["race"]
        assert str(row["sex"]) == want["sex"]
        assert ("" if pd.isna(row["infractions_5y"]) else str(row["infractions_5y"])) == want["infractions_5y"]
    sentences = read_csv_text(data_dir / "sentences.csv")
    assert population.sentence_count == len(sentences) == len(population.sentences)
    assert sorted(population.sentences["sentence_id"] + "|" + population.sentences["person_id"]) == sorted(
        sentences["sentence_id"] + "|" + sentences["person_id"])


def test_a_snapshot_loads_the_same(population, tmp_path):
    snap = tmp_path / "pop.snap"
    population.save(snap)
    again = clemency.load(snap)
    assert again.as_of == AS_OF and len(again) == len(population)
    pd.testing.assert_frame_equal(again.people, population.people)
    a = clemency.screen(again, "redemption-2020").frame
    b = clemency.screen(population, "redemption-2020").frame
    pd.testing.assert_frame_equal(a, b)


def test_snapshot_from_the_cli(data_dir, tmp_path, screening):
    snap = tmp_path / "cli.snap"
    run_cli("validate", data_dir, "--as-of", AS_OF, "--save", snap)
    pop = clemency.load(snap)
    s = clemency.screen(pop, "redemption-2020")
    pd.testing.assert_frame_equal(s.frame, screening.frame)
