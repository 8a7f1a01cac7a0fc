"""Every change to the duties map, reflective answers and the SENCO's record."""

import datetime as dt
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from tandem.audit.services import changed_from_stored, record
from tandem.duties.catalogue import default_catalogue
from tandem.duties.models import (
    HOLDER_FIELDS,
    DutyAssignment,
    QualificationCourse,
    ReflectiveAnswer,
    SchoolDuty,
    SencoRecord,
    holder_fields,
)
from tandem.lib.concurrency import StaleEdit, save_versioned
from tandem.schools.models import School

logger = logging.getLogger(__name__)
ASSIGNMENT_FIELDS = [*HOLDER_FIELDS.values(), "note", "evidence_url"]
SENCO_FIELDS = [
    "name",
    "became_senco",
    "is_head",
    "qts",
    "induction",
    "teaches_here",
    "prior_months",
]
COURSE_FIELDS = ["kind", "started", "expected", "completed", "provider"]


class UnknownDuty(ValueError):
    """The code is neither a catalogue duty nor one of the school's own."""


@transaction.atomic
def set_duty_holders(
    school: School,
    code: str,
    *,
    by: AbstractBaseUser,
    holders: frozenset[str],
    note: str,
    evidence_url: str,
    expected_version: int,
) -> DutyAssignment:
    """Record who holds a duty. `expected_version` 0 means none was saved before."""

    _check_code(school, code)
    values = {**holder_fields(holders), "note": note, "evidence_url": evidence_url}
    if expected_version == 0:
        assignment = _create_assignment(school, code, values)
        changed = ASSIGNMENT_FIELDS
    else:
        assignment = DutyAssignment.objects.get(school=school, code=code)
        changed = [
            name
            for name in ASSIGNMENT_FIELDS
            if getattr(assignment, name) != values[name]
        ]
        for name, value in values.items():
            setattr(assignment, name, value)
        save_versioned(assignment, ASSIGNMENT_FIELDS, expected=expected_version)

    record("duties.assignment.saved", assignment, by=by, code=code, changed=changed)
    logger.info("Duty assignment %s: saved for school %s", assignment.pk, school.pk)

    return assignment


def _create_assignment(school: School, code: str, values: dict) -> DutyAssignment:
    try:
        with transaction.atomic():
            return DutyAssignment.objects.create(school=school, code=code, **values)
    except IntegrityError:
        # Someone saved this duty first while the form was open.
        raise StaleEdit() from None


def _check_code(school: School, code: str) -> None:
    if code in default_catalogue().codes:
        return
    if not SchoolDuty.objects.filter(school=school, code=code).exists():
        raise UnknownDuty(f"No duty {code} at this school.")


@transaction.atomic
def add_school_duty(
    school: School,
    *,
    by: AbstractBaseUser,
    title: str,
    summary: str,
    holders: frozenset[str],
) -> SchoolDuty:
    """Add one of the school's own responsibilities, numbered S01, S02, ..."""

    duty = SchoolDuty.objects.create(
        school=school, code=_next_own_code(school), title=title, summary=summary
    )
    DutyAssignment.objects.create(
        school=school, code=duty.code, **holder_fields(holders)
    )

    record("duties.school_duty.added", duty, by=by, code=duty.code)
    logger.info("School duty %s: added to school %s", duty.pk, school.pk)

    return duty


def _next_own_code(school: School) -> str:
    # Lock the school row so two additions at once cannot take the same number.
    School.objects.select_for_update().filter(pk=school.pk).first()
    numbers = [
        int(code[1:])
        for code in SchoolDuty.objects.filter(school=school).values_list(
            "code", flat=True
        )
    ]
    return f"S{max(numbers, default=0) + 1:02d}"


@transaction.atomic
def remove_school_duty(duty: SchoolDuty, *, by: AbstractBaseUser) -> None:
    school, duty_id, code = duty.school, duty.pk, duty.code
    DutyAssignment.objects.filter(school=school, code=code).delete()
    duty.delete()

    record(
        "duties.school_duty.removed",
        None,
        by=by,
        school=school,
        school_duty=duty_id,
        code=code,
    )
    logger.info("School duty %s: removed from school %s", duty_id, school.pk)


@transaction.atomic
def save_reflective_answers(
    school: School,
    *,
    by: AbstractBaseUser,
    answers: dict[str, str],
    expected_versions: dict[str, int],
) -> list[str]:
    """Save the answers that changed; returns their question codes."""

    known = {question.code for question in default_catalogue().questions}
    stored = {
        a.question_code: a for a in ReflectiveAnswer.objects.filter(school=school)
    }
    changed = []
    for code, text in sorted(answers.items()):
        if code not in known:
            raise ValueError(f"No reflective question {code}.")
        if _save_answer(school, code, text, stored.get(code), expected_versions[code]):
            changed.append(code)

    if changed:
        record("duties.reflection.saved", None, by=by, school=school, changed=changed)
    return changed


def _save_answer(
    school: School, code: str, text: str, stored: ReflectiveAnswer | None, expected: int
) -> bool:
    if stored is None:
        if expected != 0:
            raise StaleEdit()
        if not text:
            return False
        try:
            with transaction.atomic():
                ReflectiveAnswer.objects.create(
                    school=school, question_code=code, answer=text
                )
        except IntegrityError:
            raise StaleEdit() from None  # another person answered first
        return True
    if stored.version != expected:
        raise StaleEdit()
    if stored.answer == text:
        return False
    stored.answer = text
    save_versioned(stored, ["answer"], expected=expected)
    return True


@transaction.atomic
def designate_senco(school: School, *, by: AbstractBaseUser, **fields) -> SencoRecord:
    """Record a new SENCO; the current record, if any, ends the day before."""

    current = SencoRecord.objects.select_for_update().filter(
        school=school, ended_on__isnull=True
    )
    for previous in current:
        previous.ended_on = max(
            fields["became_senco"] - dt.timedelta(days=1), previous.became_senco
        )
        previous.save(update_fields=["ended_on"])
        record("duties.senco.ended", previous, by=by)
    senco = SencoRecord(school=school, **fields)
    senco.full_clean()
    senco.save()

    record("duties.senco.designated", senco, by=by)
    logger.info("SENCO record %s: created for school %s", senco.pk, school.pk)

    return senco


@transaction.atomic
def update_senco_record(
    senco: SencoRecord, *, by: AbstractBaseUser, expected_version: int, **fields
) -> SencoRecord:
    changed = changed_from_stored(senco, {n: fields[n] for n in SENCO_FIELDS})
    for name in SENCO_FIELDS:
        setattr(senco, name, fields[name])
    save_versioned(senco, SENCO_FIELDS, expected=expected_version)

    record("duties.senco.updated", senco, by=by, changed=changed)

    return senco


@transaction.atomic
def add_course(
    senco: SencoRecord, *, by: AbstractBaseUser, **fields
) -> QualificationCourse:
    course = QualificationCourse.objects.create(record=senco, **fields)

    record("duties.course.added", course, by=by, school=senco.school, senco=senco.pk)
    logger.info(
        "Qualification course %s: added to SENCO record %s", course.pk, senco.pk
    )

    return course


@transaction.atomic
def update_course(
    course: QualificationCourse,
    *,
    by: AbstractBaseUser,
    expected_version: int,
    **fields,
) -> QualificationCourse:
    changed = changed_from_stored(course, {n: fields[n] for n in COURSE_FIELDS})
    for name in COURSE_FIELDS:
        setattr(course, name, fields[name])
    save_versioned(course, COURSE_FIELDS, expected=expected_version)

    record(
        "duties.course.updated",
        course,
        by=by,
        school=course.record.school,
        changed=changed,
    )

    return course


@transaction.atomic
def remove_course(course: QualificationCourse, *, by: AbstractBaseUser) -> None:
    school, course_id, senco_id = course.record.school, course.pk, course.record_id
    course.delete()

    record(
        "duties.course.removed",
        None,
        by=by,
        school=school,
        course=course_id,
        senco=senco_id,
    )
    logger.info(
        "Qualification course %s: removed from SENCO record %s", course_id, senco_id
    )
