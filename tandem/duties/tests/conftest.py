import datetime as dt

import pytest

from tandem.duties.models import QualificationCourse, SencoRecord
from tandem.schools.models import Membership, School
from tandem.testing import PASSWORD, make_member, make_school

Role = Membership.Role


def make_senco_record(school: School, **overrides: object) -> SencoRecord:
    fields = {"name": "Sam Example", "became_senco": dt.date(2024, 4, 1)}
    fields.update(overrides)
    return SencoRecord.objects.create(school=school, **fields)


def make_course(senco: SencoRecord, **overrides: object) -> QualificationCourse:
    fields = {"kind": "nasenco", "started": dt.date(2024, 1, 8)}
    fields.update(overrides)
    return QualificationCourse.objects.create(record=senco, **fields)


@pytest.fixture
def school(db) -> School:  # noqa: ANN001
    return make_school(name="Larch Lane Primary", urn="123456")


def _client_for(client, school: School, role: str):  # noqa: ANN001, ANN202
    user = make_member(school, role, username=role)
    assert client.login(username=user.username, password=PASSWORD)
    client.user = user
    return client


@pytest.fixture
def senco_client(client, school):  # noqa: ANN001, ANN201
    return _client_for(client, school, Role.SENCO)


@pytest.fixture
def governor_client(client, school):  # noqa: ANN001, ANN201
    return _client_for(client, school, Role.GOVERNOR)


@pytest.fixture
def officer_client(client, school):  # noqa: ANN001, ANN201
    return _client_for(client, school, Role.OFFICER)


@pytest.fixture
def senco(school):  # noqa: ANN001, ANN201
    return make_member(school, Role.SENCO, username="senco-actor")
