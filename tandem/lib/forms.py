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
    """For forms with a date and a time field: refuse a time the clocks skip."""

    wall_clock_fields = ("date", "time")

    def clean(self) -> dict:
        cleaned = super().clean()
        date_field, time_field = self.wall_clock_fields
        day, time = cleaned.get(date_field), cleaned.get(time_field)
        if day and time and (problem := wall_clock_problem(day, time)):
            self.add_error(time_field, problem)
        return cleaned
