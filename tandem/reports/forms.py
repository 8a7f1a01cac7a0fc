"""Forms for the termly report. Money is typed in pounds and stored in pence."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from tandem.lib.forms import DateInput
from tandem.reports.imports.codes import NEED_CODES, NEED_LABELS, YEAR_LABELS
from tandem.reports.imports.headings import ROLE_LABELS, mapping_looks_like_data
from tandem.reports.models import EhcApplication, Intervention, TermlyReport
from tandem.reports.money import pence_to_pounds, pounds_to_pence
from tandem.reports.send_numbers import numbers_problems
from tandem.reports.terms import TERMS, TermKey

PRIMARY_YEARS = ("N1", "N2", "R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6")
SECONDARY_YEARS = ("Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13")


def pounds_field(
    label: str, *, help_text: str = "", required: bool = True
) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=Decimal("0"),
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class StartReportForm(forms.Form):
    academic_year = forms.CharField(
        label="Academic year", max_length=7, help_text="For example 2026/27."
    )
    term = forms.ChoiceField(label="Term", choices=[(t, t.capitalize()) for t in TERMS])

    def clean(self) -> dict:
        data = super().clean()
        if "academic_year" in data and "term" in data:
            try:
                data["key"] = TermKey.of(data["academic_year"], data["term"])
            except ValueError as error:
                self.add_error("academic_year", str(error))

        return data


class HeaderForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = TermlyReport
        fields = TermlyReport.HEADER_FIELDS
        widgets = {
            "report_date": DateInput(),
            "sen_policy_date": DateInput(),
            "provision_review_date": DateInput(),
            "provision_review_outcome": forms.Textarea(attrs={"rows": 4}),
        }


class NarrativeForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = TermlyReport
        fields = TermlyReport.NARRATIVE_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}


class FinanceForm(VersionedForm):
    element_1 = pounds_field(
        "Element 1 (£)", help_text="Core per-pupil funding: not SEN-specific."
    )
    element_2 = pounds_field("Element 2: notional SEN budget (£)")
    element_3 = pounds_field("Element 3: high-needs top-up (£)")
    additional = pounds_field("Additional funding (£)")
    expenditure = pounds_field("Expenditure to date (£)")

    @classmethod
    def for_report(cls, report: TermlyReport, data: dict | None = None) -> FinanceForm:
        initial = {
            name: pence_to_pounds(getattr(report, name))
            for name in TermlyReport.FINANCE_FIELDS
        }
        initial["version"] = report.version

        return cls(data=data, initial=initial)

    def pence(self) -> dict[str, int]:
        return {
            name: pounds_to_pence(self.cleaned_data[name])
            for name in TermlyReport.FINANCE_FIELDS
        }


def years_for(phase: str) -> tuple[str, ...]:
    if phase in ("primary", "nursery"):
        return PRIMARY_YEARS
    if phase in ("secondary", "post_16"):
        return SECONDARY_YEARS

    return PRIMARY_YEARS + SECONDARY_YEARS


def _cell(label: str) -> forms.IntegerField:
    """A number in a grid, labelled for screen readers since the table has no <label>."""

    widget = forms.NumberInput(attrs={"aria-label": label, "class": "grid-input"})

    return forms.IntegerField(label=label, min_value=0, required=False, widget=widget)


class NumbersForm(forms.Form):
    """The SEND numbers typed in: headline totals, and K/E by year and by need."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    pupils_on_roll = forms.IntegerField(
        label="Pupils on roll", min_value=0, required=False
    )
    sen_support = forms.IntegerField(label="Pupils on SEN support (K)", min_value=0)
    ehc_plans = forms.IntegerField(label="Pupils with EHC plans (E)", min_value=0)

    def __init__(self, *args, years: tuple[str, ...], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.years = years
        for code in years:
            for p, word in (("K", "SEN support"), ("E", "EHC plans")):
                self.fields[f"year_{code}_{p}"] = _cell(f"{YEAR_LABELS[code]}: {word}")
        for code in NEED_CODES:
            for p, word in (("K", "SEN support"), ("E", "EHC plans")):
                self.fields[f"need_{code}_{p}"] = _cell(f"{NEED_LABELS[code]}: {word}")

    def grid(self, kind: str) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        codes = self.years if kind == "year" else NEED_CODES
        labels = YEAR_LABELS if kind == "year" else NEED_LABELS

        return [
            (labels[code], self[f"{kind}_{code}_K"], self[f"{kind}_{code}_E"])
            for code in codes
        ]

    def clean(self) -> dict:
        data = super().clean()
        problems = numbers_problems(
            data.get("pupils_on_roll"), data.get("sen_support"), data.get("ehc_plans")
        )
        for name, message in problems.items():
            self.add_error(name, message)
        for kind, codes in (("year", self.years), ("need", NEED_CODES)):
            for p, total_name in (("K", "sen_support"), ("E", "ehc_plans")):
                values = [data.get(f"{kind}_{code}_{p}") or 0 for code in codes]
                total = data.get(total_name)
                if total is not None and sum(values) > total:
                    word = "year groups" if kind == "year" else "needs"
                    self.add_error(
                        total_name,
                        f"The {word} add up to {sum(values)}, more than this total.",
                    )

        return data

    def table(self, kind: str) -> dict[str, dict[str, int]]:
        codes = self.years if kind == "year" else NEED_CODES
        table = {}
        for code in codes:
            counts = {p: self.cleaned_data.get(f"{kind}_{code}_{p}") or 0 for p in "KE"}
            if any(counts.values()):
                table[code] = counts

        return table


class ItemVersionForm(forms.ModelForm):
    """An intervention or application form that remembers the version it showed."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].required = True
            self.initial["version"] = self.instance.version


class InterventionForm(ItemVersionForm):
    hourly_rate_pounds = pounds_field(
        "Hourly cost (£, including on-costs)", help_text="For example 14.50."
    )
    external_pounds = pounds_field(
        "External cost per session (£)",
        required=False,
        help_text="A visiting specialist's fee, if any.",
    )
    resources_pounds = pounds_field(
        "One-off resources (£)", required=False, help_text="Books, kits and the like."
    )

    class Meta:
        model = Intervention
        fields = [
            "wave",
            "name",
            "area",
            "delivered_by",
            "adults",
            "session_minutes",
            "sessions_per_week",
            "weeks",
            "group_size",
        ]
        labels = {"adults": "Adults per session", "group_size": "Pupils in the group"}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.update(
                hourly_rate_pounds=pence_to_pounds(self.instance.hourly_rate),
                external_pounds=pence_to_pounds(self.instance.external_per_session),
                resources_pounds=pence_to_pounds(self.instance.resources),
            )
        order = [
            "wave",
            "name",
            "area",
            "delivered_by",
            "hourly_rate_pounds",
            "adults",
            "session_minutes",
            "sessions_per_week",
            "weeks",
            "group_size",
            "external_pounds",
            "resources_pounds",
        ]
        self.order_fields(order)

    def clean(self) -> dict:
        data = super().clean()
        self.instance.hourly_rate = pounds_to_pence(
            data.get("hourly_rate_pounds") or Decimal(0)
        )
        self.instance.external_per_session = pounds_to_pence(
            data.get("external_pounds") or Decimal(0)
        )
        self.instance.resources = pounds_to_pence(
            data.get("resources_pounds") or Decimal(0)
        )

        return data


class ApplicationForm(ItemVersionForm):
    class Meta:
        model = EhcApplication
        fields = [
            "reference",
            "kind",
            "year_group",
            "need",
            "stage",
            "requested_on",
            "stage_on",
        ]
        widgets = {"requested_on": DateInput(), "stage_on": DateInput()}


class ImportForm(forms.Form):
    file = forms.FileField(
        label="SEN export (CSV or Excel .xlsx)",
        help_text=(
            "Pupil-level or already counted. Names and other details in the file are "
            "never stored: only the counts are kept."
        ),
        allow_empty_file=True,  # the importer refuses it, naming the file
    )

    def __init__(self, *args, headings: tuple[str, ...] = (), **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if headings:
            choices = [("", "Not in this file")] + [(h, h) for h in headings if h]
            for role, label in ROLE_LABELS.items():
                self.fields[f"map_{role}"] = forms.ChoiceField(
                    label=f"Column for {label}",
                    choices=choices,
                    required=False,
                    # Django's own message repeats the value posted; never echo it.
                    error_messages={
                        "invalid_choice": "Choose one of the file's column headings."
                    },
                )
            self.fields["remember"] = forms.BooleanField(
                label="Remember these columns for next time",
                required=False,
                initial=True,
            )

    def clean(self) -> dict:
        data = super().clean()
        chosen = {r: data.get(f"map_{r}") for r in ROLE_LABELS if data.get(f"map_{r}")}
        if mapping_looks_like_data(chosen):
            raise forms.ValidationError(
                "A chosen column heading looks like a pupil's data, not a heading; "
                "the file needs a row of column headings at the top."
            )
        columns: dict[str, list[str]] = {}
        for role, heading in chosen.items():
            columns.setdefault(heading, []).append(ROLE_LABELS[role])
        for heading, roles in columns.items():
            if len(roles) > 1:
                self.add_error(
                    None,
                    f"The column “{heading}” was chosen for both "
                    f"{' and '.join(roles)}; choose a different column for each.",
                )

        return data

    def mapping(self) -> dict[str, str]:
        return {
            role: self.cleaned_data[f"map_{role}"]
            for role in ROLE_LABELS
            if self.cleaned_data.get(f"map_{role}")
        }


class QuestionForm(forms.Form):
    question = forms.CharField(
        label="Your question",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Please do not name pupils; refer to year groups or needs instead.",
    )


class AnswerForm(VersionedForm):
    answer = forms.CharField(
        label="Answer", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class FinanceSettingsForm(forms.Form):
    finance_enabled = forms.BooleanField(
        label="Include the SEN budget in termly reports", required=False
    )
