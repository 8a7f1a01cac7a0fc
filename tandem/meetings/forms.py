"""Forms for meetings, agendas, records and actions. Every write goes through services."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model

from tandem.lib.forms import DateInput, TimeInput, WallClockMixin
from tandem.lib.uploads import UploadRejected
from tandem.meetings.models import ActionItem, AgendaItem, DecisionOption, Meeting
from tandem.meetings.papers import sniff_paper
from tandem.meetings.timebox import MAX_ITEM_MINUTES
from tandem.schools.permissions import MEETING_PEOPLE

User = get_user_model()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:  # noqa: ANN001
        return obj.get_full_name() or obj.username


def school_people(school):  # noqa: ANN001, ANN201
    """Everyone who takes part in the school's meetings, by name: owners and attendees."""

    return (
        User.objects.filter(
            memberships__school=school,
            memberships__role__in=MEETING_PEOPLE,
            is_active=True,
        )
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


class MeetingForm(WallClockMixin, forms.Form):
    wall_clock_fields = ("date", "start")
    title = forms.CharField(max_length=200, initial="SENCO and SEN governor meeting")
    date = forms.DateField(widget=DateInput, label="Date")
    start = forms.TimeField(
        widget=TimeInput, label="Start time", initial=dt.time(15, 45)
    )
    duration_minutes = forms.IntegerField(
        label="Agreed length (minutes)",
        min_value=10,
        max_value=480,
        initial=60,
        help_text="The agenda warns when its time boxes add up to more than this.",
    )
    location = forms.CharField(max_length=200, required=False, label="Where")
    share_days_before = forms.IntegerField(
        label="Share the agenda this many days before",
        min_value=0,
        max_value=60,
        initial=7,
        help_text="Papers for the full governing body usually go out a week ahead.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AgendaItemForm(forms.ModelForm):
    owner = PersonChoiceField(
        queryset=User.objects.none(), required=False, empty_label="No owner"
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "owner", "minutes"]
        labels = {"kind": "Type", "minutes": "Time box (minutes)"}
        help_texts = {
            "kind": "Information is shared; discussion is talked through; a decision "
            "needs options prepared before the meeting.",
            "minutes": f"From 1 to {MAX_ITEM_MINUTES} minutes.",
        }

    def __init__(self, *args, school, **kwargs) -> None:  # noqa: ANN001
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = school_people(school)


class DecisionOptionForm(forms.ModelForm):
    class Meta:
        model = DecisionOption
        fields = ["title", "advantages", "disadvantages"]
        labels = {"title": "Option"}
        widgets = {
            "advantages": forms.Textarea(attrs={"rows": 3}),
            "disadvantages": forms.Textarea(attrs={"rows": 3}),
        }


class PaperForm(forms.Form):
    file = forms.FileField(
        label="Paper",
        help_text="A document to send with the agenda.",
        allow_empty_file=True,  # sniff_paper refuses it, naming the file
    )

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        try:
            sniff_paper(upload)
        except UploadRejected as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ParkForm(forms.Form):
    text = forms.CharField(
        max_length=300,
        label="Point to park",
        help_text="Something raised that is not for this meeting. It is offered for the "
        "next agenda.",
    )


class ShareForm(forms.Form):
    recipients = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Send the agenda and papers to",
        error_messages={
            "required": "Choose at least one person to send the agenda to."
        },
    )

    def __init__(self, *args, school, **kwargs) -> None:  # noqa: ANN001
        super().__init__(*args, **kwargs)
        field = self.fields["recipients"]
        field.queryset = school_people(school).exclude(email="")
        field.label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.email})"
        )


class RecordForm(forms.Form):
    attendees = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One person per line, with their role.",
    )
    apologies = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="One person per line.",
    )
    any_other_business = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Any other business",
    )
    next_meeting_on = forms.DateField(
        widget=DateInput, required=False, label="Date of the next meeting"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, items: list[AgendaItem], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"key_points_{item.pk}"] = forms.CharField(
                label=f"Key points: {item.title}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            if item.kind != AgendaItem.Kind.DECISION:
                continue
            self.fields[f"option_{item.pk}"] = forms.ModelChoiceField(
                queryset=item.options.all(),
                required=False,
                label="Option chosen",
                empty_label="None of the prepared options",
            )
            self.fields[f"decision_{item.pk}"] = forms.CharField(
                max_length=2000,
                required=False,
                label="Decision taken",
            )
            self.fields[f"rationale_{item.pk}"] = forms.CharField(
                required=False,
                label="Why",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def item_fields(self, item: AgendaItem) -> list:
        names = ["key_points", "option", "decision", "rationale"]
        return [
            self[f"{n}_{item.pk}"] for n in names if f"{n}_{item.pk}" in self.fields
        ]


class ActionForm(forms.ModelForm):
    owner = PersonChoiceField(queryset=User.objects.none(), empty_label="Choose who")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ActionItem
        fields = ["description", "owner", "due_on", "item"]
        labels = {"description": "Action", "item": "Agreed under"}
        widgets = {"due_on": DateInput}

    def __init__(self, *args, school, meeting: Meeting | None = None, **kwargs) -> None:  # noqa: ANN001
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = school_people(school)
        if meeting is None:
            del self.fields["item"]
        else:
            self.fields["item"].queryset = meeting.items.all()
            self.fields["item"].required = False
            self.fields["item"].empty_label = "Not a particular item"


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=ActionItem.Status.choices)
