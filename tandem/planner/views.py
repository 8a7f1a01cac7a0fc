"""The year planner's pages, downloads and the calendar feed."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tandem.lib.calendar import AcademicYear, london_today
from tandem.lib.concurrency import StaleEdit, posted_version
from tandem.lib.http import download
from tandem.planner import exports, services
from tandem.planner.forms import (
    ActivityForm,
    ArrangeMeetingForm,
    FgbMeetingEditForm,
    FgbMeetingForm,
    HolidayForm,
    PlanSettingsForm,
    TermDatesForm,
)
from tandem.planner.models import (
    AcademicYearPlan,
    CalendarFeedToken,
    FgbMeeting,
    Holiday,
    JointActivity,
    Term,
)
from tandem.schools.permissions import (
    Capability,
    SchoolAccess,
    resolve_access,
    school_view,
)

logger = logging.getLogger(__name__)
PLANNER = Capability.MEETINGS
SESSION_KEY_NEW_FEED = "planner_new_feed_secret"  # noqa: S105 (a session key name)


def _year(slug: str) -> AcademicYear:
    try:
        return AcademicYear.parse(slug)
    except ValueError as error:
        raise Http404("No such academic year.") from error


def _plan(access: SchoolAccess, year: str) -> AcademicYearPlan:
    return get_object_or_404(
        AcademicYearPlan, school=access.school, start_year=_year(year).start_year
    )


def _to_year(plan: AcademicYearPlan) -> HttpResponse:
    return redirect("planner:year", urn=plan.school.urn, year=plan.year.slug)


def _apply_errors(form: Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, field by field where it can."""

    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# The planner page


@school_view(PLANNER)
def planner(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    """This academic year's planner."""

    return _year_page(request, access, AcademicYear.of(london_today()))


@school_view(PLANNER)
def year(request: HttpRequest, access: SchoolAccess, year: str) -> HttpResponse:
    return _year_page(request, access, _year(year))


def _year_page(
    request: HttpRequest, access: SchoolAccess, year: AcademicYear
) -> HttpResponse:
    plan = AcademicYearPlan.objects.filter(
        school=access.school, start_year=year.start_year
    ).first()
    context = {
        "year": year,
        "plan": plan,
        "can_edit": access.can(PLANNER, write=True),
        "other_years": _neighbour_years(access, year),
        "today": london_today(),
    }
    if plan is not None:
        context.update(_plan_context(plan))

    return render(request, "planner/year.html", context)


def _neighbour_years(access: SchoolAccess, year: AcademicYear) -> list[AcademicYear]:
    stored = set(
        AcademicYearPlan.objects.filter(school=access.school).values_list(
            "start_year", flat=True
        )
    )
    stored |= {year.previous().start_year, year.next().start_year}

    return [AcademicYear(start) for start in sorted(stored) if start != year.start_year]


def _plan_context(plan: AcademicYearPlan) -> dict:
    calendar = plan.school_calendar()
    fgbs = exports.fgb_meetings(plan)
    rows = [
        {"fgb": fgb, "proposal": services.proposal_for(fgb, calendar=calendar)}
        for fgb in fgbs
    ]
    terms = {term.term: term for term in plan.terms.all()}

    return {
        "grid": exports.plan_grid(plan, calendar=calendar),
        "fgb_rows": rows,
        "terms": [(choice, terms.get(choice.value)) for choice in Term],
        "holidays": plan.holidays.all(),
        "activities": plan.activities.all(),
        "is_provisional": calendar.is_provisional,
    }


@school_view(PLANNER, write=True)
@require_POST
def create_plan(request: HttpRequest, access: SchoolAccess, year: str) -> HttpResponse:
    plan = services.create_plan(access.school, _year(year), by=request.user)
    messages.success(request, f"The {plan.year.label} planner is ready.")

    return _to_year(plan)


@school_view(PLANNER, write=True)
def plan_settings(
    request: HttpRequest, access: SchoolAccess, year: str
) -> HttpResponse:
    plan = _plan(access, year)
    initial = {
        "lead_days": plan.lead_days,
        "meeting_time": plan.meeting_time,
        "meeting_minutes": plan.meeting_minutes,
        "version": plan.version,
    }
    form = PlanSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_plan_settings(
                plan, by=request.user, expected_version=data.pop("version"), **data
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The planner settings have been saved.")
            return _to_year(plan)

    return render(request, "planner/plan_settings.html", {"form": form, "plan": plan})


@school_view(PLANNER, write=True)
def term_dates(request: HttpRequest, access: SchoolAccess, year: str) -> HttpResponse:
    plan = _plan(access, year)
    stored = {term.term: term for term in plan.terms.all()}
    forms = [
        TermDatesForm(
            request.POST or None,
            term=term,
            initial=_term_initial(stored.get(term.value)),
        )
        for term in Term
    ]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        if _save_terms(request, plan, forms):
            messages.success(request, "The term dates have been saved.")
            return _to_year(plan)

    context = {"forms": forms, "plan": plan, "has_errors": any(f.errors for f in forms)}
    return render(request, "planner/term_dates.html", context)


def _term_initial(term: object) -> dict:
    if term is None:
        return {}
    return {"first_day": term.first_day, "last_day": term.last_day}


def _save_terms(
    request: HttpRequest, plan: AcademicYearPlan, forms: list[TermDatesForm]
) -> bool:
    """Save the three terms together: one refused term leaves all of them as they were."""

    try:
        with transaction.atomic():
            for form in forms:
                _save_term(request, plan, form)
    except ValidationError:
        return False

    return True


def _save_term(
    request: HttpRequest, plan: AcademicYearPlan, form: TermDatesForm
) -> None:
    try:
        services.set_term_dates(
            plan, term=form.term.value, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        _apply_errors(form, error)
        raise


# Holidays and INSET days


@school_view(PLANNER, write=True)
def holiday_create(
    request: HttpRequest, access: SchoolAccess, year: str
) -> HttpResponse:
    plan = _plan(access, year)
    form = HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            holiday = services.add_holiday(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"{holiday.label} has been added.")
            return _to_year(plan)

    return render(request, "planner/holiday_form.html", {"form": form, "plan": plan})


@school_view(PLANNER, write=True)
def holiday_delete(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    plan = _plan(access, year)
    holiday = get_object_or_404(Holiday, pk=pk, plan=plan)
    if request.method == "POST":
        services.remove_holiday(holiday, by=request.user)
        messages.success(request, f"{holiday.label} has been removed.")
        return _to_year(plan)

    context = {"plan": plan, "thing": holiday.label, "what": "holiday"}
    return render(request, "planner/confirm_delete.html", context)


# FGB meetings and the meetings before them


@school_view(PLANNER, write=True)
def fgb_create(request: HttpRequest, access: SchoolAccess, year: str) -> HttpResponse:
    plan = _plan(access, year)
    form = FgbMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fgb = services.add_fgb_meeting(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"The FGB meeting on {fgb.date:%d/%m/%Y} is in.")
            return _to_year(plan)

    return render(request, "planner/fgb_form.html", {"form": form, "plan": plan})


def _fgb(access: SchoolAccess, year: str, pk: int) -> FgbMeeting:
    plan = _plan(access, year)
    return get_object_or_404(
        FgbMeeting.objects.select_related("plan", "prep_meeting"), pk=pk, plan=plan
    )


@school_view(PLANNER, write=True)
def fgb_edit(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    fgb = _fgb(access, year, pk)
    initial = {"date": fgb.date, "time": fgb.time, "version": fgb.version}
    form = FgbMeetingEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        expected = posted_version(data.pop("version"))
        try:
            services.change_fgb_meeting(
                fgb, by=request.user, expected_version=expected, **data
            )
        except (ValidationError, StaleEdit) as error:
            _apply_errors(form, _as_validation_error(error))
        else:
            messages.success(request, f"The FGB meeting is now on {fgb.date:%d/%m/%Y}.")
            return _to_year(fgb.plan)

    context = {"form": form, "plan": fgb.plan, "fgb": fgb}
    return render(request, "planner/fgb_form.html", context)


@school_view(PLANNER, write=True)
def fgb_delete(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    fgb = _fgb(access, year, pk)
    if request.method == "POST":
        services.remove_fgb_meeting(fgb, by=request.user)
        messages.success(request, f"The FGB meeting on {fgb.date:%d/%m/%Y} is removed.")
        return _to_year(fgb.plan)

    context = {
        "plan": fgb.plan,
        "thing": f"the FGB meeting on {fgb.date:%d/%m/%Y}",
        "what": "fgb",
        "keeps_meeting": fgb.prep_meeting,
    }
    return render(request, "planner/confirm_delete.html", context)


@school_view(PLANNER, write=True)
@require_POST
def accept_proposal(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    fgb = _fgb(access, year, pk)
    try:
        fgb = services.accept_proposal(fgb, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        start = fgb.prep_meeting.local_start
        messages.success(
            request, f"Meeting arranged for {start:%d/%m/%Y} at {start:%H:%M}."
        )

    return _to_year(fgb.plan)


@school_view(PLANNER, write=True)
def arrange_meeting(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    """Choose another day for the proposed meeting, or move an arranged one."""

    fgb = _fgb(access, year, pk)
    form = ArrangeMeetingForm(request.POST or None, initial=_arrange_initial(fgb))
    if request.method == "POST" and form.is_valid():
        try:
            _arrange(request, fgb, form.cleaned_data)
        except (ValidationError, StaleEdit) as error:
            _apply_errors(form, _as_validation_error(error))
        else:
            date, time = form.cleaned_data["date"], form.cleaned_data["time"]
            messages.success(
                request, f"Meeting arranged for {date:%d/%m/%Y} at {time:%H:%M}."
            )
            return _to_year(fgb.plan)

    context = {"form": form, "plan": fgb.plan, "fgb": fgb}
    return render(request, "planner/arrange_meeting.html", context)


def _arrange_initial(fgb: FgbMeeting) -> dict:
    if fgb.prep_meeting is not None:
        start = fgb.prep_meeting.local_start
        return {
            "date": start.date(),
            "time": start.time(),
            "version": fgb.prep_meeting.version,
        }

    return {"date": services.proposal_for(fgb).date, "time": fgb.plan.meeting_time}


def _arrange(request: HttpRequest, fgb: FgbMeeting, data: dict) -> None:
    if fgb.prep_meeting is None:
        services.accept_proposal(
            fgb, by=request.user, date=data["date"], time=data["time"]
        )
        return
    services.move_prep_meeting(
        fgb,
        date=data["date"],
        time=data["time"],
        expected_version=posted_version(data.get("version")),
        by=request.user,
    )


def _as_validation_error(error: Exception) -> ValidationError:
    return error if isinstance(error, ValidationError) else ValidationError(str(error))


# Joint activities


@school_view(PLANNER, write=True)
def activity_create(
    request: HttpRequest, access: SchoolAccess, year: str
) -> HttpResponse:
    plan = _plan(access, year)
    form = ActivityForm(request.POST or None, initial={"date": request.GET.get("date")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            activity = services.add_activity(plan, by=request.user, **data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, f"{activity.get_kind_display()} added.")
            return _to_year(plan)

    return render(request, "planner/activity_form.html", {"form": form, "plan": plan})


def _activity(access: SchoolAccess, year: str, pk: int) -> JointActivity:
    plan = _plan(access, year)
    return get_object_or_404(
        JointActivity.objects.select_related("plan"), pk=pk, plan=plan
    )


@school_view(PLANNER, write=True)
def activity_edit(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    activity = _activity(access, year, pk)
    initial = {
        "kind": activity.kind,
        "title": activity.title,
        "date": activity.date,
        "version": activity.version,
    }
    form = ActivityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        expected = posted_version(data.pop("version"))
        try:
            services.update_activity(
                activity, by=request.user, expected_version=expected, **data
            )
        except (ValidationError, StaleEdit) as error:
            _apply_errors(form, _as_validation_error(error))
        else:
            messages.success(request, "The activity has been saved.")
            return _to_year(activity.plan)

    context = {"form": form, "plan": activity.plan, "activity": activity}
    return render(request, "planner/activity_form.html", context)


@school_view(PLANNER, write=True)
@require_POST
def activity_done(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    activity = _activity(access, year, pk)
    if not activity.is_done:
        services.mark_activity_done(
            activity,
            on=london_today(),
            expected_version=activity.version,
            by=request.user,
        )
        messages.success(request, f"{activity.get_kind_display()} marked as done.")

    return _to_year(activity.plan)


@school_view(PLANNER, write=True)
def activity_delete(
    request: HttpRequest, access: SchoolAccess, year: str, pk: int
) -> HttpResponse:
    activity = _activity(access, year, pk)
    if request.method == "POST":
        services.remove_activity(activity, by=request.user)
        messages.success(request, f"{activity.get_kind_display()} removed.")
        return _to_year(activity.plan)

    context = {"plan": activity.plan, "thing": str(activity), "what": "activity"}
    return render(request, "planner/confirm_delete.html", context)


# Downloads


@school_view(PLANNER)
def grid_pdf(request: HttpRequest, access: SchoolAccess, year: str) -> HttpResponse:
    plan = _plan(access, year)
    pdf = exports.grid_pdf(plan, today=london_today())
    filename = f"planner-{access.school.urn}-{plan.year.slug}.pdf"

    return download(pdf, "application/pdf", filename)


@school_view(PLANNER)
def year_ics(request: HttpRequest, access: SchoolAccess, year: str) -> HttpResponse:
    plan = _plan(access, year)
    data = exports.plan_ics(plan)

    return download(data, "text/calendar; charset=utf-8", exports.ics_filename(plan))


# The calendar feed


# Anyone who may read the planner manages their *own* feed, governors too: a feed secret
# is the reader's own setting, not the school's planner data, so its posts need only read.
own_feed_view = school_view(PLANNER, posts_read=True)


def _live_token(access: SchoolAccess) -> CalendarFeedToken | None:
    return CalendarFeedToken.objects.filter(
        user=access.user, school=access.school, revoked_at__isnull=True
    ).first()


@own_feed_view
def feed_settings(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    secret = request.session.pop(SESSION_KEY_NEW_FEED, None)
    feed_url = ""
    if secret:
        path = reverse(
            "planner:feed", kwargs={"urn": access.school.urn, "secret": secret}
        )
        feed_url = request.build_absolute_uri(path)
    context = {"token": _live_token(access), "feed_url": feed_url}

    return render(request, "planner/feed_settings.html", context)


@own_feed_view
@require_POST
def feed_issue(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    try:
        _token, secret = services.issue_feed_token(
            access.user, access.school, by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        request.session[SESSION_KEY_NEW_FEED] = secret

    return redirect("planner:feed-settings", urn=access.school.urn)


@own_feed_view
@require_POST
def feed_revoke(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    token = _live_token(access)
    if token is not None:
        services.revoke_feed_token(token, by=request.user)
        messages.success(request, "Your calendar feed is switched off.")

    return redirect("planner:feed-settings", urn=access.school.urn)


def feed(request: HttpRequest, urn: str, secret: str) -> HttpResponse:
    """The subscription feed: no sign-in, but only a live secret of a current member."""

    token = services.live_token_for(secret)
    if token is None or token.school.urn != urn or not token.user.is_active:
        raise Http404("No such calendar.")
    access = resolve_access(token.user, urn)
    if not access.can(PLANNER):
        raise Http404("No such calendar.")

    services.note_feed_used(token)
    data = exports.feed_ics(access.school, today=london_today())
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="tandem-{urn}.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    logger.info("Feed token %s: read", token.pk)

    return response
