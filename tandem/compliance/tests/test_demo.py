import pytest

from tandem.compliance.models import Consultation, Document, ReportCheck, SignOff
from tandem.schools import demo

pytestmark = pytest.mark.django_db


def test_demo_has_a_signed_report_consultation_and_a_saved_check():
    seeded = demo.seed_demo()
    school = seeded.school

    report = Document.objects.get(
        school=school, kind=Document.Kind.SEN_INFORMATION_REPORT
    )
    version = report.versions.get()
    sign_off = version.sign_offs.get()
    assert sign_off.status == SignOff.Status.COMPLETE
    assert sign_off.sha256 == version.sha256
    assert version.content_matches_hash()
    assert [(line.name, line.role) for line in sign_off.signatories.all()] == [
        ("Helen Fairweather", "Headteacher and governor"),
        ("Marcus Adeyemi", "SEN governor"),
        ("Tom Ashdown", "Governor"),
    ]
    assert all(line.recorded_by_clerk for line in sign_off.signatories.all())
    assert sorted(
        Consultation.objects.filter(document=report).values_list(
            "perspective", flat=True
        )
    ) == ["governors", "parents", "pupils", "staff"]
    check = ReportCheck.objects.get(document_version=version)
    assert check.readable
    assert check.applicable == 24
    assert check.found == 24, [
        k for k, v in check.result["items"].items() if not v["found"]
    ]
    assert check.result["senco_name"] == "Rhiannon Talbot"
    assert report.next_review_on is not None


def test_demo_policy_awaits_sign_off_and_plan_review_is_overdue():
    seeded = demo.seed_demo()

    policy = Document.objects.get(school=seeded.school, kind=Document.Kind.SEN_POLICY)
    plan = Document.objects.get(
        school=seeded.school, kind=Document.Kind.ACCESSIBILITY_PLAN
    )
    assert policy.versions.count() == 2
    assert not SignOff.objects.filter(document_version__document=policy).exists()
    assert plan.review_status(seeded.today).state == "overdue"
