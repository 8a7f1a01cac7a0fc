import pytest
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.planner.models import TermDates
from tandem.planner.tests.builders import YEAR, make_plan
from tandem.testing import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = make_world()
    make_plan(world.school, with_dates=False)
    return world


def _post(client, world, **terms):  # noqa: ANN001, ANN202
    url = reverse("planner:term-dates", kwargs={"urn": world.school.urn, "year": YEAR})
    data = {
        f"{term}-{end}_day": day
        for term, (first, last) in terms.items()
        for end, day in (("first", first), ("last", last))
    }
    return client.post(url, data)


class TestTermDates:
    def test_three_terms_are_saved_together(self, client, world):
        client.force_login(world.user("senco"))

        response = _post(
            client,
            world,
            autumn=("2026-09-01", "2026-12-17"),
            spring=("2027-01-04", "2027-03-25"),
            summer=("2027-04-12", "2027-07-22"),
        )

        assert response.status_code == 302
        saved = TermDates.objects.order_by("first_day")
        assert [(t.term, f"{t.first_day:%d/%m/%Y}") for t in saved] == [
            ("autumn", "01/09/2026"),
            ("spring", "04/01/2027"),
            ("summer", "12/04/2027"),
        ]

    def test_one_refused_term_saves_none_of_them(self, client, world):
        client.force_login(world.user("senco"))

        response = _post(
            client,
            world,
            autumn=("2026-09-01", "2026-12-17"),
            spring=("2026-12-14", "2027-03-25"),  # overlaps the autumn term
            summer=("2027-04-12", "2027-07-22"),
        )

        assert response.status_code == 200
        assert "These dates overlap the Autumn term." in response.content.decode()
        assert TermDates.objects.count() == 0
        assert not AuditEntry.objects.filter(action__startswith="planner.term").exists()
