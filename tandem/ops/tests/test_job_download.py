"""Downloading a job's file: only members of its school, while they are members."""

import pytest
from django.urls import reverse

from tandem.ops.models import Job
from tandem.ops.tests.builders import make_job
from tandem.schools.models import Membership
from tandem.testing import make_member, make_world

pytestmark = pytest.mark.django_db


class TestJobDownload:
    def test_a_governor_removed_from_the_school_gets_404(self, client) -> None:
        world = make_world()
        governor = world.user("governor")
        job = make_job(world.school, status=Job.Status.DONE, by=governor)
        client.force_login(governor)
        url = reverse(
            "ops:job-download", kwargs={"urn": world.school.urn, "pk": job.pk}
        )
        assert client.get(url).content == b"%PDF-1.7 made for a test"

        Membership.objects.filter(user=governor).delete()

        assert client.get(url).status_code == 404

    @pytest.mark.parametrize("name", ["ops:job-detail", "ops:job-download"])
    def test_another_schools_governor_gets_404_by_either_school(
        self, client, name: str
    ) -> None:
        world = make_world()
        job = make_job(world.school, status=Job.Status.DONE)
        client.force_login(
            make_member(world.other_school, Membership.Role.SEN_GOVERNOR)
        )

        by_its_school = reverse(name, kwargs={"urn": world.school.urn, "pk": job.pk})
        by_their_own = reverse(
            name, kwargs={"urn": world.other_school.urn, "pk": job.pk}
        )

        assert client.get(by_its_school).status_code == 404
        assert client.get(by_their_own).status_code == 404
