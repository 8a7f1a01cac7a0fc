import datetime as dt
import json

import pytest

from tandem.cli import main
from tandem.duties import dashboard
from tandem.duties.duty_map import duty_map
from tandem.duties.models import SencoRecord
from tandem.schools.dashboard import DashboardContext, Level
from tandem.schools.demo import seed_demo
from tandem.schools.models import Membership
from tandem.schools.permissions import resolve_access


class TestDemo:
    @pytest.fixture
    def demo(self, db):  # noqa: ANN001, ANN201
        return seed_demo()

    def test_map_is_filled_in_with_one_gap(self, demo) -> None:
        the_map = duty_map(demo.school, on=dt.date(2026, 12, 3))

        assert the_map.unconfirmed == []
        assert [e.code for e in the_map.unheld] == ["D21"]
        assert [e.code for e in the_map.entries if not e.statutory] == ["S01", "S02"]
        assert sum(1 for q in the_map.questions if q.answer) == 5

    def test_senco_deadline_shows_on_the_dashboard(self, demo) -> None:
        senco = demo.users[Membership.Role.SENCO]
        ctx = DashboardContext(
            access=resolve_access(senco, demo.school.urn), today=dt.date(2026, 12, 3)
        )

        items = dashboard.attention(ctx)

        assert (items[0].level, items[0].text) == (
            Level.DUE,
            "SENCO qualification due by 01/04/2027: on track.",
        )
        assert SencoRecord.objects.filter(school=demo.school).count() == 2


class TestQualificationCommand:
    def run(self, capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
        with pytest.raises(SystemExit) as exited:
            main(["tandem", "qualification", *argv])
        captured = capsys.readouterr()
        return exited.value.code, captured.out, captured.err

    def test_json_answer(self, capsys) -> None:
        code, out, _ = self.run(
            capsys, "--became-senco", "2024-04-01", "--on", "2025-12-01",
            "--course", "nasenco:2024-01-08:", "--json",
        )  # fmt: skip

        answer = json.loads(out)
        assert code == 0
        assert (answer["status"], answer["deadline"]) == ("due", "2027-04-01")

    def test_bad_date_is_one_line_and_exit_2(self, capsys) -> None:
        code, out, err = self.run(capsys, "--became-senco", "1st April 2024")

        assert (code, out) == (2, "")
        assert err == (
            "tandem qualification: error: argument --became-senco: '1st April 2024' is"
            " not a date in the form dd/mm/yyyy\n"
        )

    def test_dates_are_written_the_british_way(self, capsys) -> None:
        code, out, _ = self.run(
            capsys, "--became-senco", "01/04/2024", "--on", "03/12/2026"
        )

        assert code == 0
        assert out.splitlines()[0] == "On 03/12/2026: due by 01/04/2027"

    def test_help_for_the_command_lists_its_own_options(self, capsys) -> None:
        main(["tandem", "help", "qualification"])

        out = capsys.readouterr().out
        assert "--became-senco DATE" in out
        assert "the day they took up the SENCO post here (dd/mm/yyyy)" in out
