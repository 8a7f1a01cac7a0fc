from django import template
from django.utils.safestring import SafeString, mark_safe

from tandem.lib import pdf

register = template.Library()


@register.filter
def css_string(text: object) -> SafeString:
    """A quoted, escaped CSS string for print style sheets: `content: {{ x|css_string }}`."""

    return mark_safe(pdf.css_string(str(text)))  # noqa: S308 (every character is escaped)


@register.filter
def paper(colour: object) -> str:
    """The school's paper colour as a safe `#rrggbb` for `@page { background }`."""

    return pdf.paper_colour(str(colour or ""))
