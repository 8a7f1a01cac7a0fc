"""Form rendering with labels, linked hints and error messages that screen readers announce."""

from django import forms
from django.forms.renderers import TemplatesSetting

from tandem.lib.calendar import wall_clock_problem


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


class WallClockMixin:
    """For forms with `date` and `time` fields: refuse a time the clocks skip."""

    def clean(self) -> dict:
        cleaned = super().clean()
        day, time = cleaned.get("date"), cleaned.get("time")
        if day and time and (problem := wall_clock_problem(day, time)):
            self.add_error("time", problem)
        return cleaned
