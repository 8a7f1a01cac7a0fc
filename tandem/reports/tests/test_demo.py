import datetime as dt

import pytest
from django.utils import timezone

from tandem.lib.pdf import pdf_text
from tandem.reports import evidence
from tandem.reports.demo import QUESTIONS
from tandem.reports.models import GovernorQuestion, TermlyReport
from tandem.reports.services import numbers_of
from tandem.schools import demo


@pytest.mark.django_db
def test_demo_has_six_submitted_terms_before_this_one() -> None:
    seeded = demo.seed_demo()
    seeded_today = seeded.today

    reports = list(TermlyReport.objects.filter(school=seeded.school).order_by("period"))

    assert len(reports) == 6
    assert all(r.status == "submitted" for r in reports)
    periods = [r.period for r in reports]
    assert periods == list(range(periods[0], periods[0] + 6))
    assert reports[-1].key.next.label == _current_label(seeded_today)
    first, last = numbers_of(reports[0]), numbers_of(reports[-1])
    assert (first.roll, first.sen_support, first.ehc_plans) == (404, 50, 8)
    assert (last.roll, last.sen_support, last.ehc_plans) == (410, 60, 13)
    assert reports[-1].copied_from == reports[-2]
    assert reports[-1].interventions.count() == 7
    assert reports[-1].questions.get().answer == ""
    assert reports[0].budget.total > reports[0].budget.expenditure


@pytest.mark.django_db
def test_demo_questions_follow_their_report_and_none_is_in_the_future() -> None:
    seeded = demo.seed_demo()
    now = timezone.now()

    questions = GovernorQuestion.objects.filter(report__school=seeded.school)

    assert questions.count() == len(QUESTIONS)
    for question in questions.select_related("report"):
        assert question.report.submitted_at < question.asked_at < now
        if question.answer:
            assert question.asked_at < question.answered_at < now


@pytest.mark.django_db
def test_evidence_pack_gets_the_latest_report_for_governors() -> None:
    seeded = demo.seed_demo()

    found = evidence.sections(seeded.school, today=dt.date(2026, 12, 3))

    assert len(found) == 1
    text = " ".join(" ".join(pdf_text(found[0].pdf)).split())
    assert found[0].title.startswith("Termly SEND report: ")
    assert "fewer than 5" in text


def _current_label(today: dt.date) -> str:
    from tandem.reports.dashboard import current_term

    return current_term(today).label
