"""The inspection evidence pack: every app's sections behind one contents page."""

import logging
from dataclasses import dataclass
from datetime import date

from tandem.compliance.pack import PackPart, assemble_pack, weasyprint_contents
from tandem.lib.evidence import EvidenceSection, listening
from tandem.lib.pdf import render_pdf
from tandem.ops.jobs import JobClosed, StepReporter
from tandem.schools.models import School
from tandem.schools.plugins import app_modules

logger = logging.getLogger(__name__)
HEADING = "Inspection evidence pack"


@dataclass(frozen=True)
class EvidencePack:
    pdf: bytes
    missing: tuple[str, ...]  # sections that could not be prepared, by progress label


def _no_reporting(label: str, done: int, total: int) -> None:
    """Where nobody is watching (the command line), steps go unreported."""


def gather(
    school: School, *, today: date, on_step: StepReporter = _no_reporting
) -> list[EvidenceSection]:
    """Sections from each app's `evidence.py`, in order, reporting one step per app and
    a last step for putting them together. An app's `still_working()` reports its step
    again, which tells the job it is alive."""

    modules = list(app_modules("evidence"))
    total = len(modules) + 1
    found: list[EvidenceSection] = []
    for done, module in enumerate(modules):
        label = _label(module)
        on_step(label, done, total)
        with listening(lambda label=label, done=done: on_step(label, done, total)):
            found.extend(_sections_from(module, school, today=today))
    on_step("Putting the pack together", len(modules), total)

    return sorted(found, key=lambda section: section.order)


def _label(module) -> str:  # noqa: ANN001
    app = module.__name__.removeprefix("tandem.").split(".")[0]
    return getattr(module, "PROGRESS_LABEL", app.capitalize())


def _sections_from(module, school: School, *, today: date) -> list[EvidenceSection]:  # noqa: ANN001
    try:
        return list(module.sections(school, today=today))
    except JobClosed:
        raise  # the job was closed meanwhile: nobody wants the pack now
    except Exception:
        # One app's failure must not stop the pack; the gap is printed and logged.
        logger.exception(
            "Evidence pack: %s failed for school %s", module.__name__, school.pk
        )
        return [_missing_section(module, school)]


def _missing_section(module, school: School) -> EvidenceSection:  # noqa: ANN001
    app = module.__name__.removeprefix("tandem.").split(".")[0]
    context = {"school": school, "app": app}
    pdf = render_pdf("compliance/print/missing_section.html", context)

    return EvidenceSection(
        title=f"Section not available ({app})",
        pdf=pdf,
        order=99,
        stands_in_for=_label(module),
    )


def build(
    school: School, *, today: date, on_step: StepReporter = _no_reporting
) -> EvidencePack:
    """The pack, and the names of the sections that could not be prepared (each has a
    page saying so in its place)."""

    sections = gather(school, today=today, on_step=on_step)
    missing = tuple(s.stands_in_for for s in sections if s.stands_in_for)
    parts = [PackPart(section.title, section.pdf) for section in sections]
    contents = weasyprint_contents(
        heading=HEADING,
        school_name=school.name,
        generated_on=today,
        paper=school.paper_colour,
    )
    footer = f"{HEADING} · {today:%d/%m/%Y}"
    logger.info("Evidence pack: building for school %s", school.pk)
    pdf = assemble_pack(parts, render_contents=contents, footer=footer)

    return EvidencePack(pdf, missing)
