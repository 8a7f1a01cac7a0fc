"""Role x URL cases for termly reports (see tests/test_role_urls.py).

Drafts are visible to the SENCO, headteacher and senior leaders only: governors,
the clerk and the officer get a 404 for a draft, as for a record that is not theirs.
Only the SENCO writes (others are refused with 403 before anything is looked up);
the SEN governor, headteacher and senior leaders ask questions.
"""

from tandem.reports.models import TermlyReport
from tandem.reports.tests.builders import (
    make_application,
    make_intervention,
    make_report,
)
from tandem.testing import UrlCase, expect

LEADERS_ONLY = {"governor": 404, "sen_governor": 404, "clerk": 404, "officer": 404}
EVERYONE = expect(200)
SENCO_FORM = expect(403, senco=200)
SENCO_POST = expect(403, senco=302)
DRAFT_READ = expect(200, **LEADERS_ONLY)
DRAFT_FORM = expect(403, senco=200)
DRAFT_POST = expect(403, senco=302)
# Someone else's report: the SENCO, who may write, finds nothing there.
OTHER_FORM = expect(403, senco=404)


def _draft(world) -> TermlyReport:  # noqa: ANN001
    return make_report(world.school, by=world.user("senco"))


def _submitted(world) -> TermlyReport:  # noqa: ANN001
    from tandem.reports.tests.builders import submit

    report = make_report(world.school, by=world.user("senco"), term="spring")

    return submit(report, by=world.user("senco"))


def _other(world) -> TermlyReport:  # noqa: ANN001
    return make_report(world.other_school, by=world.user("outsider"))


def draft(world) -> dict:  # noqa: ANN001
    return {"pk": _draft(world).pk}


def submitted(world) -> dict:  # noqa: ANN001
    return {"pk": _submitted(world).pk}


def other(world) -> dict:  # noqa: ANN001
    return {"pk": _other(world).pk}


def draft_intervention(world) -> dict:  # noqa: ANN001
    report = _draft(world)

    return {"pk": report.pk, "item": make_intervention(report).pk}


def other_intervention(world) -> dict:  # noqa: ANN001
    report = _other(world)

    return {"pk": report.pk, "item": make_intervention(report).pk}


def draft_application(world) -> dict:  # noqa: ANN001
    report = _draft(world)

    return {"pk": report.pk, "item": make_application(report).pk}


def other_application(world) -> dict:  # noqa: ANN001
    report = _other(world)

    return {"pk": report.pk, "item": make_application(report).pk}


def submitted_question(world) -> dict:  # noqa: ANN001
    from tandem.reports import services

    report = _submitted(world)
    question = services.ask_question(
        report,
        "How is the nurture group going?",
        by=world.user("sen_governor"),
        role="sen_governor",
    )

    return {"pk": report.pk, "item": question.pk}


def _version(world) -> dict:  # noqa: ANN001
    return {"version": 1}


CASES = [
    UrlCase("reports:report-list", EVERYONE),
    UrlCase(
        "reports:report-start",
        SENCO_POST,
        method="post",
        data=lambda world: {"academic_year": "2026/27", "term": "autumn"},
    ),
    UrlCase("reports:report-settings", SENCO_FORM),
    UrlCase(
        "reports:report-settings",
        SENCO_POST,
        method="post",
        data=lambda world: {"finance_enabled": "on"},
    ),
    UrlCase("reports:report-detail", DRAFT_READ, kwargs=draft, note="draft"),
    UrlCase("reports:report-detail", EVERYONE, kwargs=submitted, note="submitted"),
    UrlCase("reports:report-detail", expect(404), kwargs=other, note="other school"),
    UrlCase("reports:report-finance", DRAFT_FORM, kwargs=draft),
    UrlCase("reports:report-finance", OTHER_FORM, kwargs=other, note="other school"),
    UrlCase("reports:report-numbers", DRAFT_FORM, kwargs=draft),
    UrlCase(
        "reports:report-section",
        DRAFT_FORM,
        kwargs=lambda world: {**draft(world), "section": "header"},
    ),
    UrlCase(
        "reports:report-section",
        DRAFT_POST,
        method="post",
        kwargs=lambda world: {**draft(world), "section": "narrative"},
        data=lambda world: {
            "version": 1,
            "challenges": "Phonics catch-up.",
            "ongoing_issues": "",
            "training": "",
        },
    ),
    UrlCase("reports:intervention-add", DRAFT_FORM, kwargs=draft),
    UrlCase("reports:intervention-edit", DRAFT_FORM, kwargs=draft_intervention),
    UrlCase(
        "reports:intervention-edit",
        OTHER_FORM,
        kwargs=other_intervention,
        note="other school",
    ),
    UrlCase("reports:intervention-delete", DRAFT_FORM, kwargs=draft_intervention),
    UrlCase(
        "reports:intervention-delete",
        DRAFT_POST,
        method="post",
        kwargs=draft_intervention,
    ),
    UrlCase("reports:application-add", DRAFT_FORM, kwargs=draft),
    UrlCase("reports:application-edit", DRAFT_FORM, kwargs=draft_application),
    UrlCase(
        "reports:application-edit",
        OTHER_FORM,
        kwargs=other_application,
        note="other school",
    ),
    UrlCase("reports:application-delete", DRAFT_FORM, kwargs=draft_application),
    UrlCase("reports:report-import", DRAFT_FORM, kwargs=draft),
    # Nothing pending in the session: the SENCO is sent to the upload page.
    UrlCase(
        "reports:report-import-preview",
        expect(403, senco=302),
        kwargs=draft,
    ),
    UrlCase("reports:report-submit", DRAFT_FORM, kwargs=draft),
    UrlCase(
        "reports:report-submit", DRAFT_POST, method="post", kwargs=draft, data=_version
    ),
    UrlCase(
        "reports:report-reopen",
        SENCO_POST,
        method="post",
        kwargs=submitted,
        data=lambda world: {"version": 2},
    ),
    UrlCase(
        "reports:question-ask",
        expect(403, sen_governor=302, headteacher=302, senior_leader=302),
        method="post",
        kwargs=submitted,
        data=lambda world: {"question": "Why did SEN support rise?"},
    ),
    UrlCase(
        "reports:question-answer",
        SENCO_POST,
        method="post",
        kwargs=submitted_question,
        data=lambda world: {"version": 1, "answer": "It is going well."},
    ),
    UrlCase("reports:report-pdf", EVERYONE, kwargs=submitted),
    UrlCase("reports:report-docx", EVERYONE, kwargs=submitted),
    UrlCase("reports:report-docx", DRAFT_READ, kwargs=draft, note="draft"),
]
