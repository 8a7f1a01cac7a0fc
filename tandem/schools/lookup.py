"""Finding a school from a command's --school URN, with one message when there is none."""

from django.core.management.base import CommandError

from tandem.schools.models import School


def school_by_urn(urn: object) -> School:
    """The school with this URN; a CommandError (exit code 2) naming the URN if none."""

    text = str(urn).strip()
    school = School.objects.filter(urn=text).first()
    if school is None:
        raise CommandError(f"No school has URN {text}.", returncode=2)

    return school
