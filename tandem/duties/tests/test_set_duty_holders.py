import pytest
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.duties import services
from tandem.duties.models import DutyAssignment
from tandem.lib.concurrency import StaleEdit


def save(school, by, version: int = 0, **overrides):  # noqa: ANN001, ANN201
    fields = {
        "holders": frozenset({"gb", "senco"}),
        "note": "Reviewed each term.",
        "evidence_url": "https://example.org/minutes",
    }
    fields.update(overrides)
    return services.set_duty_holders(
        school, "D07", by=by, expected_version=version, **fields
    )


class TestSetDutyHolders:
    def test_first_save_creates_and_audits(self, school, senco) -> None:
        assignment = save(school, senco)

        assert assignment.holders == {"gb", "senco"}
        assert (assignment.version, assignment.note) == (1, "Reviewed each term.")
        entry = AuditEntry.objects.get(action="duties.assignment.saved")
        assert (entry.actor, entry.school, entry.data["code"]) == (senco, school, "D07")
        assert "Reviewed" not in str(entry.data)

    def test_edit_records_changed_fields_only(self, school, senco) -> None:
        save(school, senco)

        save(school, senco, version=1, holders=frozenset({"senco"}))

        stored = DutyAssignment.objects.get(school=school, code="D07")
        assert (stored.holders, stored.version) == ({"senco"}, 2)
        latest = AuditEntry.objects.filter(action="duties.assignment.saved").latest(
            "pk"
        )
        assert latest.data["changed"] == ["held_by_gb"]

    def test_stale_edit_is_refused_and_nothing_changes(self, school, senco) -> None:
        save(school, senco)
        save(school, senco, version=1, note="Second person")

        with pytest.raises(StaleEdit):
            save(school, senco, version=1, note="First person, late")

        assert DutyAssignment.objects.get(code="D07").note == "Second person"

    def test_two_first_saves_cannot_both_win(self, school, senco) -> None:
        save(school, senco)

        with pytest.raises(StaleEdit):
            save(school, senco, version=0, note="Also new")

        assert DutyAssignment.objects.filter(code="D07").count() == 1

    def test_unknown_code_is_refused(self, school, senco) -> None:
        with pytest.raises(services.UnknownDuty):
            services.set_duty_holders(
                school, "D99", by=senco, holders=frozenset(), note="",
                evidence_url="", expected_version=0,
            )  # fmt: skip


class TestDutyEditView:
    def url(self, school, code: str = "D07") -> str:  # noqa: ANN001
        return reverse("duties:duty-edit", kwargs={"urn": school.urn, "code": code})

    def test_form_starts_with_suggested_holders(self, senco_client, school) -> None:
        response = senco_client.get(self.url(school))

        assert response.context["form"].initial["holders"] == ["senco"]
        assert b"These are the suggested holders." in response.content

    def test_post_saves_and_returns_to_the_map(self, senco_client, school) -> None:
        data = {"holders": ["slt", "senco"], "note": "Deputy leads.", "version": 0}

        response = senco_client.post(self.url(school), data)

        assert response.status_code == 302
        assert response["Location"] == f"/schools/{school.urn}/duties/"
        stored = DutyAssignment.objects.get(school=school, code="D07")
        assert (stored.holders, stored.note) == ({"slt", "senco"}, "Deputy leads.")

    def test_bad_link_shows_an_error_summary(self, senco_client, school) -> None:
        data = {"holders": ["senco"], "evidence_url": "not a link", "version": 0}

        response = senco_client.post(self.url(school), data)

        assert response.status_code == 200
        assert b"There is a problem" in response.content
        assert b"<title>Error: " in response.content
        assert not DutyAssignment.objects.exists()

    def test_stale_post_explains_the_conflict(
        self, senco_client, school, senco
    ) -> None:
        save(school, senco)

        response = senco_client.post(
            self.url(school), {"holders": ["gb"], "note": "Mine", "version": 0}
        )

        assert response.status_code == 200
        assert b"Someone else saved this record" in response.content
        assert DutyAssignment.objects.get(code="D07").note == "Reviewed each term."
