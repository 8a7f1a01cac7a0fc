"""Form rendering with labels, linked hints and error messages that screen readers announce."""

from django import forms
from django.forms.renderers import TemplatesSetting


class TandemFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DateInput(forms.DateInput):
    """A native date picker; the value travels as ISO, the page shows dd/mm/yyyy elsewhere."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")
