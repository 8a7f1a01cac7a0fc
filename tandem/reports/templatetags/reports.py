"""Template filters for termly reports."""

from django import template

from tandem.reports.money import format_pounds

register = template.Library()


@register.filter
def pounds(pence: int) -> str:
    """Whole pence shown as pounds: {{ 123450|pounds }} gives £1,234.50."""

    return format_pounds(pence)
