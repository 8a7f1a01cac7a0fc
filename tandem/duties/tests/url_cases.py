import datetime as dt

from tandem.duties.models import QualificationCourse, SchoolDuty, SencoRecord
from tandem.testing import UrlCase, expect

READ_ALL = expect(200)
WRITERS = ("senco", "sen_governor", "headteacher", "senior_leader")
MAP_FORM = expect(403, **dict.fromkeys(WRITERS, 200))
MAP_POST = expect(403, **dict.fromkeys(WRITERS, 302))
MAP_OTHER_SCHOOL = expect(403, **dict.fromkeys(WRITERS, 404))
QUALIFICATION_READ = expect(
    403, senco=200, sen_governor=200, headteacher=200, senior_leader=200, officer=200
)
LEADERS = ("senco", "headteacher", "senior_leader")
QUALIFICATION_FORM = expect(403, **dict.fromkeys(LEADERS, 200))
QUALIFICATION_POST = expect(403, **dict.fromkeys(LEADERS, 302))
QUALIFICATION_OTHER_SCHOOL = expect(403, **dict.fromkeys(LEADERS, 404))

HOLDERS_POST = {
    "holders": ["gb", "senco"],
    "note": "",
    "evidence_url": "",
    "version": 0,
}
OWN_DUTY_POST = {"title": "Coffee morning", "summary": "", "holders": ["senco"]}
SENCO_POST = {
    "name": "Sam Example",
    "became_senco": "2024-04-01",
    "qts": "on",
    "induction": "yes",
    "teaches_here": "on",
    "prior_months": "0",
}
COURSE_POST = {"kind": "npq", "started": "2024-10-01", "expected": "", "completed": ""}


def _own_duty(school) -> dict:  # noqa: ANN001
    duty = SchoolDuty.objects.create(school=school, code="S01", title="Coffee morning")
    return {"pk": duty.pk}


def _other_schools_own_code(world) -> dict:  # noqa: ANN001
    _own_duty(world.other_school)
    return {"code": "S01"}


def _senco(school) -> SencoRecord:  # noqa: ANN001
    return SencoRecord.objects.create(
        school=school, name="Sam Example", became_senco=dt.date(2024, 4, 1)
    )


def _course(school) -> dict:  # noqa: ANN001
    course = QualificationCourse.objects.create(
        record=_senco(school), kind="npq", started=dt.date(2024, 10, 1)
    )
    return {"pk": course.pk}


def _map_cases(name: str, kwargs=lambda world: {}, data=lambda world: {}) -> list:  # noqa: ANN001
    return [
        UrlCase(name, MAP_FORM, kwargs=kwargs),
        UrlCase(name, MAP_POST, method="post", kwargs=kwargs, data=data),
    ]


def _qualification_cases(name: str, kwargs, data, other) -> list:  # noqa: ANN001
    return [
        UrlCase(name, QUALIFICATION_FORM, kwargs=kwargs),
        UrlCase(name, QUALIFICATION_POST, method="post", kwargs=kwargs, data=data),
        UrlCase(name, QUALIFICATION_OTHER_SCHOOL, kwargs=other,
                note="another school's record"),
    ]  # fmt: skip


CASES = [
    UrlCase("duties:duty-map", READ_ALL),
    UrlCase("duties:duty-map-pdf", READ_ALL),
    UrlCase("duties:duty-map-docx", READ_ALL),
    *_map_cases(
        "duties:duty-edit",
        kwargs=lambda world: {"code": "D07"},
        data=lambda world: HOLDERS_POST,
    ),
    UrlCase(
        "duties:duty-edit",
        MAP_OTHER_SCHOOL,
        kwargs=lambda world: {"code": "D99"},
        note="no such duty",
    ),
    UrlCase(
        "duties:duty-edit",
        MAP_OTHER_SCHOOL,
        kwargs=_other_schools_own_code,
        note="another school's own duty",
    ),
    *_map_cases("duties:school-duty-create", data=lambda world: OWN_DUTY_POST),
    *_map_cases(
        "duties:school-duty-delete", kwargs=lambda world: _own_duty(world.school)
    ),
    UrlCase(
        "duties:school-duty-delete",
        MAP_OTHER_SCHOOL,
        method="post",
        kwargs=lambda world: _own_duty(world.other_school),
        note="another school's record",
    ),
    *_map_cases(
        "duties:reflection-edit",
        data=lambda world: {"Q1": "Yes.", **{f"Q{n}_version": 0 for n in range(1, 7)}},
    ),
    UrlCase("duties:qualification", QUALIFICATION_READ),
    UrlCase("duties:senco-create", QUALIFICATION_FORM),
    UrlCase(
        "duties:senco-create",
        QUALIFICATION_POST,
        method="post",
        data=lambda world: SENCO_POST,
    ),
    *_qualification_cases(
        "duties:senco-edit",
        kwargs=lambda world: {"pk": _senco(world.school).pk},
        data=lambda world: {**SENCO_POST, "version": 1},
        other=lambda world: {"pk": _senco(world.other_school).pk},
    ),
    *_qualification_cases(
        "duties:course-create",
        kwargs=lambda world: {"pk": _senco(world.school).pk},
        data=lambda world: COURSE_POST,
        other=lambda world: {"pk": _senco(world.other_school).pk},
    ),
    *_qualification_cases(
        "duties:course-edit",
        kwargs=lambda world: _course(world.school),
        data=lambda world: {**COURSE_POST, "version": 1},
        other=lambda world: _course(world.other_school),
    ),
    *_qualification_cases(
        "duties:course-delete",
        kwargs=lambda world: _course(world.school),
        data=lambda world: {},
        other=lambda world: _course(world.other_school),
    ),
]
