import pytest
from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.duties import services
from tandem.duties.duty_map import duty_map
from tandem.duties.models import DutyAssignment, ReflectiveAnswer, SchoolDuty
from tandem.lib.calendar import london_today
from tandem.lib.concurrency import StaleEdit


class TestSchoolDuties:
    def test_own_duties_are_numbered_and_mapped(self, school, senco) -> None:
        first = services.add_school_duty(
            school, by=senco, title="Coffee morning", summary="",
            holders=frozenset({"senco", "slt"}),
        )  # fmt: skip
        second = services.add_school_duty(
            school, by=senco, title="Learning walk", summary="", holders=frozenset()
        )

        assert (first.code, second.code) == ("S01", "S02")
        entries = {e.code: e for e in duty_map(school, on=london_today()).entries}
        assert entries["S01"].holders == {"senco", "slt"}
        assert entries["S01"].statutory is False
        assert [e.code for e in duty_map(school, on=london_today()).unheld] == ["S02"]
        assert AuditEntry.objects.filter(action="duties.school_duty.added").count() == 2

    def test_removing_needs_confirmation(self, senco_client, school, senco) -> None:
        duty = services.add_school_duty(
            school, by=senco, title="Coffee morning", summary="", holders=frozenset()
        )
        url = reverse(
            "duties:school-duty-delete", kwargs={"urn": school.urn, "pk": duty.pk}
        )

        page = senco_client.get(url)
        assert b"Remove S01 Coffee morning from the map?" in page.content
        assert SchoolDuty.objects.count() == 1

        senco_client.post(url)
        assert SchoolDuty.objects.count() == 0
        assert not DutyAssignment.objects.filter(code="S01").exists()
        entry = AuditEntry.objects.get(action="duties.school_duty.removed")
        assert entry.data == {"school_duty": duty.pk, "code": "S01"}

    def test_create_form(self, senco_client, school) -> None:
        url = reverse("duties:school-duty-create", kwargs={"urn": school.urn})

        response = senco_client.post(
            url, {"title": "Nurture group", "holders": ["slt"]}
        )

        assert response.status_code == 302
        assert SchoolDuty.objects.get().title == "Nurture group"
        assert DutyAssignment.objects.get(code="S01").holders == {"slt"}


class TestReflectiveAnswers:
    def test_only_changed_answers_are_saved(self, school, senco) -> None:
        versions = {f"Q{n}": 0 for n in range(1, 7)}
        answers = {code: "" for code in versions} | {"Q1": "The SENCO alone."}

        changed = services.save_reflective_answers(
            school, by=senco, answers=answers, expected_versions=versions
        )

        assert changed == ["Q1"]
        assert list(
            ReflectiveAnswer.objects.values_list("question_code", "answer")
        ) == [("Q1", "The SENCO alone.")]
        entry = AuditEntry.objects.get(action="duties.reflection.saved")
        assert entry.data == {"changed": ["Q1"]}

    def test_stale_answer_is_refused(self, school, senco) -> None:
        services.save_reflective_answers(
            school, by=senco, answers={"Q1": "First"}, expected_versions={"Q1": 0}
        )

        with pytest.raises(StaleEdit):
            services.save_reflective_answers(
                school, by=senco, answers={"Q1": "Late"}, expected_versions={"Q1": 0}
            )

        assert ReflectiveAnswer.objects.get().answer == "First"

    def test_form_round_trip(self, senco_client, school) -> None:
        url = reverse("duties:reflection-edit", kwargs={"urn": school.urn})
        data = {f"Q{n}_version": 0 for n in range(1, 7)} | {"Q3": "D21: spring term."}

        response = senco_client.post(url, data)
        page = senco_client.get(reverse("duties:duty-map", kwargs={"urn": school.urn}))

        assert response.status_code == 302
        assert b"D21: spring term." in page.content
        assert page.content.count(b"Not answered yet.") == 5
