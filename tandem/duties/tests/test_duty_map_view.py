import re

from bs4 import BeautifulSoup
from django.urls import reverse

from tandem.duties import services
from tandem.lib.calendar import london_today


def get_map(client, school) -> BeautifulSoup:  # noqa: ANN001
    response = client.get(reverse("duties:duty-map", kwargs={"urn": school.urn}))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def group_codes(page: BeautifulSoup, heading: str) -> list[str]:
    for section in page.select(".duty-group"):
        if section.h3.get_text().startswith(heading):
            return [s.get_text() for s in section.select(".duty__code")]
    return []


class TestDutyMapPage:
    def test_picture_and_list_show_every_duty(self, senco_client, school) -> None:
        page = get_map(senco_client, school)

        svg_codes = [t.get_text() for t in page.select("svg.venn .venn__duty text")]
        list_codes = [s.get_text() for s in page.select(".duty__code")]
        expected = [f"D{n:02d}" for n in range(1, 26)]
        assert sorted(svg_codes) == expected
        assert sorted(list_codes) == expected
        assert page.select_one("svg.venn")["role"] == "img"
        assert "25 duties on the map" in page.get_text(" ", strip=True)

    def test_default_holders_show_as_suggestions(self, senco_client, school) -> None:
        page = get_map(senco_client, school)

        assert group_codes(page, "Held by the SENCO (") == ["D07", "D19"]
        assert len(page.select(".duty__pending")) == 25
        today = london_today().strftime("%d/%m/%Y")
        assert f"Duties in force on {today}" in page.get_text(" ", strip=True)

    def test_saved_holders_move_the_duty(self, senco_client, school, senco) -> None:
        services.set_duty_holders(
            school, "D07", by=senco, holders=frozenset(), note="", evidence_url="",
            expected_version=0,
        )  # fmt: skip

        page = get_map(senco_client, school)

        assert group_codes(page, "Warning: held by nobody") == ["D07"]
        assert group_codes(page, "Held by the SENCO (") == ["D19"]
        unheld = page.select("svg .venn__duty--unheld text")
        assert [t.get_text() for t in unheld] == ["D07"]
        assert "Nobody holds these duties" in page.select_one("svg").get_text()
        assert "Warning: 1 held by nobody" in page.get_text(" ", strip=True)
        assert len(page.select(".duty__pending")) == 24

    def test_readers_see_no_edit_links(self, governor_client, school) -> None:
        page = get_map(governor_client, school)

        assert page.find("a", string=re.compile("Edit holders")) is None
        assert page.find("a", string="Download PDF") is not None

    def test_writers_see_edit_links(self, senco_client, school) -> None:
        page = get_map(senco_client, school)

        link = page.select_one("#duty-D07 .duty__actions a")
        assert link["href"] == f"/schools/{school.urn}/duties/D07/edit/"
