import datetime as dt
from pathlib import Path

import pytest

from tandem.duties.catalogue import CatalogueError, default_catalogue, load

VALID_DUTY = """
[[duty]]
code = "D01"
title = "A duty"
summary = "Do the thing."
citation = "CFA s.66"
url = "https://example.org/"
placed_on = ["appropriate_authority"]
holders = ["gb"]
in_force_from = 2014-09-01
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalogue.toml"
    path.write_text(text, encoding="utf-8")
    return path


class TestShippedCatalogue:
    def test_every_duty_of_the_domain_reference_is_present(self) -> None:
        expected = [f"D{n:02d}" for n in range(1, 26)]

        assert default_catalogue().codes == expected

    def test_one_entry_per_code_in_force_today(self) -> None:
        duties = default_catalogue().in_force_on(dt.date(2025, 12, 1))

        assert [d.code for d in duties] == [f"D{n:02d}" for n in range(1, 26)]

    def test_regulation_49_amendment_is_two_dated_entries(self) -> None:
        before, after = default_catalogue().versions("D04")

        assert before.in_force_to == dt.date(2024, 8, 31)
        assert after.in_force_from == dt.date(2024, 9, 1)
        assert after.in_force_to is None
        assert "SI 2024/535" in after.citation
        assert "NPQ" in after.summary and "NPQ" not in before.summary

    @pytest.mark.parametrize(
        ("day", "title_has"),
        [
            (dt.date(2024, 8, 31), "NASENCO"),
            (dt.date(2024, 9, 1), "NPQ"),
        ],
    )
    def test_duties_in_force_on_either_side_of_the_amendment(
        self, day: dt.date, title_has: str
    ) -> None:
        (d04,) = [d for d in default_catalogue().in_force_on(day) if d.code == "D04"]

        assert title_has in d04.title

    def test_before_the_2014_act_only_older_duties_are_in_force(self) -> None:
        duties = default_catalogue().in_force_on(dt.date(2014, 8, 31))

        assert [d.code for d in duties] == ["D12", "D25"]

    def test_default_holders_follow_the_domain_table(self) -> None:
        by_code = {
            d.code: d for d in default_catalogue().in_force_on(dt.date(2026, 1, 1))
        }

        assert by_code["D01"].holders == {"gb", "slt", "senco"}
        assert by_code["D07"].holders == {"senco"}
        assert by_code["D22"].holders == {"gb"}
        assert by_code["D23"].holders == {"slt", "gb"}
        assert by_code["D16"].placed_on == ("local_authority",)
        assert by_code["D16"].placed_on_names == ["Local authority"]

    def test_reflective_questions_have_codes_and_text(self) -> None:
        questions = default_catalogue().questions

        assert [q.code for q in questions] == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
        assert all(q.text.endswith("?") for q in questions)


class TestLoadError:
    def test_a_valid_minimal_file_loads(self, tmp_path: Path) -> None:
        catalogue = load(write(tmp_path, VALID_DUTY))

        assert catalogue.codes == ["D01"]
        assert catalogue.duties[0].in_force_from == dt.date(2014, 9, 1)

    @pytest.mark.parametrize(
        ("old", "new", "message"),
        [
            ('code = "D01"', 'code = "X1"', "duty 1: code 'X1' is not like D01."),
            ('title = "A duty"\n', "", "duty 1: title is missing."),
            ('holders = ["gb"]', 'holders = ["gb", "pta"]', "(found pta)"),
            ('holders = ["gb"]', "holders = []", "holders must be a list."),
            ('placed_on = ["appropriate_authority"]', 'placed_on = ["x"]', "placed_on"),
            ("in_force_from = 2014-09-01", 'in_force_from = "2014"', "must be a date"),
            (
                "in_force_from = 2014-09-01",
                "in_force_from = 2014-09-01T10:00:00",
                "a date",
            ),
            (
                "in_force_from = 2014-09-01",
                "in_force_from = 2014-09-01\nin_force_to = 2014-08-01",
                "(D01): in_force_to is before in_force_from.",
            ),
            ('url = "https://example.org/"', 'url = "x"\ncolour = "red"', "colour"),
        ],
    )
    def test_bad_entries_name_file_entry_and_field(
        self, tmp_path: Path, old: str, new: str, message: str
    ) -> None:
        path = write(tmp_path, VALID_DUTY.replace(old, new))

        with pytest.raises(CatalogueError) as caught:
            load(path)

        assert str(caught.value).startswith("catalogue.toml: ")
        assert message in str(caught.value)

    def test_overlapping_versions_are_refused(self, tmp_path: Path) -> None:
        path = write(tmp_path, VALID_DUTY + VALID_DUTY)

        with pytest.raises(CatalogueError, match="D01 has entries in force at"):
            load(path)

    def test_closed_then_reopened_versions_load(self, tmp_path: Path) -> None:
        first = VALID_DUTY.replace(
            "in_force_from = 2014-09-01",
            "in_force_from = 2014-09-01\nin_force_to = 2024-08-31",
        )
        second = VALID_DUTY.replace("2014-09-01", "2024-09-01")

        catalogue = load(write(tmp_path, first + second))

        assert len(catalogue.in_force_on(dt.date(2024, 8, 31))) == 1
        assert catalogue.in_force_on(dt.date(2024, 9, 1))[0].in_force_to is None

    def test_duplicate_question_codes_are_refused(self, tmp_path: Path) -> None:
        questions = '[[question]]\ncode = "Q1"\ntext = "Why?"\n' * 2

        with pytest.raises(CatalogueError, match="question Q1 appears twice"):
            load(write(tmp_path, VALID_DUTY + questions))

    def test_invalid_toml_names_the_file(self, tmp_path: Path) -> None:
        with pytest.raises(CatalogueError, match=r"^catalogue.toml: not valid TOML"):
            load(write(tmp_path, "[[duty]\n"))
