"""Forms for the year planner. They check input; services make the changes."""

from __future__ import annotations

import datetime as dt

from django import forms

from tandem.lib.forms import DateInput, TimeInput, WallClockMixin
from tandem.planner.models import AcademicYearPlan, Holiday, JointActivity, Term


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PlanSettingsForm(VersionedForm):
    lead_days = AcademicYearPlan._meta.get_field("lead_days").formfield()
    meeting_time = forms.TimeField(
        label="Usual start time of the SENCO and SEN governor meeting",
        widget=TimeInput,
    )
    meeting_minutes = AcademicYearPlan._meta.get_field("meeting_minutes").formfield()


class TermDatesForm(forms.Form):
    """One term's first and last days; the page shows one per term."""

    first_day = forms.DateField(label="First day", widget=DateInput)
    last_day = forms.DateField(
        label="Last day",
        widget=DateInput,
        help_text="Include INSET days at either end; enter them below as well.",
    )

    def __init__(self, *args: object, term: Term, **kwargs: object) -> None:
        self.term = term
        super().__init__(*args, prefix=term.value, **kwargs)
        for field in self.fields.values():
            field.label = f"{term.label}: {field.label.lower()}"

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error(
                "last_day", "The last day must be on or after the first day."
            )

        return data


class HolidayForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of day off",
        choices=Holiday.Kind.choices,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label="Name (optional)",
        max_length=80,
        required=False,
        help_text="For example “October half-term” or “Polling day closure”.",
    )
    first_day = forms.DateField(label="First day", widget=DateInput)
    last_day = forms.DateField(
        label="Last day",
        widget=DateInput,
        required=False,
        help_text="Leave empty for a single day.",
    )

    def clean(self) -> dict:
        data = super().clean()
        first = data.get("first_day")
        if first and not data.get("last_day"):
            data["last_day"] = first
        if first and data.get("last_day") and data["last_day"] < first:
            self.add_error(
                "last_day", "The last day must be on or after the first day."
            )

        return data


class FgbMeetingForm(WallClockMixin, forms.Form):
    date = forms.DateField(label="Date of the FGB meeting", widget=DateInput)
    time = forms.TimeField(label="Start time", widget=TimeInput, initial=dt.time(18, 0))


class FgbMeetingEditForm(FgbMeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ArrangeMeetingForm(WallClockMixin, forms.Form):
    """Choose the day of the SENCO and SEN governor meeting (or move it)."""

    date = forms.DateField(
        label="Date",
        widget=DateInput,
        help_text="A school day before the FGB meeting. INSET days are allowed: "
        "staff are in.",
    )
    time = forms.TimeField(label="Start time", widget=TimeInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label="Kind of activity", choices=JointActivity.Kind.choices
    )
    title = forms.CharField(
        label="Short description",
        max_length=120,
        help_text="For example “Reading interventions, Years 3 and 4”. "
        "Do not name pupils.",
    )
    date = forms.DateField(label="Date", widget=DateInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
