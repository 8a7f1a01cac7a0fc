"""The duties map of one school: catalogue duties in force plus its own, with holders.

A duty with no saved assignment shows the catalogue's default holders, marked as not yet
confirmed; saving the duty's form confirms it.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from tandem.duties import venn
from tandem.duties.catalogue import Duty, Question, default_catalogue
from tandem.duties.models import DutyAssignment, ReflectiveAnswer, SchoolDuty
from tandem.schools.models import School


@dataclass(frozen=True)
class MapEntry:
    code: str
    title: str
    summary: str
    citation: str
    url: str
    holders: frozenset[str]
    note: str = ""
    evidence_url: str = ""
    confirmed: bool = False
    statutory: bool = True
    unconfirmed_law: bool = False
    version: int = 0
    own_duty_id: int | None = None

    @property
    def region(self) -> str:
        return venn.region_name(self.holders)

    @property
    def holder_names(self) -> list[str]:
        return [
            venn.HOLDER_LABELS[key] for key in venn.HOLDER_ORDER if key in self.holders
        ]


@dataclass(frozen=True)
class AnsweredQuestion:
    code: str
    text: str
    answer: str
    version: int


@dataclass(frozen=True)
class RegionGroup:
    name: str
    holders: frozenset[str]
    entries: list[MapEntry]


@dataclass(frozen=True)
class DutyMap:
    school: School
    on: dt.date
    entries: list[MapEntry]
    questions: list[AnsweredQuestion]

    @property
    def unheld(self) -> list[MapEntry]:
        return [entry for entry in self.entries if not entry.holders]

    @property
    def unconfirmed(self) -> list[MapEntry]:
        return [entry for entry in self.entries if not entry.confirmed]

    def drawing(self) -> venn.VennLayout:
        return venn.layout({entry.code: entry.holders for entry in self.entries})

    def by_region(self) -> list[RegionGroup]:
        """Groups in a fixed order: all three, pairs, one holder, then nobody."""

        groups = []
        for holders in REGION_ORDER:
            entries = [entry for entry in self.entries if entry.holders == holders]
            if entries:
                groups.append(RegionGroup(venn.region_name(holders), holders, entries))
        return groups

    def counts(self) -> Counter:
        return Counter(len(entry.holders) for entry in self.entries)


REGION_ORDER = [
    frozenset({"gb", "senco", "slt"}),
    frozenset({"gb", "senco"}),
    frozenset({"gb", "slt"}),
    frozenset({"senco", "slt"}),
    frozenset({"gb"}),
    frozenset({"senco"}),
    frozenset({"slt"}),
    frozenset(),
]


def duty_map(school: School, *, on: dt.date) -> DutyMap:
    """Three queries: assignments, the school's own duties, reflective answers."""

    assignments = {a.code: a for a in DutyAssignment.objects.filter(school=school)}
    entries = [
        _catalogue_entry(duty, assignments.get(duty.code))
        for duty in default_catalogue().in_force_on(on)
    ]
    entries += [
        _own_entry(duty, assignments.get(duty.code))
        for duty in SchoolDuty.objects.filter(school=school)
    ]

    return DutyMap(school=school, on=on, entries=entries, questions=_questions(school))


def find_entry(school: School, code: str, *, on: dt.date) -> MapEntry | None:
    return next((e for e in duty_map(school, on=on).entries if e.code == code), None)


def _catalogue_entry(duty: Duty, assignment: DutyAssignment | None) -> MapEntry:
    return MapEntry(
        code=duty.code,
        title=duty.title,
        summary=duty.summary,
        citation=duty.citation,
        url=duty.url,
        holders=assignment.holders if assignment else duty.holders,
        note=assignment.note if assignment else "",
        evidence_url=assignment.evidence_url if assignment else "",
        confirmed=assignment is not None,
        unconfirmed_law=duty.unconfirmed,
        version=assignment.version if assignment else 0,
    )


def _own_entry(duty: SchoolDuty, assignment: DutyAssignment | None) -> MapEntry:
    return MapEntry(
        code=duty.code,
        title=duty.title,
        summary=duty.summary,
        citation="The school's own responsibility",
        url="",
        holders=assignment.holders if assignment else frozenset(),
        note=assignment.note if assignment else "",
        evidence_url=assignment.evidence_url if assignment else "",
        confirmed=True,
        statutory=False,
        version=assignment.version if assignment else 0,
        own_duty_id=duty.pk,
    )


def _questions(school: School) -> list[AnsweredQuestion]:
    answers = {
        a.question_code: a for a in ReflectiveAnswer.objects.filter(school=school)
    }
    return [
        _answered(question, answers.get(question.code))
        for question in default_catalogue().questions
    ]


def _answered(question: Question, answer: ReflectiveAnswer | None) -> AnsweredQuestion:
    return AnsweredQuestion(
        code=question.code,
        text=question.text,
        answer=answer.answer if answer else "",
        version=answer.version if answer else 0,
    )
