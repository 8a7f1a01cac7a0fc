import datetime as dt

from django.urls import reverse

from tandem.audit.models import AuditEntry
from tandem.duties import services
from tandem.duties.models import QualificationCourse, SencoRecord
from tandem.duties.qualification import anniversary
from tandem.duties.tests.conftest import make_course, make_senco_record
from tandem.lib.calendar import london_today

SENCO_POST = {
    "name": "Rhiannon Talbot",
    "became_senco": "2024-04-01",
    "qts": "on",
    "induction": "yes",
    "teaches_here": "on",
    "prior_months": "4",
}


def page_url(school) -> str:  # noqa: ANN001
    return reverse("duties:qualification", kwargs={"urn": school.urn})


class TestQualificationPage:
    def test_empty_state_offers_to_record_the_senco(self, senco_client, school) -> None:
        response = senco_client.get(page_url(school))

        assert b"No SENCO is recorded yet." in response.content
        assert b"Record the SENCO" in response.content

    def test_status_deadline_and_reasons(self, senco_client, school) -> None:
        senco = make_senco_record(school, became_senco=london_today())
        make_course(senco, kind="npq", started=london_today())
        deadline = anniversary(london_today()).strftime("%d/%m/%Y")

        response = senco_client.get(page_url(school))

        text = response.content.decode()
        assert f"Status on {london_today():%d/%m/%Y}: due by {deadline}" in text
        assert "On track" in text
        assert "(reg 49(4))" in text
        assert "NPQ for SENCOs" in text

    def test_officer_sees_the_status_not_the_record(self, officer_client, school):
        make_senco_record(school, name="Sam Example", became_senco=dt.date(2020, 1, 1))

        response = officer_client.get(page_url(school))

        text = response.content.decode()
        assert "overdue since 01/01/2023" in text
        assert "Sam Example" not in text
        assert "Add a course" not in text


class TestSencoRecordForms:
    def test_recording_a_new_senco_closes_the_last(self, senco_client, school) -> None:
        earlier = make_senco_record(
            school, name="Priya", became_senco=dt.date(2016, 9, 1)
        )
        url = reverse("duties:senco-create", kwargs={"urn": school.urn})

        response = senco_client.post(url, SENCO_POST)

        assert response.status_code == 302
        earlier.refresh_from_db()
        assert earlier.ended_on == dt.date(2024, 3, 31)
        current = SencoRecord.objects.get(ended_on__isnull=True)
        assert (current.name, current.prior_months) == ("Rhiannon Talbot", 4)
        actions = list(
            AuditEntry.objects.order_by("pk").values_list("action", flat=True)
        )
        assert actions == ["duties.senco.ended", "duties.senco.designated"]
        page = senco_client.get(page_url(school)).content.decode()
        assert "Priya: SENCO from 01/09/2016 to 31/03/2024" in page

    def test_edit_with_stale_version_is_refused(self, senco_client, school) -> None:
        senco = make_senco_record(school)
        url = reverse("duties:senco-edit", kwargs={"urn": school.urn, "pk": senco.pk})
        services.update_senco_record(
            senco, by=senco_client.user, expected_version=1,
            **{**{f: getattr(senco, f) for f in services.SENCO_FIELDS}, "name": "New"},
        )  # fmt: skip

        response = senco_client.post(url, {**SENCO_POST, "version": 1})

        assert b"Someone else saved this record" in response.content
        assert SencoRecord.objects.get().name == "New"


class TestCourseForms:
    def test_adding_an_award_makes_the_senco_compliant(self, senco_client, school):
        senco = make_senco_record(school, became_senco=dt.date(2024, 10, 1))
        url = reverse(
            "duties:course-create", kwargs={"urn": school.urn, "pk": senco.pk}
        )

        senco_client.post(
            url, {"kind": "npq", "started": "2024-10-14", "completed": "2025-07-10"}
        )

        course = QualificationCourse.objects.get()
        assert (course.kind, course.completed) == ("npq", dt.date(2025, 7, 10))
        page = senco_client.get(page_url(school)).content.decode()
        assert f"Status on {london_today():%d/%m/%Y}: compliant" in page
        assert AuditEntry.objects.get(action="duties.course.added").data == {
            "senco": senco.pk
        }

    def test_npq_before_september_2024_is_refused(self, senco_client, school) -> None:
        senco = make_senco_record(school)
        url = reverse(
            "duties:course-create", kwargs={"urn": school.urn, "pk": senco.pk}
        )

        response = senco_client.post(url, {"kind": "npq", "started": "2024-08-31"})

        assert b"The NPQ for SENCOs started on 01/09/2024." in response.content
        assert not QualificationCourse.objects.exists()

    def test_award_before_start_is_refused(self, senco_client, school) -> None:
        senco = make_senco_record(school)
        url = reverse(
            "duties:course-create", kwargs={"urn": school.urn, "pk": senco.pk}
        )

        response = senco_client.post(
            url, {"kind": "nasenco", "started": "2024-01-08", "completed": "2023-07-01"}
        )

        assert b"This date must be on or after the start date." in response.content
        assert not QualificationCourse.objects.exists()

    def test_removing_a_course_needs_confirmation(self, senco_client, school) -> None:
        course = make_course(make_senco_record(school))
        url = reverse(
            "duties:course-delete", kwargs={"urn": school.urn, "pk": course.pk}
        )

        assert b"Yes, remove the course" in senco_client.get(url).content
        senco_client.post(url)

        assert not QualificationCourse.objects.exists()
        assert AuditEntry.objects.filter(action="duties.course.removed").count() == 1
