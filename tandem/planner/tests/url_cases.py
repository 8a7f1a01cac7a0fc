"""The planner's rows of the role x URL matrix."""

from __future__ import annotations

from tandem.planner.services import issue_feed_token, revoke_feed_token
from tandem.planner.tests.builders import YEAR, make_activity, make_fgb, make_plan
from tandem.testing import UrlCase, expect

# Planner and meetings: governors read; SENCO, SEN governor, head, SLT and clerk edit.
READ = expect(200, officer=403)
WRITE_FORM = expect(200, governor=403, officer=403)
WRITE_POST = expect(302, governor=403, officer=403)
POST_ONLY_GET = expect(405, governor=403, officer=403)
# Writers get 404 for another school's record; read-only roles are refused first.
OTHER_SCHOOL = expect(404, governor=403, officer=403)
# Everyone who may read the planner manages their own calendar feed.
OWN_FEED_POST = expect(302, officer=403)
# The feed needs no sign-in: only the secret counts.
FEED_LIVE = {persona: 200 for persona in READ}
FEED_DEAD = {persona: 404 for persona in READ}


def _year(world) -> dict:  # noqa: ANN001
    make_plan(world.school)
    return {"year": YEAR}


def _fgb(world) -> dict:  # noqa: ANN001
    return {"year": YEAR, "pk": make_fgb(make_plan(world.school)).pk}


def _other_fgb(world) -> dict:  # noqa: ANN001
    make_plan(world.school)
    return {"year": YEAR, "pk": make_fgb(make_plan(world.other_school)).pk}


def _holiday(world) -> dict:  # noqa: ANN001
    plan = make_plan(world.school)
    return {"year": YEAR, "pk": plan.holidays.first().pk}


def _activity(world) -> dict:  # noqa: ANN001
    return {"year": YEAR, "pk": make_activity(make_plan(world.school)).pk}


def _other_activity(world) -> dict:  # noqa: ANN001
    make_plan(world.school)
    return {"year": YEAR, "pk": make_activity(make_plan(world.other_school)).pk}


def _live_feed(world) -> dict:  # noqa: ANN001
    senco = world.user("senco")
    _token, secret = issue_feed_token(senco, world.school, by=senco)
    return {"secret": secret}


def _revoked_feed(world) -> dict:  # noqa: ANN001
    senco = world.user("senco")
    token, secret = issue_feed_token(senco, world.school, by=senco)
    revoke_feed_token(token, by=senco)
    return {"secret": secret}


def _wrong_feed(world) -> dict:  # noqa: ANN001
    _live_feed(world)
    return {"secret": "not-the-secret-0123456789abcdefghijklmnopq"}


ACTIVITY = {
    "kind": "pupil_voice",
    "title": "Year 6 on transition",
    "date": "2026-12-09",
}
FGB = {"date": "2026-11-24", "time": "18:00"}
HOLIDAY = {"kind": "closure", "name": "Polling day", "first_day": "2027-05-06"}
TERMS = {
    "autumn-first_day": "2026-09-01",
    "autumn-last_day": "2026-12-17",
    "spring-first_day": "2027-01-04",
    "spring-last_day": "2027-03-25",
    "summer-first_day": "2027-04-12",
    "summer-last_day": "2027-07-22",
}


def _with_version(data: dict) -> object:
    return lambda world: {**data, "version": 1}


CASES = [
    UrlCase("planner:planner", READ),
    UrlCase("planner:year", READ, kwargs=_year),
    UrlCase(
        "planner:year",
        READ,
        kwargs=lambda world: {"year": "2030-31"},
        note="a year with no plan yet",
    ),
    UrlCase(
        "planner:year",
        expect(404, officer=403),
        kwargs=lambda world: {"year": "2026-28"},
        note="not an academic year",
    ),
    UrlCase(
        "planner:plan-create",
        WRITE_POST,
        method="post",
        kwargs=lambda world: {"year": YEAR},
    ),
    UrlCase("planner:plan-create", POST_ONLY_GET, kwargs=lambda world: {"year": YEAR}),
    UrlCase("planner:plan-settings", WRITE_FORM, kwargs=_year),
    UrlCase(
        "planner:plan-settings",
        WRITE_POST,
        method="post",
        kwargs=_year,
        data=_with_version(
            {"lead_days": 8, "meeting_time": "15:45", "meeting_minutes": 60}
        ),
    ),
    UrlCase("planner:term-dates", WRITE_FORM, kwargs=_year),
    UrlCase(
        "planner:term-dates",
        WRITE_POST,
        method="post",
        kwargs=_year,
        data=lambda world: TERMS,
    ),
    UrlCase("planner:holiday-create", WRITE_FORM, kwargs=_year),
    UrlCase(
        "planner:holiday-create",
        WRITE_POST,
        method="post",
        kwargs=_year,
        data=lambda world: HOLIDAY,
    ),
    UrlCase("planner:holiday-delete", WRITE_FORM, kwargs=_holiday),
    UrlCase("planner:holiday-delete", WRITE_POST, method="post", kwargs=_holiday),
    UrlCase("planner:fgb-create", WRITE_FORM, kwargs=_year),
    UrlCase(
        "planner:fgb-create",
        WRITE_POST,
        method="post",
        kwargs=_year,
        data=lambda world: FGB,
    ),
    UrlCase("planner:fgb-edit", WRITE_FORM, kwargs=_fgb),
    UrlCase(
        "planner:fgb-edit",
        WRITE_POST,
        method="post",
        kwargs=_fgb,
        data=_with_version({"date": "2026-10-07", "time": "18:30"}),
    ),
    UrlCase(
        "planner:fgb-edit",
        OTHER_SCHOOL,
        kwargs=_other_fgb,
        note="another school's record",
    ),
    UrlCase("planner:fgb-delete", WRITE_FORM, kwargs=_fgb),
    UrlCase("planner:fgb-delete", WRITE_POST, method="post", kwargs=_fgb),
    UrlCase(
        "planner:fgb-delete",
        OTHER_SCHOOL,
        method="post",
        kwargs=_other_fgb,
        note="another school's record",
    ),
    UrlCase("planner:fgb-accept", WRITE_POST, method="post", kwargs=_fgb),
    UrlCase("planner:fgb-accept", POST_ONLY_GET, kwargs=_fgb),
    UrlCase(
        "planner:fgb-accept",
        OTHER_SCHOOL,
        method="post",
        kwargs=_other_fgb,
        note="another school's record",
    ),
    UrlCase("planner:fgb-arrange", WRITE_FORM, kwargs=_fgb),
    UrlCase(
        "planner:fgb-arrange",
        WRITE_POST,
        method="post",
        kwargs=_fgb,
        data=lambda world: {"date": "2026-09-23", "time": "16:00"},
    ),
    UrlCase(
        "planner:fgb-arrange",
        OTHER_SCHOOL,
        kwargs=_other_fgb,
        note="another school's record",
    ),
    UrlCase("planner:activity-create", WRITE_FORM, kwargs=_year),
    UrlCase(
        "planner:activity-create",
        WRITE_POST,
        method="post",
        kwargs=_year,
        data=lambda world: ACTIVITY,
    ),
    UrlCase("planner:activity-edit", WRITE_FORM, kwargs=_activity),
    UrlCase(
        "planner:activity-edit",
        WRITE_POST,
        method="post",
        kwargs=_activity,
        data=_with_version(ACTIVITY),
    ),
    UrlCase(
        "planner:activity-edit",
        OTHER_SCHOOL,
        kwargs=_other_activity,
        note="another school's record",
    ),
    UrlCase("planner:activity-done", WRITE_POST, method="post", kwargs=_activity),
    UrlCase("planner:activity-done", POST_ONLY_GET, kwargs=_activity),
    UrlCase("planner:activity-delete", WRITE_FORM, kwargs=_activity),
    UrlCase("planner:activity-delete", WRITE_POST, method="post", kwargs=_activity),
    UrlCase(
        "planner:activity-delete",
        OTHER_SCHOOL,
        method="post",
        kwargs=_other_activity,
        note="another school's record",
    ),
    UrlCase("planner:grid-pdf", READ, kwargs=_year),
    UrlCase("planner:year-ics", READ, kwargs=_year),
    UrlCase(
        "planner:year-ics",
        expect(404, officer=403),
        kwargs=lambda world: {"year": "2030-31"},
        note="no plan that year",
    ),
    UrlCase("planner:feed-settings", READ),
    UrlCase("planner:feed-issue", OWN_FEED_POST, method="post"),
    UrlCase("planner:feed-revoke", OWN_FEED_POST, method="post"),
    UrlCase("planner:feed", FEED_LIVE, kwargs=_live_feed, note="live secret"),
    UrlCase("planner:feed", FEED_DEAD, kwargs=_revoked_feed, note="revoked secret"),
    UrlCase("planner:feed", FEED_DEAD, kwargs=_wrong_feed, note="wrong secret"),
    UrlCase(
        "planner:feed",
        FEED_DEAD,
        kwargs=_live_feed,
        urn=lambda world: world.other_school.urn,
        note="another school's URN",
    ),
]
