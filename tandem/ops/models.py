"""Long work that runs in the background worker, with the progress people see."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from tandem.schools.models import School

# A worker that has said nothing for this long has stopped (restarted, or killed).
SILENT_FOR = timedelta(minutes=15)
# Queued work that has not started after this long means no worker is running.
WAITING_TOO_LONG = timedelta(minutes=1)


class Job(models.Model):
    """One request for long work (an evidence pack, say) and, when done, its file."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "In progress"
        DONE = "done", "Ready"
        FAILED = "failed", "Not finished"

    ACTIVE = (Status.QUEUED, Status.RUNNING)
    # Where each status may go next; tandem.ops.jobs moves a job only along these.
    TRANSITIONS = {
        Status.QUEUED: {Status.RUNNING, Status.FAILED},
        Status.RUNNING: {Status.DONE, Status.FAILED},
        Status.DONE: set(),
        Status.FAILED: set(),
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=40)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=0)
    step_label = models.CharField(max_length=120, blank=True)
    result = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    result_name = models.CharField(max_length=200, blank=True)
    result_type = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=300, blank=True)
    # The parts the file lacks because they could not be made (a pack's section, say).
    missing = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    heard_from_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["school", "kind", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for school {self.school_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.steps_total:
            return 0
        return min(99, self.steps_done * 100 // self.steps_total)

    @property
    def progress_token(self) -> str:
        """Changes whenever what the progress page shows would change."""

        return f"{self.status}-{self.steps_done}-{int(self.is_waiting_too_long())}"

    @classmethod
    def statuses_before(cls, status: str) -> list[str]:
        """The statuses a job may move to `status` from."""

        return [old for old, onward in cls.TRANSITIONS.items() if status in onward]

    def has_stopped(self, now=None) -> bool:  # noqa: ANN001
        """A running job whose worker has gone quiet for too long will never finish."""

        now = now or timezone.now()
        last = self.heard_from_at or self.started_at or self.created_at
        return self.status == self.Status.RUNNING and now - last > SILENT_FOR

    def is_waiting_too_long(self, now=None) -> bool:  # noqa: ANN001
        now = now or timezone.now()
        return (
            self.status == self.Status.QUEUED
            and now - self.created_at > WAITING_TOO_LONG
        )
