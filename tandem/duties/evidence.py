"""The duties map in the inspection evidence pack."""

import datetime as dt

from tandem.duties.exports import map_pdf
from tandem.lib.evidence import EvidenceSection
from tandem.schools.models import School

# Shown while the pack is being prepared.
PROGRESS_LABEL = "The statutory duties map"


def sections(school: School, *, today: dt.date) -> list[EvidenceSection]:
    pdf = map_pdf(school, today=today)
    return [EvidenceSection(title="Statutory duties map", pdf=pdf, order=20)]
