"""Demo data: a signed SEN Information Report with its consultation and a saved check.

Also an SEN policy written in Tandem whose newest version awaits sign-off, and an
accessibility plan whose review is overdue, so the dashboard has something to say.
"""

from datetime import timedelta

from django.template.loader import render_to_string
from weasyprint import HTML

from tandem.compliance import services
from tandem.compliance.models import Consultation, Document
from tandem.compliance.statement import default_statement
from tandem.lib.calendar import academic_year
from tandem.schools.demo import DemoSchool
from tandem.schools.models import Membership

SEN_POLICY = """Larkspur Primary School: SEN policy

1. Aims
We want every pupil with special educational needs to make good progress, take a full
part in school life and move on confidently to the next stage.

2. Roles
The SENCO co-ordinates provision day to day. The SEN governor monitors it for the
governing body and reports to each full governing body meeting.

3. The graduated approach
We assess, plan, do and review, with parents and pupils involved at every step.
"""

CONSULTATIONS = [
    (
        Consultation.Perspective.GOVERNORS,
        "Full governing body",
        Consultation.Method.MEETING,
        "Asked that the SENCO's contact details and the local offer link be checked.",
        "Contact details confirmed; local offer link updated.",
    ),
    (
        Consultation.Perspective.STAFF,
        "Teachers and teaching assistants",
        Consultation.Method.MEETING,
        "Wanted clearer wording on who to speak to first about a concern.",
        "Added a sentence: speak to the class teacher first, then the SENCO.",
    ),
    (
        Consultation.Perspective.PARENTS,
        "Parent forum (11 parents and carers)",
        Consultation.Method.GROUP,
        "Found the report long; asked for the complaints route to be easier to find.",
        "Complaints moved to its own heading.",
    ),
    (
        Consultation.Perspective.PUPILS,
        "School council (Years 3 to 6)",
        Consultation.Method.PUPIL_VOICE,
        "Liked the clubs section; asked what a nurture group is.",
        "Added a short description of the nurture group.",
    ),
]


def seed(demo: DemoSchool) -> None:
    school, users, today = demo.school, demo.users, demo.today
    report = services.create_document(
        school,
        by=users["senco"],
        kind=Document.Kind.SEN_INFORMATION_REPORT,
        title=f"SEN Information Report {academic_year(today).label}",
        owner=users["senco"],
        last_reviewed_on=None,
        next_review_on=None,
    )
    version = services.add_file_version(
        report,
        by=users["senco"],
        data=_report_pdf(demo),
        filename="sen-information-report.pdf",
        note="Annual update: new SENCO contact details, local offer link.",
    )
    _consult(report, version, demo)
    services.run_report_check(version, by=users["senco"], on=today)
    _sign(version, demo)

    _seed_policy(demo)
    _seed_accessibility_plan(demo)


def _report_pdf(demo: DemoSchool) -> bytes:
    context = {
        "school": demo.school,
        "senco_name": _name(demo.users["senco"]),
        "governor_name": _name(demo.users["sen_governor"]),
        "year": academic_year(demo.today).label,
        "published": demo.today,
        "next_review": demo.today + timedelta(days=365),
    }
    html = render_to_string("compliance/demo/sen_information_report.html", context)

    return HTML(string=html).write_pdf()


def _consult(report: Document, version, demo: DemoSchool) -> None:  # noqa: ANN001
    for number, (perspective, who, method, said, changed) in enumerate(CONSULTATIONS):
        services.add_consultation(
            report,
            by=demo.users["senco"],
            perspective=perspective,
            who=who,
            method=method,
            planned_on=demo.today - timedelta(days=30 - number),
            held_on=demo.today - timedelta(days=30 - number),
            feedback=said,
            changes=changed,
            document_version=version,
        )


def _sign(version, demo: DemoSchool) -> None:  # noqa: ANN001
    governors = services.eligible_signatories(demo.school)
    statement = default_statement(
        school_name=demo.school.name,
        document_title=version.document.title,
        version_label=f"version {version.number}",
        on=demo.today,
        school_type="mainstream maintained school",
    )
    clerk = demo.users["clerk"]
    sign_off = services.request_sign_off(
        version, by=clerk, statement=statement, signatories=governors
    )
    recorder = Membership.objects.get(user=clerk, school=demo.school)
    for line in sign_off.signatories.all():
        services.confirm_sign_off(
            sign_off, by=clerk, signatory=line, signed_on=demo.today, recorder=recorder
        )


def _seed_policy(demo: DemoSchool) -> None:
    senco = demo.users["senco"]
    policy = services.create_document(
        demo.school,
        by=senco,
        kind=Document.Kind.SEN_POLICY,
        title="SEN policy",
        owner=senco,
        last_reviewed_on=demo.today - timedelta(days=340),
        next_review_on=None,
    )
    services.add_text_version(policy, by=senco, text=SEN_POLICY, note="First version.")
    services.add_text_version(
        policy,
        by=senco,
        text=SEN_POLICY + "\n4. Review\nThis policy is reviewed every year.\n",
        note="Added the review section.",
    )


def _seed_accessibility_plan(demo: DemoSchool) -> None:
    services.create_document(
        demo.school,
        by=demo.users["headteacher"],
        kind=Document.Kind.ACCESSIBILITY_PLAN,
        title="Accessibility plan",
        owner=demo.users["headteacher"],
        last_reviewed_on=demo.today - timedelta(days=3 * 365 + 20),
        next_review_on=None,
    )


def _name(user) -> str:  # noqa: ANN001
    return user.get_full_name() or user.get_username()
