"""Termly report pages: list, sections, import, submission, governors' questions, exports."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tandem.lib.calendar import london_today
from tandem.lib.concurrency import StaleEdit
from tandem.lib.http import download
from tandem.reports import exports, services
from tandem.reports.forms import (
    AnswerForm,
    ApplicationForm,
    FinanceForm,
    FinanceSettingsForm,
    HeaderForm,
    ImportForm,
    InterventionForm,
    NarrativeForm,
    NumbersForm,
    QuestionForm,
    StartReportForm,
    years_for,
)
from tandem.reports.imports import ImportResult, SenImportError, parse_sen_file
from tandem.reports.imports.codes import year_order
from tandem.reports.imports.headings import mapping_looks_like_data
from tandem.reports.imports.preview import preview_headings
from tandem.reports.models import (
    ColumnMapping,
    EhcApplication,
    GovernorQuestion,
    Intervention,
    InvalidTransition,
    ReportLocked,
    TermlyReport,
)
from tandem.reports.permissions import audience_for, get_report_for
from tandem.reports.presenting import build_content
from tandem.reports.send_numbers import SendNumbers, send_view
from tandem.reports.terms import TermKey
from tandem.schools.permissions import Capability, SchoolAccess, school_view

logger = logging.getLogger(__name__)
SECTIONS = {"header": "Report details", "narrative": "Narrative"}
_PENDING = "reports.pending_import.{pk}"


def _detail(report: TermlyReport) -> HttpResponse:
    return redirect("reports:report-detail", urn=report.school.urn, pk=report.pk)


def _locked(request: HttpRequest, report: TermlyReport) -> HttpResponse:
    """Editing pages of a submitted report send the SENCO back to it, saying why."""

    messages.info(request, ReportLocked.message + " Reopen it to correct it.")

    return _detail(report)


def next_term(access: SchoolAccess) -> TermKey:
    latest = access.school.termly_reports.order_by("-period").first()
    if latest is not None:
        return latest.key.next
    today = london_today()
    start = today.year if today.month >= 9 else today.year - 1
    index = 0 if today.month >= 9 else (1 if today.month <= 3 else 2)

    return TermKey(start, index)


@school_view(Capability.REPORTS)
def report_list(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    reports = access.school.termly_reports.all()
    audience = audience_for(access)
    if not audience.drafts:
        reports = reports.filter(status=TermlyReport.Status.SUBMITTED)
    upcoming = next_term(access)
    form = StartReportForm(
        initial={"academic_year": upcoming.academic_year, "term": upcoming.term}
    )
    context = {
        "reports": reports,
        "can_edit": access.can(Capability.REPORTS, write=True),
        "form": form,
        "finance_enabled": services.report_settings(access.school).finance_enabled,
    }

    return render(request, "reports/report_list.html", context)


@require_POST
@school_view(Capability.REPORTS)
def start_report(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    form = StartReportForm(request.POST)
    if not form.is_valid():
        reports = access.school.termly_reports.all()
        context = {
            "reports": reports,
            "can_edit": True,
            "form": form,
            "has_errors": True,
            "finance_enabled": services.report_settings(access.school).finance_enabled,
        }
        return render(request, "reports/report_list.html", context, status=400)

    key = form.cleaned_data["key"]
    report = services.get_or_start_report(
        access.school, key.academic_year, key.term, by=request.user
    )
    messages.success(request, f"The {key.label} report is ready to edit.")

    return _detail(report)


@school_view(Capability.REPORTS)
def report_settings(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    access.require(Capability.REPORTS, write=True)
    settings = services.report_settings(access.school)
    data = (
        request.POST if request.method == "POST" else None
    )  # an unticked box posts {}
    form = FinanceSettingsForm(
        data, initial={"finance_enabled": settings.finance_enabled}
    )
    if request.method == "POST" and form.is_valid():
        enabled = form.cleaned_data["finance_enabled"]
        services.set_finance_enabled(access.school, enabled, by=request.user)
        word = "included in" if enabled else "left out of"
        messages.success(request, f"The SEN budget is now {word} termly reports.")
        return redirect("reports:report-list", urn=access.school.urn)

    return render(request, "reports/report_settings.html", {"form": form})


@school_view(Capability.REPORTS)
def report_detail(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk)
    audience = audience_for(access)
    content = build_content(report, audience, today=london_today())
    can_edit = access.can(Capability.REPORTS, write=True)
    context = {
        "report": report,
        "content": content,
        "can_edit": can_edit and report.is_draft,
        "can_reopen": can_edit and not report.is_draft,
        "can_answer": can_edit,
        "can_ask": (
            access.can(Capability.REPORT_QUESTIONS, write=True) and not report.is_draft
        ),
        "question_form": QuestionForm(),
        "questions": report.questions.all(),
        "versions": report.submitted_versions.select_related("submitted_by"),
        "interventions": report.interventions.all(),
    }

    return render(request, "reports/report_detail.html", context)


@school_view(Capability.REPORTS)
def report_section(
    request: HttpRequest, access: SchoolAccess, pk: int, section: str
) -> HttpResponse:
    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    if section not in SECTIONS:
        raise Http404("No such section.")
    form_class = HeaderForm if section == "header" else NarrativeForm
    form = form_class(
        request.POST or None, instance=report, initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form_class.Meta.fields}
        try:
            services.update_report(
                report,
                values,
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except (StaleEdit, ReportLocked) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{SECTIONS[section]} saved.")
            return _detail(report)

    context = {"report": report, "form": form, "title": SECTIONS[section]}

    return render(request, "reports/report_section.html", context)


@school_view(Capability.REPORTS)
def report_finance(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    form = FinanceForm.for_report(report, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_report(
                report,
                form.pence(),
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except (StaleEdit, ReportLocked) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "SEN budget saved.")
            return _detail(report)

    context = {"report": report, "form": form, "title": "SEN budget"}

    return render(request, "reports/report_section.html", context)


@school_view(Capability.REPORTS)
def report_numbers(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    current = services.numbers_of(report)
    years = years_for(access.school.phase)
    if current is not None:
        years = tuple(sorted(set(years) | set(current.by_year), key=year_order))
    form = NumbersForm(
        request.POST or None, years=years, initial=_numbers_initial(report, current)
    )
    if request.method == "POST" and form.is_valid():
        numbers = SendNumbers(
            roll=form.cleaned_data["pupils_on_roll"],
            sen_support=form.cleaned_data["sen_support"],
            ehc_plans=form.cleaned_data["ehc_plans"],
            by_year=form.table("year"),
            by_need=form.table("need"),
        )
        try:
            services.set_numbers(
                report,
                numbers,
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except (StaleEdit, ReportLocked) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "SEND numbers saved.")
            return _detail(report)

    context = {
        "report": report,
        "form": form,
        "year_grid": form.grid("year"),
        "need_grid": form.grid("need"),
    }

    return render(request, "reports/report_numbers.html", context)


def _posted_version(request: HttpRequest) -> int:
    """The version a confirmation page showed; a missing or odd one never matches."""

    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def _numbers_initial(report: TermlyReport, numbers: SendNumbers | None) -> dict:
    if numbers is None:
        return {"pupils_on_roll": report.pupils_on_roll, "version": report.version}
    initial: dict = {
        "version": report.version,
        "pupils_on_roll": numbers.roll,
        "sen_support": numbers.sen_support,
        "ehc_plans": numbers.ehc_plans,
    }
    for kind, table in (("year", numbers.by_year), ("need", numbers.by_need)):
        for code, counts in table.items():
            for p in "KE":
                initial[f"{kind}_{code}_{p}"] = counts.get(p, 0)

    return initial


@school_view(Capability.REPORTS)
def intervention_edit(
    request: HttpRequest, access: SchoolAccess, pk: int, item: int | None = None
) -> HttpResponse:
    return _edit_line(
        request,
        access,
        pk,
        item,
        line=LineKind(
            Intervention, InterventionForm, services.save_intervention, "provision"
        ),
        saved=lambda line: f"{line.name} saved.",
        title=lambda line: f"Edit {line.name}" if item else "Add an intervention",
    )


@school_view(Capability.REPORTS)
def intervention_delete(
    request: HttpRequest, access: SchoolAccess, pk: int, item: int
) -> HttpResponse:
    return _delete_line(
        request,
        access,
        pk,
        item,
        model=Intervention,
        delete=services.delete_intervention,
        kind="intervention",
        thing=lambda line: line.name,
        name=lambda line: line.name,
    )


@school_view(Capability.REPORTS)
def application_edit(
    request: HttpRequest, access: SchoolAccess, pk: int, item: int | None = None
) -> HttpResponse:
    return _edit_line(
        request,
        access,
        pk,
        item,
        line=LineKind(
            EhcApplication, ApplicationForm, services.save_application, "applications"
        ),
        saved=lambda line: f"Application {line.reference} saved.",
        title=lambda line: (
            f"Edit application {line.reference}" if item else "Add an application"
        ),
    )


@dataclass(frozen=True)
class LineKind:
    """A kind of line on a report (an intervention, an application) and how it saves."""

    model: type
    form: type
    save: Callable
    anchor: str


def _edit_line(request, access, pk, item, *, line: LineKind, saved, title):  # noqa: ANN001, ANN202
    """Add or edit one line of a draft report; a stale or locked save keeps the typing."""

    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    instance = (
        get_object_or_404(line.model, pk=item, report=report) if item else line.model()
    )
    form = line.form(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            line.save(
                report,
                form.instance,
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except (StaleEdit, ReportLocked) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, saved(form.instance))
            detail = reverse(
                "reports:report-detail",
                kwargs={"urn": access.school.urn, "pk": report.pk},
            )
            return redirect(f"{detail}#{line.anchor}")
    context = {"report": report, "form": form, "title": title(instance)}

    return render(request, "reports/report_section.html", context)


@school_view(Capability.REPORTS)
def application_delete(
    request: HttpRequest, access: SchoolAccess, pk: int, item: int
) -> HttpResponse:
    return _delete_line(
        request,
        access,
        pk,
        item,
        model=EhcApplication,
        delete=services.delete_application,
        kind="application",
        thing=lambda line: line.reference,
        name=lambda line: f"Application {line.reference}",
    )


def _delete_line(request, access, pk, item, *, model, delete, kind, thing, name):  # noqa: ANN001, ANN202
    """Confirm, then remove one line of a draft report (refused if someone changed it)."""

    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    line = get_object_or_404(model, pk=item, report=report)
    if request.method == "POST":
        try:
            delete(line, by=request.user, expected_version=_posted_version(request))
        except (StaleEdit, ReportLocked) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{name(line)} removed.")
        return _detail(report)
    context = {
        "report": report,
        "thing": thing(line),
        "kind": kind,
        "version": line.version,
    }

    return render(request, "reports/confirm_delete.html", context)


@school_view(Capability.REPORTS)
def report_import(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    """Upload, read in memory, and show the counts; nothing is saved until confirmed."""

    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    saved = ColumnMapping.objects.filter(school=access.school).first()
    mapping = dict(saved.mapping) if saved else {}
    if mapping_looks_like_data(mapping):
        mapping = {}  # an earlier version could save a pupil's cells as headings
    headings: tuple[str, ...] = ()
    upload = request.FILES.get("file") if request.method == "POST" else None
    if upload is not None and request.POST.get("choose_columns"):
        # The choices offered are the headings of the file uploaded now, read
        # again here: nothing posted back is trusted to be a heading.
        headings = _headings_of(upload.read(), upload.name)
        upload.seek(0)
    form = ImportForm(request.POST or None, request.FILES or None, headings=headings)
    problems: list = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        if headings:
            mapping = form.mapping()
        try:
            result = parse_sen_file(
                data, upload.name, mapping=mapping or None, urn=access.school.urn
            )
        except SenImportError as error:
            problems = error.problems
            logger.warning(
                "TermlyReport %s: import refused (problems: %s)",
                report.pk,
                len(problems),
            )
            headings = _headings_of(data, upload.name)
            form = ImportForm(headings=headings, initial=_mapping_initial(mapping))
        else:
            if headings and form.cleaned_data.get("remember"):
                services.save_column_mapping(access.school, mapping, by=request.user)
            pending = dataclasses.asdict(result)
            pending["report_version"] = report.version
            request.session[_PENDING.format(pk=report.pk)] = pending
            return redirect(
                "reports:report-import-preview", urn=access.school.urn, pk=report.pk
            )

    context = {
        "report": report,
        "form": form,
        "problems": problems,
        "headings": headings,
        "has_errors": bool(problems),
    }

    return render(request, "reports/report_import.html", context)


def _headings_of(data: bytes, filename: str) -> tuple[str, ...]:
    """The file's heading row to choose from; () when it has none (a row of pupil
    data is never offered)."""

    try:
        return tuple(h for h in preview_headings(data, filename).headings if h)
    except SenImportError:
        return ()


def _mapping_initial(mapping: dict[str, str]) -> dict:
    return {f"map_{role}": heading for role, heading in mapping.items()}


@school_view(Capability.REPORTS)
def report_import_preview(
    request: HttpRequest, access: SchoolAccess, pk: int
) -> HttpResponse:
    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    key = _PENDING.format(pk=report.pk)
    pending = request.session.get(key)
    if pending is None:
        messages.info(request, "Choose a file to import first.")
        return redirect("reports:report-import", urn=access.school.urn, pk=report.pk)
    pending = dict(pending)
    version = pending.pop("report_version", 0)
    result = ImportResult(**pending)
    if request.method == "POST":
        try:
            services.apply_sen_import(
                report, result, by=request.user, expected_version=version
            )
        except (StaleEdit, ReportLocked) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The imported numbers are now in the report.")
        request.session.pop(key, None)
        return _detail(report)

    numbers = SendNumbers(
        roll=result.pupils,
        sen_support=result.sen_support,
        ehc_plans=result.ehc_plan,
        by_year=result.by_year,
        by_need=result.by_need,
    )
    view = send_view(
        numbers, threshold=access.school.suppression_threshold, suppress=False
    )
    context = {"report": report, "result": result, "view": view}

    return render(request, "reports/report_import_preview.html", context)


@school_view(Capability.REPORTS)
def report_submit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk, write=True)
    if not report.is_draft:
        return _locked(request, report)
    if request.method == "POST":
        try:
            services.submit_report(
                report,
                by=request.user,
                expected_version=_posted_version(request),
            )
        except (StaleEdit, InvalidTransition) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The report has been submitted to governors.")
        return _detail(report)

    return render(request, "reports/report_submit.html", {"report": report})


@require_POST
@school_view(Capability.REPORTS)
def report_reopen(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk, write=True)
    try:
        services.reopen_report(
            report,
            by=request.user,
            expected_version=_posted_version(request),
        )
    except (StaleEdit, InvalidTransition) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, "The report is a draft again; the submitted copy is kept."
        )

    return _detail(report)


@require_POST
@school_view(Capability.REPORT_QUESTIONS)
def question_ask(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk)
    form = QuestionForm(request.POST)
    if report.is_draft:
        messages.error(request, "Questions can be asked once the report is submitted.")
    elif form.is_valid():
        services.ask_question(
            report, form.cleaned_data["question"], by=request.user, role=access.role
        )
        messages.success(request, "Your question has been sent to the SENCO.")
    else:
        messages.error(request, "Write your question before sending it.")

    return redirect(
        reverse(
            "reports:report-detail", kwargs={"urn": access.school.urn, "pk": report.pk}
        )
        + "#questions"
    )


@require_POST
@school_view(Capability.REPORTS)
def question_answer(
    request: HttpRequest, access: SchoolAccess, pk: int, item: int
) -> HttpResponse:
    report = get_report_for(access, pk)
    question = get_object_or_404(GovernorQuestion, pk=item, report=report)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_question(
                question,
                form.cleaned_data["answer"],
                by=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except StaleEdit as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Your answer has been saved.")
    else:
        messages.error(request, "Write an answer before saving it.")

    return redirect(
        reverse(
            "reports:report-detail", kwargs={"urn": access.school.urn, "pk": report.pk}
        )
        + "#questions"
    )


@school_view(Capability.REPORTS)
def report_pdf(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk)
    pdf = exports.report_pdf(report, audience_for(access), today=london_today())

    return download(pdf, "application/pdf", exports.filename(report, "pdf"))


@school_view(Capability.REPORTS)
def report_docx(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    report = get_report_for(access, pk)
    data = exports.report_docx(report, audience_for(access), today=london_today())

    return download(data, exports.DOCX_TYPE, exports.filename(report, "docx"))
