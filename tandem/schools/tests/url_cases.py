from tandem.testing import UrlCase, expect, make_team_member

TEAM_READ = expect(403, senco=200, sen_governor=200, headteacher=200, senior_leader=200)
TEAM_WRITE_FORM = expect(403, senco=200, headteacher=200, senior_leader=200)
TEAM_WRITE_POST = expect(403, senco=302, headteacher=302, senior_leader=302)
# Writers get 404 for another school's record; roles that may not write are refused first.
OTHER_SCHOOL = expect(403, senco=404, headteacher=404, senior_leader=404)
LEADERS_READ = expect(403, senco=200, headteacher=200, senior_leader=200)
SETTINGS_POST = expect(403, senco=302, headteacher=302)
SETTINGS = {"paper_colour": "#fff8e1", "suppression_threshold": 5}
ANYONE = expect(200, anonymous=200, outsider=200)
NEW_MEMBER = {
    "name": "Siân Ó Briain",
    "role": "Teaching assistant",
    "strengths": "",
    "support_areas": "",
    "notes": "",
}


def _member(world) -> dict:  # noqa: ANN001
    return {"pk": make_team_member(world.school).pk}


def _other_school_member(world) -> dict:  # noqa: ANN001
    return {"pk": make_team_member(world.other_school).pk}


def _edit_data(world) -> dict:  # noqa: ANN001
    return {**NEW_MEMBER, "version": 1}


CASES = [
    UrlCase("home", expect(302, officer=200, outsider=302), urn=lambda world: None),
    UrlCase("login", expect(200, anonymous=200, outsider=200), urn=lambda world: None),
    UrlCase("logout", expect(302, outsider=302), method="post", urn=lambda world: None),
    UrlCase("schools:dashboard", expect(200)),
    UrlCase("schools:school-settings", LEADERS_READ),
    UrlCase(
        "schools:school-settings",
        SETTINGS_POST,
        method="post",
        data=lambda world: SETTINGS,
    ),
    UrlCase("two-factor-setup", expect(200, outsider=200), urn=lambda world: None),
    UrlCase("two-factor-verify", expect(200, outsider=200), urn=lambda world: None),
    UrlCase("password_reset", ANYONE, urn=lambda world: None),
    UrlCase(
        "password_reset",
        expect(302, anonymous=302, outsider=302),
        method="post",
        data=lambda world: {"email": "senco@example.org"},
        urn=lambda world: None,
    ),
    UrlCase("password_reset_done", ANYONE, urn=lambda world: None),
    UrlCase(
        "password_reset_confirm",
        ANYONE,
        urn=lambda world: None,
        kwargs=lambda world: {"uidb64": "MQ", "token": "not-a-real-token"},
        note="an invalid link shows the expired page",
    ),
    UrlCase("password_reset_complete", ANYONE, urn=lambda world: None),
    UrlCase("schools:team-list", TEAM_READ),
    UrlCase("schools:team-member-create", TEAM_WRITE_FORM),
    UrlCase(
        "schools:team-member-create",
        TEAM_WRITE_POST,
        method="post",
        data=lambda world: NEW_MEMBER,
    ),
    UrlCase("schools:team-member-edit", TEAM_WRITE_FORM, kwargs=_member),
    UrlCase(
        "schools:team-member-edit",
        TEAM_WRITE_POST,
        method="post",
        kwargs=_member,
        data=_edit_data,
    ),
    UrlCase(
        "schools:team-member-edit",
        OTHER_SCHOOL,
        kwargs=_other_school_member,
        note="another school's record",
    ),
    UrlCase("schools:team-member-delete", TEAM_WRITE_FORM, kwargs=_member),
    UrlCase(
        "schools:team-member-delete", TEAM_WRITE_POST, method="post", kwargs=_member
    ),
    UrlCase(
        "schools:team-member-delete",
        OTHER_SCHOOL,
        method="post",
        kwargs=_other_school_member,
        note="another school's record",
    ),
    UrlCase("schools:team-register-pdf", TEAM_READ),
    UrlCase("schools:team-register-docx", TEAM_READ),
    UrlCase(
        "audit:history", expect(403, senco=200, headteacher=200, senior_leader=200)
    ),
]
