"""The duties app on the school dashboard: the SENCO qualification and unheld duties."""

from django.urls import reverse

from tandem.duties.duty_map import duty_map
from tandem.duties.models import SencoRecord
from tandem.duties.qualification import Assessment, Progress, Status, headline
from tandem.lib.calendar import format_date
from tandem.schools.dashboard import Attention, DashboardContext, Level, Panel
from tandem.schools.permissions import Capability


def attention(ctx: DashboardContext) -> list[Attention]:
    items = []
    if ctx.can(Capability.QUALIFICATION):
        items += _qualification_attention(ctx)
    if ctx.can(Capability.DUTIES):
        items += _unheld_attention(ctx)
    return items


def panels(ctx: DashboardContext) -> list[Panel]:
    if not ctx.can(Capability.QUALIFICATION):
        return []
    senco = _current_senco(ctx)
    assessment = senco.assess(ctx.today) if senco else None
    context = {
        "assessment": assessment,
        "headline": headline(assessment) if assessment else "",
        "url": _qualification_url(ctx),
    }
    return [
        Panel("SENCO qualification", "duties/_qualification_panel.html", context, 30)
    ]


def _qualification_attention(ctx: DashboardContext) -> list[Attention]:
    url = _qualification_url(ctx)
    senco = _current_senco(ctx)
    if senco is None:
        if not ctx.school.is_relevant_school:
            return []
        text = "The SENCO's qualification record has not been filled in yet."
        return [Attention(Level.DUE, text, url)]

    result = senco.assess(ctx.today)
    if result.status == Status.INELIGIBLE:
        text = "The SENCO does not meet the eligibility rules (regulation 49)."
        return [Attention(Level.OVERDUE, text, url)]
    if result.status == Status.OVERDUE:
        text = f"SENCO qualification overdue: it was needed by {_date(result)}."
        return [Attention(Level.OVERDUE, text, url, result.deadline)]
    if result.status == Status.DUE and _warning_started(result, ctx):
        return [Attention(Level.DUE, _due_text(result), url, result.deadline)]
    return []


def _due_text(result: Assessment) -> str:
    if result.progress == Progress.ON_TRACK:
        return f"SENCO qualification due by {_date(result)}: on track."
    return f"SENCO qualification due by {_date(result)}: action needed."


def _warning_started(result: Assessment, ctx: DashboardContext) -> bool:
    return result.warning_from is not None and ctx.today >= result.warning_from


def _unheld_attention(ctx: DashboardContext) -> list[Attention]:
    unheld = duty_map(ctx.school, on=ctx.today).unheld
    if not unheld:
        return []
    codes = ", ".join(entry.code for entry in unheld)
    count = len(unheld)
    text = (
        f"{count} dut{'y' if count == 1 else 'ies'} on the map held by nobody: {codes}."
    )
    url = reverse("duties:duty-map", kwargs={"urn": ctx.school.urn})
    return [Attention(Level.DUE, text, url)]


def _current_senco(ctx: DashboardContext) -> SencoRecord | None:
    return (
        SencoRecord.objects.filter(school=ctx.school, ended_on__isnull=True)
        .select_related("school")
        .prefetch_related("courses")
        .first()
    )


def _qualification_url(ctx: DashboardContext) -> str:
    return reverse("duties:qualification", kwargs={"urn": ctx.school.urn})


def _date(result: Assessment) -> str:
    return format_date(result.deadline)
