"""A saved result of the SEN Information Report checker for one document version."""

from django.conf import settings
from django.db import models

from tandem.compliance.models.document import DocumentVersion
from tandem.compliance.models.locking import Locked


class ReportCheck(models.Model):
    """What the checker found in one version on one day. Kept as it was run."""

    class SchoolType(models.TextChoices):
        MAINSTREAM = "mainstream", "Mainstream"
        SPECIAL = "special", "Special"

    document_version = models.ForeignKey(
        DocumentVersion, on_delete=models.PROTECT, related_name="checks"
    )
    school_type = models.CharField(max_length=20, choices=SchoolType.choices)
    checked_on = models.DateField()
    result = models.JSONField(default=dict)
    found = models.PositiveSmallIntegerField(default=0)
    applicable = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    run_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-run_at", "-id"]
        get_latest_by = "run_at"

    def __str__(self) -> str:
        return f"Check of {self.document_version}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise Locked("A saved check cannot be changed; run the check again.")
        super().save(*args, **kwargs)

    @property
    def school(self):  # noqa: ANN201
        return self.document_version.document.school

    @property
    def readable(self) -> bool:
        return not self.error

    @property
    def not_found(self) -> int:
        return self.applicable - self.found
