"""The year planner: one plan per school and academic year, and what sits in it."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from tandem.lib.calendar import AcademicYear, at_london
from tandem.planner.schooldays import DEFAULT_LEAD_DAYS, DateSpan, SchoolCalendar


class AcademicYearPlan(models.Model):
    """A school's planner for one academic year (September to August)."""

    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="year_plans"
    )
    start_year = models.PositiveSmallIntegerField(
        help_text="The calendar year the academic year starts in: 2026 for 2026/27."
    )
    lead_days = models.PositiveSmallIntegerField(
        "School days before each FGB meeting",
        default=DEFAULT_LEAD_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=(
            "Tandem proposes the SENCO and SEN governor meeting this many school days "
            "before each full governing body meeting, so its outcomes reach the papers."
        ),
    )
    meeting_time = models.TimeField(
        "Usual start time of the SENCO and SEN governor meeting",
        default=dt.time(16, 0),
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        "Usual length in minutes",
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["school", "start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "start_year"], name="planner_one_plan_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.school} planner {self.year.label}"

    @property
    def year(self) -> AcademicYear:
        return AcademicYear(self.start_year)

    def school_calendar(self) -> SchoolCalendar:
        """The pure calendar the proposals and the grid are worked out from."""

        terms = [DateSpan(t.first_day, t.last_day) for t in self.terms.all()]
        holidays = self.holidays.all()
        return SchoolCalendar.for_england(
            terms=terms,
            holidays=[
                DateSpan(h.first_day, h.last_day)
                for h in holidays
                if h.kind != Holiday.Kind.INSET
            ],
            inset_days=[
                day
                for h in holidays
                if h.kind == Holiday.Kind.INSET
                for day in DateSpan(h.first_day, h.last_day).days()
            ],
            year_span=DateSpan(self.year.first_day, self.year.last_day),
        )


class Term(models.TextChoices):
    AUTUMN = "autumn", "Autumn term"
    SPRING = "spring", "Spring term"
    SUMMER = "summer", "Summer term"


class TermDates(models.Model):
    """The first and last day of one term (INSET days included)."""

    plan = models.ForeignKey(
        AcademicYearPlan, on_delete=models.CASCADE, related_name="terms"
    )
    term = models.CharField(max_length=10, choices=Term.choices)
    first_day = models.DateField()
    last_day = models.DateField()

    class Meta:
        ordering = ["first_day"]
        verbose_name_plural = "term dates"
        constraints = [
            models.UniqueConstraint(fields=["plan", "term"], name="planner_term_once"),
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")),
                name="planner_term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_term_display()} {self.first_day:%d/%m/%Y}"


class Holiday(models.Model):
    """A half-term, another closure inside a term, or INSET days."""

    class Kind(models.TextChoices):
        HALF_TERM = "half_term", "Half-term"
        CLOSURE = "closure", "Other closure"
        INSET = "inset", "INSET (staff training) day"

    plan = models.ForeignKey(
        AcademicYearPlan, on_delete=models.CASCADE, related_name="holidays"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=80, blank=True)
    first_day = models.DateField()
    last_day = models.DateField()

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")),
                name="planner_holiday_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name or self.get_kind_display()


class FgbMeeting(models.Model):
    """A full governing body meeting and the SENCO-SEN governor meeting before it."""

    plan = models.ForeignKey(
        AcademicYearPlan, on_delete=models.CASCADE, related_name="fgb_meetings"
    )
    date = models.DateField("Date of the FGB meeting")
    time = models.TimeField("Start time", default=dt.time(18, 0))
    prep_meeting = models.OneToOneField(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fgb_meeting",
        help_text="The SENCO and SEN governor meeting held to prepare for this FGB.",
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["date", "time"]
        verbose_name = "FGB meeting"
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "date"], name="planner_one_fgb_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"FGB meeting {self.date:%d/%m/%Y}"

    @property
    def starts_at(self) -> dt.datetime:
        return at_london(self.date, self.time)


class JointActivity(models.Model):
    """Something the SENCO and SEN governor do together, or a deadline they share."""

    class Kind(models.TextChoices):
        LEARNING_WALK = "learning_walk", "Learning walk"
        PUPIL_VOICE = "pupil_voice", "Pupil voice"
        PROVISION_REVIEW = "provision_review", "Provision review"
        TRAINING = "training", "Training"
        REPORT_DEADLINE = "report_deadline", "Report deadline"

    plan = models.ForeignKey(
        AcademicYearPlan, on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(
        max_length=120,
        help_text=(
            "A short description, such as “Reading interventions, Years 3 and 4”. "
            "No pupil names."
        ),
    )
    date = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["date", "kind"]
        verbose_name_plural = "joint activities"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class CalendarFeedToken(models.Model):
    """A secret that lets one user's calendar app read one school's planner feed.

    Only a SHA-256 digest of the secret is stored: the full feed address is shown
    once, when it is made. Revoking keeps the row (for the history) but the feed
    stops answering; regenerating revokes the old secret and makes a new one.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="feed_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=8, help_text="The secret's first characters.")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school"],
                condition=Q(revoked_at__isnull=True),
                name="planner_one_live_feed_per_user_and_school",
            )
        ]

    def __str__(self) -> str:
        return f"Calendar feed {self.hint}… for user {self.user_id}"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None
