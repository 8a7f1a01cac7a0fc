"""Role x URL cases for jobs: the evidence pack is open to everyone who reads both
documents and meetings (not trust or local-authority officers)."""

from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.testing import UrlCase, expect

PACK = expect(200, officer=403)
PACK_START = expect(302, officer=403)


def _start(world) -> dict:  # noqa: ANN001
    return {"kind": "evidence-pack"}


def _running(world) -> dict:  # noqa: ANN001
    return {"pk": make_job(world.school, status=Job.Status.RUNNING).pk}


def _done(world) -> dict:  # noqa: ANN001
    return {"pk": make_job(world.school, status=Job.Status.DONE).pk}


def _other_schools(world) -> dict:  # noqa: ANN001
    return {"pk": make_job(world.other_school, status=Job.Status.DONE).pk}


CASES = [
    UrlCase("ops:job-start", PACK_START, method="post", kwargs=_start),
    UrlCase(
        "ops:job-start",
        expect(403, outsider=404, anonymous=302),
        method="post",
        kwargs=lambda world: {"kind": "no-such-kind"},
        note="a kind nobody offers",
    ),
    UrlCase(
        "ops:job-start",
        expect(405),
        kwargs=_start,
        note="starting work needs a post",
    ),
    UrlCase("ops:job-detail", PACK, kwargs=_running),
    UrlCase("ops:job-download", PACK, kwargs=_done),
    UrlCase(
        "ops:job-download",
        expect(404),
        kwargs=_other_schools,
        note="another school's pack",
    ),
    UrlCase(
        "ops:job-detail",
        expect(404),
        kwargs=_other_schools,
        note="another school's job",
    ),
]
