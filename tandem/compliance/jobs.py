"""The inspection evidence pack is prepared in the background: it takes a while."""

from tandem.compliance import evidence_pack
from tandem.compliance.permissions import may_have_evidence_pack
from tandem.lib.calendar import london_today
from tandem.ops.jobs import JobKind, JobOutput, StepReporter
from tandem.schools.models import School


def prepare_evidence_pack(school: School, on_step: StepReporter) -> JobOutput:
    today = london_today()
    pack = evidence_pack.build(school, today=today, on_step=on_step)
    filename = f"evidence-pack-{school.urn}-{today:%Y-%m-%d}.pdf"

    return JobOutput(pack.pdf, filename, "application/pdf", missing=pack.missing)


EVIDENCE_PACK = JobKind(
    name="evidence-pack",
    title="Inspection evidence pack",
    allowed=may_have_evidence_pack,
    run=prepare_evidence_pack,
    back_to="compliance:document-list",
    back_label="the documents",
)
JOB_KINDS = [EVIDENCE_PACK]
