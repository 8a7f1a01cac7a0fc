"""Demo termly reports: six terms at Larkspur Primary (about 410 pupils), two years of
history so the charts have something to show, each rolled forward from the last and
submitted, with governors' questions and answers. The current term is left for the
SENCO to start."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tandem.lib.calendar import LONDON
from tandem.reports import services
from tandem.reports.dashboard import current_term, term_end
from tandem.reports.imports import ImportResult
from tandem.reports.models import (
    EhcApplication,
    GovernorQuestion,
    Intervention,
    TermlyReport,
)
from tandem.reports.terms import TermKey

YEARS = ("R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6")
# Per term, oldest first: roll, SEN support by year, EHC plans by year.
TERMS = [
    (404, (3, 6, 8, 9, 8, 9, 7), (0, 1, 1, 2, 1, 2, 1)),
    (407, (4, 6, 8, 9, 9, 9, 7), (0, 1, 1, 2, 2, 2, 1)),
    (409, (4, 7, 8, 10, 9, 9, 8), (0, 1, 2, 2, 2, 2, 1)),
    (411, (3, 7, 9, 9, 10, 9, 9), (0, 1, 2, 2, 2, 2, 2)),
    (412, (4, 7, 9, 10, 10, 9, 9), (1, 1, 2, 2, 2, 2, 2)),
    (410, (5, 8, 9, 10, 10, 10, 8), (1, 1, 2, 3, 2, 2, 2)),
]
# Need mix as shares of the SEN support and EHC plan totals, as whole pupils.
NEEDS_K = {
    "SLCN": 0.30,
    "SEMH": 0.20,
    "MLD": 0.16,
    "SPLD": 0.12,
    "ASD": 0.10,
    "OTH": 0.04,
    "PD": 0.03,
    "HI": 0.02,
}
NEEDS_E = {"ASD": 0.45, "SLCN": 0.25, "SEMH": 0.15, "PD": 0.10, "SLD": 0.05}
INTERVENTIONS = [
    (
        2,
        "Talk Boost",
        "communication",
        "Teaching assistant",
        1450,
        1,
        30,
        3,
        38,
        4,
        0,
        6000,
    ),
    (
        2,
        "Precision teaching",
        "cognition",
        "Higher-level teaching assistant",
        1620,
        1,
        15,
        5,
        38,
        1,
        0,
        0,
    ),
    (
        2,
        "Nurture group",
        "semh",
        "Two teaching assistants",
        1450,
        2,
        60,
        4,
        38,
        8,
        0,
        25000,
    ),
    (
        2,
        "Lego-based therapy",
        "communication",
        "Teaching assistant",
        1450,
        1,
        45,
        1,
        30,
        3,
        0,
        9000,
    ),
    (
        3,
        "1:1 speech and language programme",
        "communication",
        "Teaching assistant",
        1337,
        1,
        20,
        2,
        38,
        1,
        0,
        0,
    ),
    (
        3,
        "Educational psychologist consultation",
        "cognition",
        "Visiting EP",
        0,
        1,
        120,
        1,
        6,
        1,
        45000,
        0,
    ),
    (
        3,
        "ELSA sessions",
        "semh",
        "ELSA-trained teaching assistant",
        1450,
        1,
        45,
        1,
        30,
        1,
        0,
        2500,
    ),
]
NARRATIVE = [
    (
        "Introduced Talk Boost in Reception and Year 1; 11 of 14 pupils met their exit "
        "targets.",
        "Waiting times for speech and language therapy remain long.",
        "Whole-staff training on adaptive teaching (INSET, September).",
    ),
    (
        "Nurture group set up for Years 2 and 3, with a calm room at lunchtime.",
        "Two EHC needs assessments are past the 20-week timeline.",
        "Two teaching assistants trained as ELSAs.",
    ),
    (
        "Provision map reviewed with the headteacher; precision teaching extended to "
        "Year 4.",
        "Rising number of pupils with social, emotional and mental health needs.",
        "SENCO attended the local authority SEND briefing.",
    ),
    (
        "Transition plans for Year 6 pupils with EHC plans agreed with secondary "
        "schools.",
        "Budget pressure from Element 3 top-ups arriving late.",
        "Autism awareness training for midday supervisors.",
    ),
    (
        "Phonics catch-up groups for Year 2; attendance of pupils on SEN support up.",
        "Staff absence has interrupted two interventions.",
        "Precision teaching refresher for four teaching assistants.",
    ),
    (
        "Pupil voice survey of pupils on the SEN register; results shared with staff.",
        "Demand for ELSA sessions exceeds capacity.",
        "SENCO completed the first module of the NPQ for SENCOs.",
    ),
]
QUESTIONS = [
    (
        1,
        "What has changed for pupils in the nurture group since it started?",
        "Attendance is up and incidents at lunchtime have halved; we will report "
        "Boxall profile scores next term.",
    ),
    (
        3,
        "Why has the number of pupils with EHC plans in Year 3 risen?",
        "One pupil joined with a plan and one plan was issued after an assessment "
        "requested last year.",
    ),
    (5, "Is the ELSA waiting list something governors should raise with the head?", ""),
]


def seed(demo) -> None:  # noqa: ANN001
    senco = demo.users["senco"]
    governor = demo.users["sen_governor"]
    services.set_finance_enabled(demo.school, True, by=senco)
    key = current_term(demo.today)
    keys = [key]
    for _ in TERMS:
        keys.insert(0, keys[0].previous)
    with transaction.atomic():
        reports = [
            _term(demo.school, term, index, senco)
            for index, term in enumerate(keys[:-1])
        ]
        for index, text, answer in QUESTIONS:
            _question(reports[index], text, answer, governor, senco)


def _term(school, key: TermKey, index: int, senco) -> TermlyReport:  # noqa: ANN001
    report = services.get_or_start_report(school, key.academic_year, key.term, by=senco)
    challenges, issues, training = NARRATIVE[index]
    budget = _budget(index)
    services.update_report(
        report,
        {
            "report_date": term_end(key) - dt.timedelta(days=10),
            "senco_name": "Rhiannon Talbot",
            "senco_email": "senco@larkspur.example.org",
            "senco_phone": "01632 960 418",
            "senco_best_time": "Tuesday afternoons",
            "non_contact_time": "Two days a week",
            "sen_policy_date": dt.date(2024, 9, 12),
            "provision_review_date": dt.date(key.start_year, 10, 8),
            "provision_review_outcome": (
                "Adaptive teaching is secure in most classes; writing scaffolds to be "
                "shared across Key Stage 2."
            ),
            "challenges": challenges,
            "ongoing_issues": issues,
            "training": training,
            **budget,
        },
        by=senco,
        expected_version=report.version,
    )
    services.apply_sen_import(report, _numbers(index), by=senco)
    _provision(report, index)
    _applications(report, key)
    report.refresh_from_db()
    report = services.submit_report(report, by=senco, expected_version=report.version)
    submitted = dt.datetime.combine(
        term_end(key) - dt.timedelta(days=7), dt.time(16, 30), tzinfo=LONDON
    )
    TermlyReport.objects.filter(pk=report.pk).update(submitted_at=submitted)
    report.submitted_versions.update(submitted_at=submitted)
    report.submitted_at = submitted  # questions are dated from it

    return report


def _budget(index: int) -> dict[str, int]:
    """Pence. The financial year runs April to March: autumn and spring share one."""

    year = index // 3
    spent_share = (70, 96, 31)[index % 3]
    element_2 = 9850000 + year * 420000
    element_3 = 6200000 + year * 780000 + (index % 3) * 150000
    total = 4000000 + element_2 + element_3 + 500000

    return {
        "element_1": 4000000,
        "element_2": element_2,
        "element_3": element_3,
        "additional": 500000,
        "expenditure": total * spent_share // 100 + index * 12345,
    }


def _numbers(index: int) -> ImportResult:
    roll, support, plans = TERMS[index]
    by_year = {
        year: {"K": k, "E": e, "N": roll // 7 - k - e}
        for year, k, e in zip(YEARS, support, plans, strict=True)
    }
    k_total, e_total = sum(support), sum(plans)

    return ImportResult(
        source_format="pupil-level",
        rows_read=roll,
        pupils=roll,
        sen_support=k_total,
        ehc_plan=e_total,
        by_year=by_year,
        by_need=_needs(k_total, e_total),
        by_year_need={},
        warnings=[],
    )


def _needs(k_total: int, e_total: int) -> dict[str, dict[str, int]]:
    needs: dict[str, dict[str, int]] = {}
    for provision, shares, total in (("K", NEEDS_K, k_total), ("E", NEEDS_E, e_total)):
        counts = {code: int(share * total) for code, share in shares.items()}
        counts[next(iter(shares))] += total - sum(
            counts.values()
        )  # remainder to the first
        for code, count in counts.items():
            needs.setdefault(code, {"K": 0, "E": 0})[provision] = count

    return needs


def _provision(report: TermlyReport, index: int) -> None:
    if index > 0:
        return  # later terms carry the first term's map forward
    for row in INTERVENTIONS:
        (
            wave,
            name,
            area,
            who,
            rate,
            adults,
            minutes,
            per_week,
            weeks,
            group,
            ext,
            res,
        ) = row
        Intervention.objects.create(
            report=report,
            wave=wave,
            name=name,
            area=area,
            delivered_by=who,
            hourly_rate=rate,
            adults=adults,
            session_minutes=minutes,
            sessions_per_week=per_week,
            weeks=weeks,
            group_size=group,
            external_per_session=ext,
            resources=res,
        )


def _applications(report: TermlyReport, key: TermKey) -> None:
    requested = dt.date(key.start_year + (key.index > 0), (10, 2, 5)[key.index], 6)
    number = key.start_year * 10 + key.index
    EhcApplication.objects.create(
        report=report,
        reference=f"EHC-{number}",
        kind=EhcApplication.Kind.EHC_ASSESSMENT,
        year_group="Y2",
        need="ASD",
        stage=EhcApplication.Stage.ASSESSING,
        requested_on=requested,
        stage_on=requested + dt.timedelta(weeks=6),
    )
    for application in report.applications.exclude(reference=f"EHC-{number}"):
        application.stage = EhcApplication.Stage.FINAL_PLAN
        application.stage_on = requested - dt.timedelta(days=5)
        application.save(update_fields=["stage", "stage_on"])
    if key.index == 1:
        EhcApplication.objects.create(
            report=report,
            reference=f"HNF-{number}",
            kind=EhcApplication.Kind.HIGH_NEEDS,
            year_group="Y4",
            need="SLCN",
            stage=EhcApplication.Stage.REQUESTED,
            requested_on=requested,
        )


def _question(report, text: str, answer: str, governor, senco) -> None:  # noqa: ANN001
    question = services.ask_question(report, text, by=governor, role="sen_governor")
    asked = report.submitted_at + dt.timedelta(days=3)
    GovernorQuestion.objects.filter(pk=question.pk).update(asked_at=asked)
    if answer:
        question.refresh_from_db()
        services.answer_question(
            question, answer, by=senco, expected_version=question.version
        )
        GovernorQuestion.objects.filter(pk=question.pk).update(
            answered_at=asked + dt.timedelta(days=2)
        )
