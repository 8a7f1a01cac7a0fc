from django import template
from django.utils.safestring import SafeString, mark_safe

from tandem.lib import pdf

register = template.Library()


@register.filter
def css_string(text: object) -> SafeString:
    """A quoted, escaped CSS string for print style sheets: `content: {{ x|css_string }}`."""

    return mark_safe(pdf.css_string(str(text)))  # noqa: S308 (every character is escaped)
