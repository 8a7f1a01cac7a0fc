"""The governing body's sign-off of one exact document version."""

from django.conf import settings
from django.db import models

from tandem.compliance import hashing
from tandem.compliance.models.document import DocumentVersion
from tandem.compliance.models.locking import Locked


class InvalidTransition(Exception):
    """A sign-off was asked to move to a status its current status does not allow."""


class SignOff(models.Model):
    """A compliance statement for a version, and the governors asked to confirm it.

    Bound to the version's SHA-256 when it is requested. Once every named governor has
    confirmed, it is complete: it can then be neither edited nor deleted.
    """

    class Status(models.TextChoices):
        COLLECTING = "collecting", "Awaiting confirmations"
        COMPLETE = "complete", "Signed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    TRANSITIONS = {
        Status.COLLECTING: {Status.COMPLETE, Status.WITHDRAWN},
        Status.COMPLETE: set(),
        Status.WITHDRAWN: set(),
    }

    document_version = models.ForeignKey(
        DocumentVersion, on_delete=models.PROTECT, related_name="sign_offs"
    )
    statement = models.TextField()
    sha256 = models.CharField("SHA-256 signed", max_length=64)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.COLLECTING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document_version"],
                condition=~models.Q(status="withdrawn"),
                name="one_live_sign_off_per_version",
            ),
        ]

    def __str__(self) -> str:
        return f"Sign-off of {self.document_version}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            stored = SignOff.objects.filter(pk=self.pk).values_list("status", flat=True)
            if stored.first() != self.Status.COLLECTING:
                raise Locked("A completed or withdrawn sign-off cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # noqa: ANN201
        raise Locked("A sign-off cannot be deleted; withdraw it instead.")

    def transition_to(self, status: str) -> None:
        if status not in self.TRANSITIONS[self.Status(self.status)]:
            raise InvalidTransition(
                f"A sign-off that is {self.get_status_display().lower()} cannot "
                f"become {self.Status(status).label.lower()}."
            )
        self.status = status

    @property
    def school(self):  # noqa: ANN201
        return self.document_version.document.school

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.COMPLETE

    @property
    def is_bound_to_version(self) -> bool:
        """The digest signed is the digest of the version it belongs to."""

        return hashing.digests_match(self.sha256, self.document_version.sha256)

    @property
    def grouped_hash(self) -> str:
        return hashing.grouped(self.sha256)

    def outstanding(self) -> list["Signatory"]:
        return [s for s in self.signatories.all() if s.confirmed_at is None]


class Signatory(models.Model):
    """A governor named on a sign-off, and their confirmation once given."""

    sign_off = models.ForeignKey(
        SignOff, on_delete=models.PROTECT, related_name="signatories"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=100)
    confirmed_on = models.DateField("Date signed", null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["sign_off", "user"], name="one_line_per_governor"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} on {self.sign_off}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            stored = Signatory.objects.filter(pk=self.pk).values_list(
                "confirmed_at", flat=True
            )
            if stored.first() is not None:
                raise Locked("A governor's confirmation cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # noqa: ANN201
        raise Locked("A governor cannot be removed from a sign-off.")

    @property
    def recorded_by_clerk(self) -> bool:
        return self.recorded_by_id is not None and self.recorded_by_id != self.user_id
