from django import template

register = template.Library()

# Words in action codes that read better spelt out.
WORDS = {
    "senco": "SENCO",
    "sir": "SEN Information Report",
    "fgb": "FGB meeting",
    "signoff": "sign-off",
    "ehc": "EHC",
    "documentversion": "document version",
    "two_factor": "two-factor sign-in",
    "ics": "calendar",
}


@register.filter
def action_label(code: str) -> str:
    """ "schools.team_member.updated" reads as "Team member updated"."""

    *_, thing, verb = code.split(".") if "." in code else (code, "")
    words = f"{_spell(thing)} {verb.replace('_', ' ')}".strip()

    return words[:1].upper() + words[1:]


@register.filter
def field_names(names: list[str] | None) -> str:
    """["last_reviewed_on", "next_review_on"] reads as "last reviewed on, next review on"."""

    return ", ".join(_spell(name) for name in names or [])


def _spell(name: str) -> str:
    return WORDS.get(name, name.replace("_", " "))
