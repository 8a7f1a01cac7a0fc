import datetime as dt

from django import forms

from tandem.duties.models import QualificationCourse, SencoRecord
from tandem.duties.qualification import NPQ_STARTED_FROM, CourseKind
from tandem.duties.venn import HOLDER_LABELS, HOLDER_ORDER
from tandem.lib.forms import DateInput

HOLDER_CHOICES = [(key, HOLDER_LABELS[key]) for key in HOLDER_ORDER]


class HoldersField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            choices=HOLDER_CHOICES,
            required=False,
            label="Who holds this duty",
            help_text="Tick everyone who shares it; leave all unticked if nobody does.",
            **kwargs,
        )


class DutyAssignmentForm(forms.Form):
    holders = HoldersField()
    note = forms.CharField(
        label="How it is done",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example, who leads it, when, and where it is recorded.",
    )
    evidence_url = forms.URLField(
        label="Link to evidence",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="A link to a policy, minutes or a shared folder. Optional.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class SchoolDutyForm(forms.Form):
    title = forms.CharField(label="Responsibility", max_length=120)
    summary = forms.CharField(
        label="What it involves",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    holders = HoldersField()


class ReflectionForm(forms.Form):
    """One text box per reflective question, each with its own hidden version."""

    def __init__(self, questions: list, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.questions = questions
        for question in questions:
            self.fields[question.code] = forms.CharField(
                label=f"{question.code}. {question.text}",
                required=False,
                initial=question.answer,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"{question.code}_version"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=question.version, min_value=0
            )

    def answers(self) -> dict[str, str]:
        return {q.code: self.cleaned_data[q.code].strip() for q in self.questions}

    def versions(self) -> dict[str, int]:
        return {q.code: self.cleaned_data[f"{q.code}_version"] for q in self.questions}


class SencoRecordForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = SencoRecord
        fields = [
            "name",
            "became_senco",
            "is_head",
            "qts",
            "induction",
            "teaches_here",
            "prior_months",
        ]
        widgets = {"became_senco": DateInput(), "induction": forms.RadioSelect}
        help_texts = {
            "became_senco": "The day they took up the SENCO role at this school.",
            "prior_months": (
                "Whole months as SENCO at other mainstream schools or maintained"
                " nurseries before this post. Do not count special or independent"
                " schools."
            ),
            "is_head": "The headteacher may be the SENCO without the teacher tests.",
            "teaches_here": "Works at this school as a teacher.",
        }

    def clean_became_senco(self) -> dt.date:
        day = self.cleaned_data["became_senco"]
        if day.year < 1990:
            raise forms.ValidationError("Enter the date they became SENCO here.")
        return day


class QualificationCourseForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = QualificationCourse
        fields = ["kind", "started", "expected", "completed", "provider"]
        labels = {"kind": "Course"}
        widgets = {
            "kind": forms.RadioSelect,
            "started": DateInput(),
            "expected": DateInput(),
            "completed": DateInput(),
        }
        help_texts = {
            "expected": "Optional. When the provider expects the award.",
            "completed": "Leave empty until the qualification is awarded.",
        }

    def clean(self) -> dict:
        data = super().clean()
        started = data.get("started")
        if started is None:
            return data
        for name in ("expected", "completed"):
            if data.get(name) and data[name] < started:
                self.add_error(name, "This date must be on or after the start date.")
        if data.get("kind") == CourseKind.NPQ and started < NPQ_STARTED_FROM:
            self.add_error(
                "started",
                "The NPQ for SENCOs started on 01/09/2024. Check the start date, or"
                " choose the National Award.",
            )
        return data
