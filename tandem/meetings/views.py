"""Meetings, agendas, records and actions. Views resolve the school first, then write
through `services`, so every change lands in the history."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tandem.lib.calendar import AcademicYear, at_london, london_now, london_today
from tandem.lib.concurrency import StaleEdit, posted_version
from tandem.lib.http import download, read_file, stored_bytes
from tandem.meetings import exports, services
from tandem.meetings.forms import (
    ActionForm,
    ActionStatusForm,
    AgendaItemForm,
    DecisionOptionForm,
    MeetingForm,
    PaperForm,
    ParkForm,
    RecordForm,
    ShareForm,
    school_people,
)
from tandem.meetings.models import ActionItem, InvalidTransition, Meeting, ParkedItem
from tandem.meetings.permissions import (
    can_change_action,
    get_action_for,
    get_item_for,
    get_meeting_for,
    get_option_for,
    get_paper_for,
    get_parked_for,
)
from tandem.meetings.rules import sharing, urgency
from tandem.meetings.timebox import plan
from tandem.schools.permissions import Capability, SchoolAccess, school_view

logger = logging.getLogger(__name__)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --- Meetings -------------------------------------------------------------------------


@school_view(Capability.MEETINGS)
def meeting_list(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    now = london_now()
    meetings = Meeting.objects.filter(school=access.school).prefetch_related("shares")
    context = {
        "upcoming": [m for m in meetings if m.starts_at >= now],
        "past": [m for m in meetings if m.starts_at < now][::-1],
        "can_edit": access.can(Capability.MEETINGS, write=True),
    }

    return render(request, "meetings/meeting_list.html", context)


@school_view(Capability.MEETINGS)
def meeting_create(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    access.require(Capability.MEETINGS, write=True)
    form = MeetingForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = services.schedule_meeting(
            access.school,
            by=request.user,
            starts_at=at_london(data["date"], data["start"]),
            duration_minutes=data["duration_minutes"],
            title=data["title"],
            location=data["location"],
            share_days_before=data["share_days_before"],
        )
        services.build_agenda(meeting, by=request.user)
        messages.success(request, "The meeting has been planned. Now build its agenda.")
        return redirect("meetings:meeting-detail", urn=access.school.urn, pk=meeting.pk)

    return render(request, "meetings/meeting_form.html", {"form": form})


@school_view(Capability.MEETINGS)
def meeting_edit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    access.require(Capability.MEETINGS, write=True)
    start = meeting.local_start
    initial = {
        "title": meeting.title,
        "date": start.date(),
        "start": start.time(),
        "duration_minutes": meeting.duration_minutes,
        "location": meeting.location,
        "share_days_before": meeting.share_days_before,
        "version": meeting.version,
    }
    form = MeetingForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_meeting(
                meeting,
                by=request.user,
                expected_version=posted_version(data["version"]),
                starts_at=at_london(data["date"], data["start"]),
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                title=data["title"],
                share_days_before=data["share_days_before"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The meeting's details have been saved.")
            return redirect("meetings:meeting-detail", urn=access.school.urn, pk=pk)

    return render(
        request, "meetings/meeting_form.html", {"form": form, "meeting": meeting}
    )


@school_view(Capability.MEETINGS)
def meeting_detail(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    return _agenda_page(request, access, get_meeting_for(access, pk))


def _agenda_page(
    request: HttpRequest,
    access: SchoolAccess,
    meeting: Meeting,
    *,
    status: int = 200,
    **forms: object,
) -> HttpResponse:
    items = list(
        meeting.items.select_related("owner").prefetch_related("options", "papers")
    )
    start = meeting.local_start
    timetable = plan(start.time(), meeting.duration_minutes, [i.minutes for i in items])
    today = london_today()
    carried = list(
        ActionItem.objects.filter(links__meeting=meeting).select_related("owner")
    )
    can_edit = access.can(Capability.MEETINGS, write=True)
    rows = []
    for item, slot in zip(items, timetable.slots, strict=True):
        option_form = (
            forms.get("option_form") if forms.get("option_item") == item else None
        )
        paper_form = (
            forms.get("paper_form") if forms.get("paper_item") == item else None
        )
        rows.append(
            (
                item,
                slot,
                option_form or DecisionOptionForm(prefix=f"option-{item.pk}"),
                paper_form or PaperForm(prefix=f"paper-{item.pk}"),
            )
        )
    context = {
        "meeting": meeting,
        "rows": rows,
        "timetable": timetable,
        "carried": [
            (a, urgency(a.due_on, is_open=a.is_open, today=today)) for a in carried
        ],
        "share_by": services.share_by_date(meeting),
        "sharing": sharing(
            start.date(),
            shared=meeting.shares.exists(),
            today=today,
            days_before=meeting.share_days_before,
        ),
        "last_share": meeting.shares.first(),
        "parked_here": meeting.parked.select_related("carried_to__meeting"),
        "parked_offered": _parked_offered(meeting) if can_edit else [],
        "can_edit": can_edit,
        "item_form": forms.get("item_form")
        or AgendaItemForm(school=access.school, initial={"minutes": 10}, prefix="item"),
        "park_form": forms.get("park_form") or ParkForm(prefix="park"),
        "has_errors": status != 200,
    }

    return render(request, "meetings/meeting_detail.html", context, status=status)


def _parked_offered(meeting: Meeting) -> list[ParkedItem]:
    return list(
        ParkedItem.objects.filter(
            school=meeting.school,
            status=ParkedItem.Status.PARKED,
            raised_in__starts_at__lt=meeting.starts_at,
        ).select_related("raised_in")
    )


@require_POST
@school_view(Capability.MEETINGS)
def agenda_build(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    carried = services.build_agenda(meeting, by=request.user)
    if carried:
        messages.success(request, f"{carried} open action(s) brought onto the agenda.")
    else:
        messages.info(request, "The agenda already has every open action on it.")

    return _back(access, meeting)


def _back(access: SchoolAccess, meeting: Meeting, anchor: str = "") -> HttpResponse:
    response = redirect("meetings:meeting-detail", urn=access.school.urn, pk=meeting.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


# --- Agenda items ---------------------------------------------------------------------


@require_POST
@school_view(Capability.MEETINGS)
def item_add(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    form = AgendaItemForm(request.POST, school=access.school, prefix="item")
    if not form.is_valid():
        return _agenda_page(request, access, meeting, status=400, item_form=form)
    data = form.cleaned_data
    item = services.add_item(
        meeting,
        by=request.user,
        title=data["title"],
        kind=data["kind"],
        minutes=data["minutes"],
        owner=data["owner"],
    )
    messages.success(request, f"“{item.title}” has been added to the agenda.")

    return _back(access, meeting, f"item-{item.pk}")


@school_view(Capability.MEETINGS)
def item_edit(
    request: HttpRequest, access: SchoolAccess, pk: int, item_pk: int
) -> HttpResponse:
    item = get_item_for(access, pk, item_pk)
    access.require(Capability.MEETINGS, write=True)
    form = AgendaItemForm(
        _posted(request),
        instance=item,
        school=access.school,
        initial={"version": item.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_item(
                item,
                by=request.user,
                expected_version=posted_version(data["version"]),
                title=data["title"],
                kind=data["kind"],
                minutes=data["minutes"],
                owner=data["owner"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The agenda item has been saved.")
            return _back(access, item.meeting, f"item-{item.pk}")

    return render(request, "meetings/item_form.html", {"form": form, "item": item})


@school_view(Capability.MEETINGS)
def item_delete(
    request: HttpRequest, access: SchoolAccess, pk: int, item_pk: int
) -> HttpResponse:
    item = get_item_for(access, pk, item_pk)
    access.require(Capability.MEETINGS, write=True)
    if request.method == "POST":
        try:
            services.remove_item(item, by=request.user)
        except InvalidTransition as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"“{item.title}” has been removed from the agenda."
            )
        return _back(access, item.meeting)

    return render(request, "meetings/item_confirm_delete.html", {"item": item})


@require_POST
@school_view(Capability.MEETINGS)
def item_move(
    request: HttpRequest, access: SchoolAccess, pk: int, item_pk: int
) -> HttpResponse:
    item = get_item_for(access, pk, item_pk)
    services.move_item(item, by=request.user, up=request.POST.get("direction") == "up")

    return _back(access, item.meeting, f"item-{item.pk}")


@require_POST
@school_view(Capability.MEETINGS)
def item_park(
    request: HttpRequest, access: SchoolAccess, pk: int, item_pk: int
) -> HttpResponse:
    item = get_item_for(access, pk, item_pk)
    try:
        services.park_item(item, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"“{item.title}” has been parked for a later meeting."
        )

    return _back(access, item.meeting, "parking-lot")


# --- Options and papers ---------------------------------------------------------------


@require_POST
@school_view(Capability.MEETINGS)
def option_add(
    request: HttpRequest, access: SchoolAccess, pk: int, item_pk: int
) -> HttpResponse:
    item = get_item_for(access, pk, item_pk)
    form = DecisionOptionForm(request.POST, prefix=f"option-{item.pk}")
    if not form.is_valid():
        return _agenda_page(
            request,
            access,
            item.meeting,
            status=400,
            option_form=form,
            option_item=item,
        )
    try:
        services.add_option(item, by=request.user, **form.cleaned_data)
    except InvalidTransition as error:
        messages.error(request, str(error))

    return _back(access, item.meeting, f"item-{item.pk}")


@require_POST
@school_view(Capability.MEETINGS)
def option_delete(
    request: HttpRequest, access: SchoolAccess, pk: int, option_pk: int
) -> HttpResponse:
    option = get_option_for(access, pk, option_pk)
    services.remove_option(option, by=request.user)
    messages.success(request, f"The option “{option.title}” has been removed.")

    return _back(access, option.item.meeting, f"item-{option.item_id}")


@require_POST
@school_view(Capability.MEETINGS)
def paper_add(
    request: HttpRequest, access: SchoolAccess, pk: int, item_pk: int
) -> HttpResponse:
    item = get_item_for(access, pk, item_pk)
    form = PaperForm(request.POST, request.FILES, prefix=f"paper-{item.pk}")
    if not form.is_valid():
        return _agenda_page(
            request, access, item.meeting, status=400, paper_form=form, paper_item=item
        )
    paper = services.attach_paper(
        item, by=request.user, upload=form.cleaned_data["file"]
    )
    messages.success(request, f"“{paper.name}” has been attached.")

    return _back(access, item.meeting, f"item-{item.pk}")


@school_view(Capability.MEETINGS)
def paper_download(
    request: HttpRequest, access: SchoolAccess, pk: int, paper_pk: int
) -> HttpResponse:
    paper = get_paper_for(access, pk, paper_pk)
    data = stored_bytes(read_file(paper.file), what=f"meeting paper {paper.pk}")

    return download(data, paper.content_type, paper.name)


@require_POST
@school_view(Capability.MEETINGS)
def paper_delete(
    request: HttpRequest, access: SchoolAccess, pk: int, paper_pk: int
) -> HttpResponse:
    paper = get_paper_for(access, pk, paper_pk)
    services.remove_paper(paper, by=request.user)
    messages.success(request, f"“{paper.name}” has been removed.")

    return _back(access, paper.item.meeting, f"item-{paper.item_id}")


# --- Parking lot ----------------------------------------------------------------------


@require_POST
@school_view(Capability.MEETINGS)
def parked_add(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    form = ParkForm(request.POST, prefix="park")
    if not form.is_valid():
        return _agenda_page(request, access, meeting, status=400, park_form=form)
    services.park_point(meeting, by=request.user, text=form.cleaned_data["text"])
    messages.success(request, "The point has been parked for a later meeting.")

    return _back(access, meeting, "parking-lot")


@require_POST
@school_view(Capability.MEETINGS)
def parked_carry(
    request: HttpRequest, access: SchoolAccess, pk: int, parked_pk: int
) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    parked = get_parked_for(access, parked_pk)
    try:
        item = services.carry_parked(parked, meeting, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
        return _back(access, meeting, "parking-lot")
    messages.success(request, f"“{item.title}” is now on this agenda.")

    return _back(access, meeting, f"item-{item.pk}")


@require_POST
@school_view(Capability.MEETINGS)
def parked_close(
    request: HttpRequest, access: SchoolAccess, pk: int, parked_pk: int
) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    parked = get_parked_for(access, parked_pk)
    try:
        services.close_parked(parked, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"“{parked.text}” has been closed.")

    return _back(access, meeting, "parking-lot")


# --- Sharing and the record -----------------------------------------------------------


@school_view(Capability.MEETINGS)
def agenda_share(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    access.require(Capability.MEETINGS, write=True)
    people = school_people(access.school).exclude(email="")
    default = [u.pk for u in people if _is_core(u, access.school)]
    form = ShareForm(
        _posted(request), school=access.school, initial={"recipients": default}
    )
    if request.method == "POST" and form.is_valid():
        recipients = list(form.cleaned_data["recipients"])
        services.share_agenda(meeting, by=request.user, recipients=recipients)
        messages.success(
            request,
            f"The agenda has been sent to {len(recipients)} "
            f"{'person' if len(recipients) == 1 else 'people'}.",
        )
        return _back(access, meeting)

    context = {
        "form": form,
        "meeting": meeting,
        "shares": meeting.shares.all(),
        "share_by": services.share_by_date(meeting),
    }
    return render(request, "meetings/agenda_share.html", context)


def _posted(request: HttpRequest) -> dict | None:
    """The POST data for a bound form (even when empty), or None on GET."""

    return request.POST if request.method == "POST" else None


def _is_core(user, school) -> bool:  # noqa: ANN001
    roles = {m.role for m in user.memberships.all() if m.school_id == school.pk}
    return bool(roles & {"senco", "sen_governor"})


@school_view(Capability.MEETINGS)
def record_edit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    items = list(meeting.items.prefetch_related("options", "actions__owner"))
    sheet = getattr(meeting, "record", None)
    carried = list(
        ActionItem.objects.filter(links__meeting=meeting).select_related("owner")
    )
    raised = list(meeting.raised.select_related("owner", "item"))
    form = RecordForm(
        _posted(request), items=items, initial=_record_initial(sheet, items)
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save_record(request, meeting, form)
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The meeting record has been saved.")
            return redirect("meetings:record-edit", urn=access.school.urn, pk=pk)

    context = {
        "meeting": meeting,
        "form": form,
        "rows": [(item, form.item_fields(item)) for item in items],
        "carried": carried,
        "raised": raised,
        "changeable": {
            a.pk for a in [*carried, *raised] if can_change_action(access, a)
        },
        "action_form": ActionForm(
            school=access.school, meeting=meeting, prefix="action"
        ),
        "can_edit": access.can(Capability.MEETINGS, write=True),
        "sheet": sheet,
    }
    return render(
        request,
        "meetings/record_form.html",
        context,
        status=400 if form.errors else 200,
    )


def _record_initial(sheet, items: list) -> dict:  # noqa: ANN001
    initial = {"version": sheet.version if sheet else 1}
    if sheet is not None:
        initial |= {
            "attendees": sheet.attendees,
            "apologies": sheet.apologies,
            "any_other_business": sheet.any_other_business,
            "next_meeting_on": sheet.next_meeting_on,
        }
    for item in items:
        initial[f"key_points_{item.pk}"] = item.key_points
        initial[f"decision_{item.pk}"] = item.decision
        initial[f"rationale_{item.pk}"] = item.rationale
        chosen = [o.pk for o in item.options.all() if o.chosen]
        initial[f"option_{item.pk}"] = chosen[0] if chosen else None
    return initial


def _save_record(request: HttpRequest, meeting: Meeting, form: RecordForm) -> None:
    data = form.cleaned_data
    notes = {}
    for item in form.items:
        option = data.get(f"option_{item.pk}")
        notes[item.pk] = services.ItemNotes(
            key_points=data[f"key_points_{item.pk}"],
            decision=data.get(f"decision_{item.pk}", ""),
            rationale=data.get(f"rationale_{item.pk}", ""),
            chosen_option=option.pk if option else None,
        )
    services.save_record(
        meeting,
        by=request.user,
        expected_version=data["version"],
        attendees=data["attendees"],
        apologies=data["apologies"],
        any_other_business=data["any_other_business"],
        next_meeting_on=data["next_meeting_on"],
        notes=notes,
    )


@school_view(Capability.MEETINGS)
def record_pdf(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    return download(
        exports.record_pdf(meeting),
        "application/pdf",
        exports.record_filename(meeting, "pdf"),
    )


@school_view(Capability.MEETINGS)
def record_docx(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    return download(
        exports.record_docx(meeting), DOCX, exports.record_filename(meeting, "docx")
    )


# --- Actions --------------------------------------------------------------------------


@require_POST
@school_view(Capability.ACTIONS)
def action_add(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    meeting = get_meeting_for(access, pk)
    form = ActionForm(
        request.POST, school=access.school, meeting=meeting, prefix="action"
    )
    if not form.is_valid():
        messages.error(
            request,
            "The action was not added: "
            + " ".join(
                f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errs)}"
                for name, errs in form.errors.items()
            ),
        )
        return redirect("meetings:record-edit", urn=access.school.urn, pk=pk)
    data = form.cleaned_data
    services.raise_action(
        meeting,
        by=request.user,
        description=data["description"],
        owner=data["owner"],
        due_on=data["due_on"],
        item=data["item"],
    )
    messages.success(request, "The action has been added.")

    return redirect("meetings:record-edit", urn=access.school.urn, pk=pk)


@school_view(Capability.ACTIONS)
def action_list(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    show = request.GET.get("show", "open")
    actions = ActionItem.objects.filter(school=access.school).select_related(
        "owner", "raised_in"
    )
    if show in ActionItem.Status.values:
        actions = actions.filter(status=show)
    today = london_today()
    context = {
        "rows": [
            (
                a,
                urgency(a.due_on, is_open=a.is_open, today=today),
                can_change_action(access, a),
            )
            for a in actions
        ],
        "show": show,
        "filters": [
            ("open", "Open"),
            ("done", "Done"),
            ("withdrawn", "Withdrawn"),
            ("all", "All"),
        ],
        "year": AcademicYear.of(today),
    }

    return render(request, "meetings/action_list.html", context)


@school_view(Capability.ACTIONS)
def action_edit(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    action = get_action_for(access, pk, write=request.method == "POST")
    form = ActionForm(
        _posted(request),
        instance=action,
        school=access.school,
        initial={"version": action.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_action(
                action,
                by=request.user,
                expected_version=posted_version(data["version"]),
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "The action has been saved.")
            return redirect("meetings:action-list", urn=access.school.urn)

    context = {
        "form": form,
        "action": action,
        "can_edit": can_change_action(access, action),
    }
    return render(request, "meetings/action_form.html", context)


@require_POST
@school_view(Capability.ACTIONS)
def action_status(request: HttpRequest, access: SchoolAccess, pk: int) -> HttpResponse:
    action = get_action_for(access, pk, write=True)
    form = ActionStatusForm(request.POST)
    meeting = None
    if request.POST.get("meeting"):
        meeting = Meeting.objects.filter(
            school=access.school, pk=request.POST["meeting"]
        ).first()
    announcement, level = _change_action_status(request, action, form, meeting)
    if request.htmx:
        return _action_row(request, access, action, meeting, announcement)
    if announcement:
        messages.add_message(request, level, announcement)
    if meeting is not None:
        return redirect("meetings:record-edit", urn=access.school.urn, pk=meeting.pk)

    return redirect("meetings:action-list", urn=access.school.urn)


def _change_action_status(
    request: HttpRequest, action: ActionItem, form: ActionStatusForm, meeting
) -> tuple[str, int]:
    if not form.is_valid():
        return "", messages.ERROR
    try:
        services.set_action_status(
            action,
            form.cleaned_data["status"],
            by=request.user,
            today=london_today(),
            meeting=meeting,
        )
    except InvalidTransition as error:
        return str(error), messages.ERROR
    action.refresh_from_db()

    return (
        f"{action.reference} is now {action.get_status_display().lower()}.",
        messages.SUCCESS,
    )


def _action_row(request, access, action, meeting, announcement) -> HttpResponse:  # noqa: ANN001
    """Just the changed row, for htmx to swap in place without reloading the page."""

    context = {
        "action": action,
        "meeting": meeting,
        "school": access.school,
        "can_edit": True,
        "changeable": {action.pk} if can_change_action(access, action) else set(),
        "announcement": announcement,
    }
    return render(request, "meetings/_action_row.html", context)


@school_view(Capability.ACTIONS)
def action_log_pdf(request: HttpRequest, access: SchoolAccess) -> HttpResponse:
    today = london_today()
    try:
        year = AcademicYear.parse(request.GET.get("year", ""))
    except ValueError:
        year = AcademicYear.of(today)
    pdf = exports.action_log_pdf(access.school, year, today=today)

    return download(pdf, "application/pdf", f"action-log-{year.slug}.pdf")
