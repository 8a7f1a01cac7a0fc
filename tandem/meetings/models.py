from django.db import models

from tandem.lib.calendar import LONDON


class Meeting(models.Model):
    """A meeting of the SENCO and SEN governor (or another SEND meeting) at one school."""

    class Kind(models.TextChoices):
        SENCO_GOVERNOR = "senco_governor", "SENCO and SEN governor meeting"
        OTHER = "other", "Other SEND meeting"

    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(max_length=200, default="SENCO and SEN governor meeting")
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.SENCO_GOVERNOR
    )
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    location = models.CharField(max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["school", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.title} on {self.local_start:%d/%m/%Y}"

    @property
    def local_start(self):  # noqa: ANN201
        return self.starts_at.astimezone(LONDON)
