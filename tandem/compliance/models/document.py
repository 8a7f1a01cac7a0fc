"""A school's SEND documents and their immutable versions."""

import uuid
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.db import models

from tandem.compliance import hashing, reviews
from tandem.compliance.models.locking import Locked
from tandem.lib.uploads import Kind as FileKind


class Document(models.Model):
    """A document the governing body is responsible for, such as the SEN Information Report."""

    class Kind(models.TextChoices):
        SEN_INFORMATION_REPORT = "sen_information_report", "SEN Information Report"
        SEN_POLICY = "sen_policy", "SEN policy"
        ACCESSIBILITY_PLAN = "accessibility_plan", "Accessibility plan"
        OTHER = "other", "Other document"

    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who keeps this document up to date.",
    )
    last_reviewed_on = models.DateField("Last reviewed", null=True, blank=True)
    next_review_on = models.DateField("Next review due", null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title

    def review_status(self, today: date) -> reviews.ReviewStatus:
        return reviews.review_status(self.next_review_on, today=today)

    @property
    def is_information_report(self) -> bool:
        return self.kind == self.Kind.SEN_INFORMATION_REPORT


def version_path(instance: "DocumentVersion", filename: str) -> str:
    """Stored under MEDIA_ROOT by school and a random name, never the uploaded name."""

    suffix = PurePath(filename).suffix.lower()
    return f"compliance/{instance.document.school.urn}/{uuid.uuid4().hex}{suffix}"


class DocumentVersion(models.Model):
    """Exact content of a document at one moment. Never changed once saved."""

    class Source(models.TextChoices):
        FILE = "file", "Uploaded file"
        TEXT = "text", "Written in Tandem"

    class Format(models.TextChoices):
        PDF = FileKind.PDF.value, "PDF"
        DOCX = FileKind.DOCX.value, "Word (.docx)"
        HTML = FileKind.HTML.value, "Web page (HTML)"
        TEXT = FileKind.TEXT.value, "Text"

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    source = models.CharField(max_length=10, choices=Source.choices)
    format = models.CharField(max_length=10, choices=Format.choices)
    file = models.FileField(upload_to=version_path, blank=True, max_length=200)
    original_filename = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveIntegerField()
    note = models.CharField("What changed", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="one_number_per_document_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.title}, version {self.number}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise Locked("A document version cannot be changed; add a new version.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # noqa: ANN201
        raise Locked("A document version cannot be deleted.")

    @property
    def school(self):  # noqa: ANN201
        return self.document.school

    @property
    def label(self) -> str:
        return f"version {self.number}"

    @property
    def download_name(self) -> str:
        stem = self.document.title.replace("/", "-")
        return f"{stem} (version {self.number}){self.extension}"

    @property
    def extension(self) -> str:
        return {"pdf": ".pdf", "docx": ".docx", "html": ".html"}.get(
            self.format, ".txt"
        )

    @property
    def grouped_hash(self) -> str:
        return hashing.grouped(self.sha256)

    def content(self) -> bytes:
        """The exact bytes that were hashed: the stored file, or the written text."""

        if self.source == self.Source.TEXT:
            return hashing.text_bytes(self.text)
        with self.file.open("rb") as stream:
            return stream.read()

    def content_matches_hash(self) -> bool:
        """Whether the stored bytes still hash to the recorded digest."""

        return hashing.matches(self.content(), self.sha256)
