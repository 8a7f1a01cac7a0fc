"""The SENCO qualification on "Your schools", worded as the dashboard words it."""

from django.urls import reverse

from tandem.duties.models import SencoRecord
from tandem.duties.qualification import Progress, headline
from tandem.schools.overview import Cell, Column, OverviewContext
from tandem.schools.permissions import Capability

NO_SENCO = "No SENCO is recorded yet"
PROGRESS = {Progress.ON_TRACK: "on track", Progress.ACTION_NEEDED: "action needed"}


def columns(ctx: OverviewContext) -> list[Column]:
    readers = ctx.readers(Capability.QUALIFICATION)
    if not readers:
        return []
    current = _current_sencos([access.school.pk for access in readers])

    cells = {}
    for access in readers:
        url = reverse("duties:qualification", kwargs={"urn": access.school.urn})
        senco = current.get(access.school.pk)
        cells[access.school.pk] = (
            _cell(senco, ctx, url) if senco else Cell(NO_SENCO, url=url)
        )

    return [Column("SENCO qualification", cells, order=30)]


def _current_sencos(school_pks: list[int]) -> dict[int, SencoRecord]:
    """Each school's current SENCO, the dashboard's choice (the first in the model's
    order), in two queries whatever the number of schools."""

    records = (
        SencoRecord.objects.filter(school__in=school_pks, ended_on__isnull=True)
        .select_related("school")
        .prefetch_related("courses")
    )
    current: dict[int, SencoRecord] = {}
    for record in records:
        current.setdefault(record.school_id, record)

    return current


def _cell(senco: SencoRecord, ctx: OverviewContext, url: str) -> Cell:
    result = senco.assess(ctx.today)
    text = headline(result)
    text = text[0].upper() + text[1:]
    if result.progress:
        text += f" ({PROGRESS[result.progress]})"

    return Cell(text, url=url)
