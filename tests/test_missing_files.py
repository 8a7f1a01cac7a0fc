"""A stored file that has gone (deleted by hand, lost from shared storage) gives a 404
page that says so, from every view that serves one, never a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tandem.compliance.tests.builders import make_document, make_version
from tandem.meetings import services as meetings
from tandem.meetings.tests.builders import make_item, make_meeting
from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.testing import make_world

pytestmark = pytest.mark.django_db
MISSING = "The stored file is missing."


def _job(world):  # noqa: ANN001, ANN202
    job = make_job(world.school, status=Job.Status.DONE)
    url = reverse("ops:job-download", kwargs={"urn": world.school.urn, "pk": job.pk})
    return job.result, url


def _version(world):  # noqa: ANN001, ANN202
    senco = world.user("senco")
    version = make_version(make_document(world.school, by=senco), by=senco)
    kwargs = {"urn": world.school.urn, "pk": version.document.pk, "number": 1}
    return version.file, reverse("compliance:version-download", kwargs=kwargs)


def _paper(world):  # noqa: ANN001, ANN202
    meeting = make_meeting(world.school)
    upload = SimpleUploadedFile("costs.txt", b"totals only", "text/plain")
    paper = meetings.attach_paper(make_item(meeting), by=None, upload=upload)
    kwargs = {"urn": world.school.urn, "pk": meeting.pk, "paper_pk": paper.pk}
    return paper.file, reverse("meetings:paper-download", kwargs=kwargs)


@pytest.mark.parametrize("stored", [_job, _version, _paper], ids=lambda f: f.__name__)
def test_a_download_whose_file_is_gone_says_so(stored, client, caplog) -> None:  # noqa: ANN001
    world = make_world()
    field, url = stored(world)
    client.force_login(world.user("senco"))
    assert client.get(url).status_code == 200
    field.storage.delete(field.name)

    response = client.get(url)

    assert response.status_code == 404
    assert MISSING in response.content.decode()
    assert "Stored file missing:" in caplog.text
