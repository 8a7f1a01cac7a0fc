from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from tandem.lib.calendar import FinancialYearKind


class School(models.Model):
    class Phase(models.TextChoices):
        NURSERY = "nursery", "Nursery"
        PRIMARY = "primary", "Primary"
        SECONDARY = "secondary", "Secondary"
        ALL_THROUGH = "all_through", "All-through"
        POST_16 = "post_16", "16 plus"

    class Provision(models.TextChoices):
        MAINSTREAM = "mainstream", "Mainstream"
        SPECIAL = "special", "Special"

    class Governance(models.TextChoices):
        MAINTAINED = "maintained", "Maintained school"
        ACADEMY = "academy", "Academy"
        MAINTAINED_NURSERY = "maintained_nursery", "Maintained nursery school"

    name = models.CharField(max_length=200)
    urn = models.CharField(
        "URN",
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^\d{6,8}$", "A URN is six to eight digits.")],
    )
    phase = models.CharField(max_length=20, choices=Phase.choices)
    provision = models.CharField(max_length=20, choices=Provision.choices)
    governance = models.CharField(max_length=20, choices=Governance.choices)
    local_authority = models.CharField(max_length=100, blank=True)
    suppression_threshold = models.PositiveSmallIntegerField(
        default=settings.TANDEM_DEFAULT_SUPPRESSION_THRESHOLD,
        help_text="Governor-facing counts below this number are shown as “fewer than N”.",
    )
    paper_colour = models.CharField(
        max_length=7,
        default="#ffffff",
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", "Give a colour such as #fff8e1.")
        ],
        help_text="The paper colour of printed records, as the governing body pack uses.",
    )
    require_two_factor = models.BooleanField(
        "Require two-factor sign-in",
        default=False,
        help_text="Everyone who can change this school's records must use an authenticator app.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def financial_year_kind(self) -> FinancialYearKind:
        if self.governance == self.Governance.ACADEMY:
            return FinancialYearKind.SEPTEMBER
        return FinancialYearKind.APRIL

    @property
    def is_relevant_school(self) -> bool:
        """A mainstream school or maintained nursery (SEND Regulations 2014, reg 2)."""

        return (
            self.provision == self.Provision.MAINSTREAM
            or self.governance == self.Governance.MAINTAINED_NURSERY
        )


class Membership(models.Model):
    class Role(models.TextChoices):
        SENCO = "senco", "SENCO"
        SEN_GOVERNOR = "sen_governor", "SEN governor"
        GOVERNOR = "governor", "Governor"
        HEADTEACHER = "headteacher", "Headteacher"
        SENIOR_LEADER = "senior_leader", "Senior leader"
        CLERK = "clerk", "Clerk to governors"
        OFFICER = "officer", "Trust or local authority officer"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    also_governor = models.BooleanField(
        default=False,
        help_text="A headteacher who sits on the governing body may sign off.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school"], name="one_role_per_school"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.school}"


class TeamMember(models.Model):
    """A person on the school's SEND team, from the toolkit's "who's on my team?" activity."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=150)
    strengths = models.TextField("Core strengths", blank=True)
    support_areas = models.TextField("Areas for support", blank=True)
    notes = models.TextField("Notes from the reflective activity", blank=True)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name
