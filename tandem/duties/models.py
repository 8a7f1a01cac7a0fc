"""The duties map, reflective answers and the SENCO's qualification record.

Catalogue duties live in `data/catalogue.toml` and are referenced by their stable
code, so a school's holders for D04 carry across the 2024 amendment. A school's own
extra responsibilities are `SchoolDuty` rows with codes S01, S02, ...
"""

import datetime as dt

from django.db import models

from tandem.duties import qualification
from tandem.duties.qualification import CourseKind, Induction, SencoFacts
from tandem.schools.models import School

HOLDER_FIELDS = {"gb": "held_by_gb", "senco": "held_by_senco", "slt": "held_by_slt"}


class SchoolDuty(models.Model):
    """A responsibility the school maps beside the statutory ones."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="own_duties"
    )
    code = models.CharField(max_length=8)
    title = models.CharField(max_length=120)
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["school", "code"], name="one_own_duty_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class DutyAssignment(models.Model):
    """Who holds one duty (catalogue or the school's own) at one school."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="duty_assignments"
    )
    code = models.CharField(max_length=8)
    held_by_gb = models.BooleanField("Governing body", default=False)
    held_by_senco = models.BooleanField("SENCO", default=False)
    held_by_slt = models.BooleanField("Senior leadership", default=False)
    note = models.TextField("How it is done", blank=True)
    evidence_url = models.URLField("Link to evidence", blank=True, max_length=500)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "code"], name="one_assignment_per_duty"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} at school {self.school_id}"

    @property
    def holders(self) -> frozenset[str]:
        return frozenset(
            key for key, name in HOLDER_FIELDS.items() if getattr(self, name)
        )


class ReflectiveAnswer(models.Model):
    """The school's answer to one of the catalogue's reflective questions."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="reflective_answers"
    )
    question_code = models.CharField(max_length=8)
    answer = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["question_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "question_code"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_code} at school {self.school_id}"


class SencoRecord(models.Model):
    """The facts regulation 49 needs about one SENCO's time in post at one school.

    A new SENCO gets a new record and the previous one is closed (`ended_on`), so the
    history of who was SENCO, and what they held, is kept.
    """

    class InductionStatus(models.TextChoices):
        PASSED = Induction.PASSED, "Completed"
        NOT_PASSED = Induction.NOT_PASSED, "Not completed"
        EXEMPT = Induction.EXEMPT, "Not required (exempt)"

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="senco_records"
    )
    name = models.CharField("SENCO's name", max_length=150)
    became_senco = models.DateField("Became SENCO at this school on")
    is_head = models.BooleanField("Headteacher or acting headteacher", default=False)
    qts = models.BooleanField("Qualified teacher status", default=True)
    induction = models.CharField(
        "Induction",
        max_length=10,
        choices=InductionStatus.choices,
        default=InductionStatus.PASSED,
    )
    teaches_here = models.BooleanField(
        "Works as a teacher at this school", default=True
    )
    prior_months = models.PositiveSmallIntegerField(
        "Earlier SENCO service at other mainstream schools (months)", default=0
    )
    ended_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-became_senco", "-pk"]

    def __str__(self) -> str:
        return f"SENCO record {self.pk} at school {self.school_id}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None

    def facts(self) -> SencoFacts:
        return SencoFacts(
            became_senco=self.became_senco,
            qts=self.qts,
            induction=Induction(self.induction),
            teaches_here=self.teaches_here,
            is_head=self.is_head,
            prior_months=self.prior_months,
            courses=tuple(course.as_rule() for course in self.courses.all()),
            relevant_school=self.school.is_relevant_school,
        )

    def assess(self, on: dt.date) -> qualification.Assessment:
        return qualification.assess(self.facts(), on=on)


class QualificationCourse(models.Model):
    class Kind(models.TextChoices):
        NASENCO = CourseKind.NASENCO, "National Award for SEN Co-ordination (NASENCO)"
        NPQ = CourseKind.NPQ, "NPQ for SENCOs"

    record = models.ForeignKey(
        SencoRecord, on_delete=models.CASCADE, related_name="courses"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    started = models.DateField("Started on")
    expected = models.DateField("Expected to finish", null=True, blank=True)
    completed = models.DateField("Awarded on", null=True, blank=True)
    provider = models.CharField(max_length=150, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["started", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started}"

    def as_rule(self) -> qualification.Course:
        return qualification.Course(
            CourseKind(self.kind), self.started, self.completed, self.expected
        )


def holder_fields(holders: frozenset[str]) -> dict[str, bool]:
    """{"held_by_gb": True, ...} for a set of holder keys."""

    return {name: key in holders for key, name in HOLDER_FIELDS.items()}
