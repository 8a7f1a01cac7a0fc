"""Actions on "Your schools": how many are overdue at each school."""

from django.db.models import Count
from django.urls import reverse

from tandem.meetings.models import ActionItem
from tandem.schools.overview import Cell, Column, OverviewContext
from tandem.schools.permissions import Capability


def columns(ctx: OverviewContext) -> list[Column]:
    readers = ctx.readers(Capability.ACTIONS)
    if not readers:
        return []
    # Overdue from the day after the due date, as meetings.rules.urgency has it.
    overdue = dict(
        ActionItem.objects.filter(
            school__in=[access.school.pk for access in readers],
            status=ActionItem.Status.OPEN,
            due_on__lt=ctx.today,
        )
        .order_by()
        .values_list("school")
        .annotate(Count("pk"))
    )

    cells = {}
    for access in readers:
        count = overdue.get(access.school.pk, 0)
        url = reverse("meetings:action-list", kwargs={"urn": access.school.urn})
        cells[access.school.pk] = Cell(f"{count:,}" if count else "None", url=url)

    return [Column("Overdue actions", cells, order=50, numeric=True)]
