"""Consultation on a document from the four perspectives of domain.md section 10."""

from django.conf import settings
from django.db import models

from tandem.compliance.models.document import Document, DocumentVersion


class Consultation(models.Model):
    """One round with one group: who, when, how, what they said, what changed."""

    class Perspective(models.TextChoices):
        GOVERNORS = "governors", "Governors"
        STAFF = "staff", "Staff"
        PARENTS = "parents", "Parents and carers"
        PUPILS = "pupils", "Children and young people"

    FOCUS = {
        Perspective.GOVERNORS: "Is it accurate, and does it comply with the law?",
        Perspective.STAFF: "Do staff understand it, and know what to do and what "
        "will happen?",
        Perspective.PARENTS: "Do parents and carers understand it, and know what to "
        "do and what will happen?",
        Perspective.PUPILS: "Do children and young people understand it, and how it "
        "applies to them?",
    }

    class Method(models.TextChoices):
        MEETING = "meeting", "Meeting"
        SURVEY = "survey", "Survey or questionnaire"
        WRITTEN = "written", "Written comments"
        GROUP = "group", "Focus group or forum"
        PUPIL_VOICE = "pupil_voice", "Pupil voice session"
        OTHER = "other", "Other"

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="consultations"
    )
    document_version = models.ForeignKey(
        DocumentVersion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name="Version shown",
    )
    perspective = models.CharField(max_length=20, choices=Perspective.choices)
    who = models.CharField(
        "Who", max_length=200, help_text="A group, not named pupils: “Year 6 pupils”."
    )
    method = models.CharField("How", max_length=20, choices=Method.choices)
    planned_on = models.DateField("Planned for", null=True, blank=True)
    held_on = models.DateField("Held on", null=True, blank=True)
    feedback = models.TextField("What they said", blank=True)
    changes = models.TextField("What changed as a result", blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "perspective", "held_on", "planned_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_perspective_display()} on {self.document}"

    @property
    def school(self):  # noqa: ANN201
        return self.document.school

    @property
    def focus(self) -> str:
        return self.FOCUS[self.Perspective(self.perspective)]

    @property
    def is_held(self) -> bool:
        return self.held_on is not None
