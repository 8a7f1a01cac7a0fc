"""Termly reports: the SENCO's report to governors, one per school per term.

Money is whole pence in integer fields. Counts are aggregates only: no pupil is
ever stored, and an EHC application carries a reference, never a name.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tandem.reports.costing import DEFAULT_WEEKS, Costing
from tandem.reports.finance import Budget
from tandem.reports.imports.codes import (
    NEED_CODES,
    NEED_LABELS,
    YEAR_GROUPS,
    YEAR_LABELS,
)
from tandem.reports.terms import TermKey
from tandem.schools.models import Membership, School

YEAR_CHOICES = [(code, YEAR_LABELS[code]) for code in YEAR_GROUPS]
NEED_CHOICES = [(code, f"{code}: {NEED_LABELS[code]}") for code in NEED_CODES]
_NAME_LIKE = re.compile(r"^[A-Z][a-z'’-]+(\s+[A-Z][a-z'’-]+)+$")


class InvalidTransition(Exception):
    """A report was asked to move to a status its current status does not allow."""


class ReportLocked(Exception):
    """A submitted report cannot be changed."""

    message = "This report has been submitted to governors, so it can no longer change."

    def __str__(self) -> str:
        return self.message


class ReportSettings(models.Model):
    """Per-school choices for termly reports."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="report_settings"
    )
    finance_enabled = models.BooleanField(
        "Include the SEN budget",
        default=True,
        help_text="A new SENCO may start without the finance section and add it later.",
    )

    def __str__(self) -> str:
        return f"Report settings for school {self.school_id}"


class TermlyReport(models.Model):
    class Term(models.TextChoices):
        AUTUMN = "autumn", "Autumn"
        SPRING = "spring", "Spring"
        SUMMER = "summer", "Summer"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted to governors"

    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.DRAFT},  # reopened by the SENCO to correct it
    }
    HEADER_FIELDS = [
        "report_date",
        "senco_name",
        "senco_email",
        "senco_phone",
        "senco_best_time",
        "non_contact_time",
        "sen_policy_date",
        "provision_review_date",
        "provision_review_outcome",
    ]
    FINANCE_FIELDS = [
        "element_1",
        "element_2",
        "element_3",
        "additional",
        "expenditure",
    ]
    NARRATIVE_FIELDS = ["challenges", "ongoing_issues", "training"]

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="termly_reports"
    )
    academic_year = models.CharField(max_length=7)  # "2026/27"
    term = models.CharField(max_length=6, choices=Term.choices)
    period = models.PositiveIntegerField(editable=False)  # 3 x start year + term index
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    submissions = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    report_date = models.DateField("Date of report", null=True, blank=True)
    senco_name = models.CharField("SENCO", max_length=150, blank=True)
    senco_email = models.EmailField("SENCO email", blank=True)
    senco_phone = models.CharField("SENCO phone", max_length=40, blank=True)
    senco_best_time = models.CharField("Best time to call", max_length=100, blank=True)
    non_contact_time = models.CharField(
        "Allocated non-contact time",
        max_length=100,
        blank=True,
        help_text="For example: one day a week, or 0.4 FTE.",
    )
    sen_policy_date = models.DateField("SEN policy date", null=True, blank=True)
    provision_review_date = models.DateField(
        "Whole-school provision review (wave 1)", null=True, blank=True
    )
    # The outcome is written here so that it prints in the report and the governors'
    # pack; the review's own paper, if any, is kept with its versions in Documents.
    provision_review_outcome = models.TextField("Outcome of the review", blank=True)

    element_1 = models.BigIntegerField("Element 1", default=0)
    element_2 = models.BigIntegerField("Element 2", default=0)
    element_3 = models.BigIntegerField("Element 3", default=0)
    additional = models.BigIntegerField("Additional funding", default=0)
    expenditure = models.BigIntegerField("Expenditure to date", default=0)

    pupils_on_roll = models.PositiveIntegerField(
        "Pupils on roll", null=True, blank=True
    )
    numbers_imported_at = models.DateTimeField(null=True, blank=True)

    challenges = models.TextField(
        "Challenges addressed this term, solutions used and milestones reached",
        blank=True,
    )
    ongoing_issues = models.TextField("Ongoing issues and concerns", blank=True)
    training = models.TextField("Training undertaken or delivered", blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "academic_year", "term"], name="one_report_per_term"
            )
        ]

    def __str__(self) -> str:
        return f"Termly report {self.key.label}"

    def save(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        key = TermKey.of(self.academic_year, self.term)
        self.period = key.start_year * 3 + key.index
        super().save(*args, **kwargs)

    @property
    def key(self) -> TermKey:
        return TermKey.of(self.academic_year, self.term)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def budget(self) -> Budget:
        return Budget(**{name: getattr(self, name) for name in self.FINANCE_FIELDS})

    def transition_to(self, status: str) -> None:
        if status not in self.TRANSITIONS[self.Status(self.status)]:
            raise InvalidTransition(f"A {self.status} report cannot become {status}.")
        self.status = status

    def require_draft(self) -> None:
        if not self.is_draft:
            raise ReportLocked()


class SendCount(models.Model):
    """One aggregate count: a year group and/or need ("" = all), and a provision."""

    class Provision(models.TextChoices):
        SEN_SUPPORT = "K", "SEN support"
        EHC_PLAN = "E", "EHC plan"
        NO_SEN = "N", "No SEN"

    report = models.ForeignKey(
        TermlyReport, on_delete=models.CASCADE, related_name="counts"
    )
    year_group = models.CharField(max_length=3, blank=True, choices=YEAR_CHOICES)
    need = models.CharField(max_length=4, blank=True, choices=NEED_CHOICES)
    provision = models.CharField(max_length=1, choices=Provision.choices)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "year_group", "need", "provision"],
                name="one_count_per_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year_group or 'all'}/{self.need or 'all'}/{self.provision}"


def validate_reference(value: str) -> None:
    """A reference must not be, or look like, a pupil's name."""

    if _NAME_LIKE.match(value.strip()) or not re.search(r"\d", value):
        raise ValidationError(
            "Use a reference that does not identify the pupil, such as EHC-2026-03; "
            "it must contain a number and must not be a name."
        )


class EhcApplication(models.Model):
    class Kind(models.TextChoices):
        EHC_ASSESSMENT = "ehc", "EHC needs assessment"
        HIGH_NEEDS = "funding", "High-needs funding (top-up)"

    class Stage(models.TextChoices):
        REQUESTED = "requested", "Request made"
        ASSESSING = "assessing", "Assessment agreed"
        NOT_ASSESSING = "not_assessing", "Decided not to assess"
        DRAFT_PLAN = "draft_plan", "Draft plan issued"
        FINAL_PLAN = "final_plan", "Final plan issued"
        NO_PLAN = "no_plan", "Decided not to issue a plan"
        FUNDING_AGREED = "funding_agreed", "Funding agreed"
        FUNDING_REFUSED = "funding_refused", "Funding refused"

    CLOSED = {
        Stage.NOT_ASSESSING,
        Stage.FINAL_PLAN,
        Stage.NO_PLAN,
        Stage.FUNDING_AGREED,
        Stage.FUNDING_REFUSED,
    }

    report = models.ForeignKey(
        TermlyReport, on_delete=models.CASCADE, related_name="applications"
    )
    reference = models.CharField(
        max_length=30,
        validators=[validate_reference],
        help_text="A reference that does not identify the pupil, such as EHC-2026-03.",
    )
    kind = models.CharField(
        max_length=10, choices=Kind.choices, default=Kind.EHC_ASSESSMENT
    )
    year_group = models.CharField(max_length=3, choices=YEAR_CHOICES, blank=True)
    need = models.CharField(
        "Primary need", max_length=4, choices=NEED_CHOICES, blank=True
    )
    stage = models.CharField(
        max_length=20, choices=Stage.choices, default=Stage.REQUESTED
    )
    requested_on = models.DateField("Date requested")
    stage_on = models.DateField("Date of the latest stage", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.stage not in self.CLOSED


class Intervention(models.Model):
    class Wave(models.IntegerChoices):
        TARGETED = 2, "Wave 2 (targeted)"
        SPECIALIST = 3, "Wave 3 (specialist)"

    class Area(models.TextChoices):
        COGNITION = "cognition", "Cognition and learning"
        COMMUNICATION = "communication", "Communication and interaction"
        SEMH = "semh", "Social, emotional and mental health"
        SENSORY = "sensory", "Sensory and/or physical"

    report = models.ForeignKey(
        TermlyReport, on_delete=models.CASCADE, related_name="interventions"
    )
    wave = models.PositiveSmallIntegerField(choices=Wave.choices, default=Wave.TARGETED)
    name = models.CharField(max_length=150)
    area = models.CharField("Area of need", max_length=20, choices=Area.choices)
    delivered_by = models.CharField("Delivered by", max_length=100)
    hourly_rate = models.PositiveIntegerField("Hourly cost (pence, including on-costs)")
    adults = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    session_minutes = models.PositiveSmallIntegerField(
        "Minutes per session", validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    sessions_per_week = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    weeks = models.PositiveSmallIntegerField(
        default=DEFAULT_WEEKS, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    group_size = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    external_per_session = models.PositiveIntegerField(
        "External cost per session (pence)", default=0
    )
    resources = models.PositiveIntegerField("One-off resources (pence)", default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["wave", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def costing(self) -> Costing:
        return Costing(
            hourly_rate=self.hourly_rate,
            session_minutes=self.session_minutes,
            sessions_per_week=self.sessions_per_week,
            weeks=self.weeks,
            adults=self.adults,
            group_size=self.group_size,
            external_per_session=self.external_per_session,
            resources=self.resources,
        )


class GovernorQuestion(models.Model):
    report = models.ForeignKey(
        TermlyReport, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.TextField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_role = models.CharField(max_length=20, choices=Membership.Role.choices)
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return f"Question {self.pk} on report {self.report_id}"


class ReportSubmission(models.Model):
    """A frozen copy of a report as it was submitted to governors."""

    report = models.ForeignKey(
        TermlyReport, on_delete=models.CASCADE, related_name="submitted_versions"
    )
    number = models.PositiveIntegerField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="one_submission_number"
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.report_id} version {self.number}"


class ColumnMapping(models.Model):
    """A school's own choice of columns for its management system's export ("map once")."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="sen_column_mapping"
    )
    mapping = models.JSONField(default=dict)  # {role: heading}
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Column mapping for school {self.school_id}"
