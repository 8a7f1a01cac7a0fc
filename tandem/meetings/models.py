import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tandem.lib.calendar import LONDON
from tandem.meetings.rules import SHARE_DAYS_BEFORE
from tandem.meetings.timebox import MAX_ITEM_MINUTES


class InvalidTransition(Exception):
    """A status change the lifecycle does not allow."""


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
    share_days_before = models.PositiveSmallIntegerField(
        "Share the agenda this many days before", default=SHARE_DAYS_BEFORE
    )
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


class AgendaItem(models.Model):
    """One item on a meeting's agenda, with its time box and, after the meeting, its record."""

    class Kind(models.TextChoices):
        INFORMATION = "information", "Information"
        DISCUSSION = "discussion", "Discussion"
        DECISION = "decision", "Decision"

    class Standing(models.TextChoices):
        NONE = "", "Not a standing item"
        ACTIONS_REVIEW = "actions_review", "Review of open actions"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.DISCUSSION
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    minutes = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_ITEM_MINUTES)],
    )
    standing = models.CharField(max_length=20, choices=Standing.choices, blank=True)
    key_points = models.TextField(blank=True)
    decision = models.TextField("Decision taken", blank=True)
    rationale = models.TextField("Why this option", blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=models.Q(standing="actions_review"),
                name="one_actions_review_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def school(self):  # noqa: ANN201
        return self.meeting.school

    @property
    def is_actions_review(self) -> bool:
        return self.standing == self.Standing.ACTIONS_REVIEW


def paper_path(paper: "AgendaPaper", filename: str) -> str:
    # The stored name never carries the uploaded name: that is kept in `name`.
    return f"meeting-papers/{paper.item.meeting.school_id}/{uuid.uuid4().hex}"


class AgendaPaper(models.Model):
    """A paper attached to an agenda item; served only through a permission-checked view."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="papers"
    )
    file = models.FileField(upload_to=paper_path, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def school(self):  # noqa: ANN201
        return self.item.meeting.school


class DecisionOption(models.Model):
    """An option prepared for a decision item, with its advantages and disadvantages."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    advantages = models.TextField(blank=True)
    disadvantages = models.TextField(blank=True)
    chosen = models.BooleanField(default=False)

    class Meta:
        ordering = ["item", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def school(self):  # noqa: ANN201
        return self.item.meeting.school


class ParkedItem(models.Model):
    """A point raised off the agenda: parked, then carried to a later agenda or closed."""

    class Status(models.TextChoices):
        PARKED = "parked", "Parked"
        CARRIED = "carried", "On a later agenda"
        CLOSED = "closed", "Closed"

    TRANSITIONS = {
        Status.PARKED: {Status.CARRIED, Status.CLOSED},
        Status.CARRIED: {Status.PARKED},  # its agenda item was removed or parked
        Status.CLOSED: {Status.PARKED},
    }

    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="+"
    )
    raised_in = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="parked"
    )
    text = models.CharField(max_length=300)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PARKED
    )
    carried_to = models.OneToOneField(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="from_parked",
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text

    def transition_to(self, status: str) -> None:
        if status not in self.TRANSITIONS[self.Status(self.status)]:
            raise InvalidTransition(
                f"A point that is {self.get_status_display().lower()} cannot become "
                f"{self.Status(status).label.lower()}."
            )
        self.status = status


class ActionItem(models.Model):
    """An agreed action: one record, linked to every agenda it is carried onto."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        WITHDRAWN = "withdrawn", "Withdrawn"

    TRANSITIONS = {
        Status.OPEN: {Status.DONE, Status.WITHDRAWN},
        Status.DONE: {Status.OPEN},
        Status.WITHDRAWN: {Status.OPEN},
    }

    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, related_name="+"
    )
    raised_in = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="raised"
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    description = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="tandem_actions",
    )
    due_on = models.DateField("Due by")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(null=True, blank=True)
    closed_in = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="closed"
    )
    agendas = models.ManyToManyField(
        Meeting, through="CarriedAction", related_name="carried_actions"
    )
    reminded_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["school", "status", "due_on"])]

    def __str__(self) -> str:
        return self.description

    @property
    def reference(self) -> str:
        return f"A{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def transition_to(self, status: str) -> None:
        if status not in self.TRANSITIONS[self.Status(self.status)]:
            raise InvalidTransition(
                f"An action that is {self.get_status_display().lower()} cannot become "
                f"{self.Status(status).label.lower()}."
            )
        self.status = status


class CarriedAction(models.Model):
    """An action on a later meeting's agenda: the link, never a copy of the action."""

    action = models.ForeignKey(
        ActionItem, on_delete=models.CASCADE, related_name="links"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    carried_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "meeting"], name="carried_once")
        ]

    def __str__(self) -> str:
        return f"Action {self.action_id} on meeting {self.meeting_id}"


class MeetingRecord(models.Model):
    """The one-page record of a meeting; key points live on its agenda items."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="record"
    )
    attendees = models.TextField(blank=True)
    apologies = models.TextField(blank=True)
    any_other_business = models.TextField(blank=True)
    next_meeting_on = models.DateField(
        "Date of the next meeting", null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"Record of {self.meeting}"

    @property
    def school(self):  # noqa: ANN201
        return self.meeting.school


class AgendaShare(models.Model):
    """A record that the agenda and papers went out, to whom and when."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="shares"
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    shared_at = models.DateTimeField(auto_now_add=True)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")

    class Meta:
        ordering = ["-shared_at", "-pk"]

    def __str__(self) -> str:
        return f"Agenda of meeting {self.meeting_id} shared"

    @property
    def school(self):  # noqa: ANN201
        return self.meeting.school
