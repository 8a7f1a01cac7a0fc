"""Small builders for report tests."""

from __future__ import annotations

from tandem.reports import services
from tandem.reports.imports import ImportResult
from tandem.reports.models import EhcApplication, Intervention, TermlyReport


def make_result(**overrides: object) -> ImportResult:
    fields: dict = {
        "source_format": "pupil-level",
        "rows_read": 412,
        "pupils": 412,
        "sen_support": 57,
        "ehc_plan": 9,
        "by_year": {
            "R": {"K": 3, "E": 0, "N": 55},
            "Y1": {"K": 10, "E": 2, "N": 48},
            "Y2": {"K": 14, "E": 3, "N": 40},
            "Y3": {"K": 30, "E": 4, "N": 203},
        },
        "by_need": {
            "SLCN": {"K": 20, "E": 3},
            "ASD": {"K": 9, "E": 5},
            "SEMH": {"K": 28, "E": 1},
        },
        "by_year_need": {"Y1": {"SLCN": {"K": 10, "E": 2}}},
        "warnings": [],
    }
    fields.update(overrides)

    return ImportResult(**fields)


def make_report(
    school,
    *,
    by,
    year: str = "2025/26",
    term: str = "autumn",  # noqa: ANN001
    **fields: object,
) -> TermlyReport:
    report = services.get_or_start_report(school, year, term, by=by)
    if fields:
        TermlyReport.objects.filter(pk=report.pk).update(**fields)
        report.refresh_from_db()

    return report


def make_intervention(report: TermlyReport, **overrides: object) -> Intervention:
    fields: dict = {
        "wave": 2,
        "name": "Talk Boost",
        "area": "communication",
        "delivered_by": "Teaching assistant",
        "hourly_rate": 1450,
        "session_minutes": 30,
        "sessions_per_week": 3,
        "weeks": 38,
        "group_size": 4,
    }
    fields.update(overrides)

    return Intervention.objects.create(report=report, **fields)


def make_application(report: TermlyReport, **overrides: object) -> EhcApplication:
    fields: dict = {
        "reference": "EHC-2025-01",
        "kind": "ehc",
        "year_group": "Y2",
        "need": "ASD",
        "stage": "requested",
        "requested_on": "2025-10-06",
    }
    fields.update(overrides)

    return EhcApplication.objects.create(report=report, **fields)


def submit(report: TermlyReport, *, by) -> TermlyReport:  # noqa: ANN001
    report.refresh_from_db()

    return services.submit_report(report, by=by, expected_version=report.version)
