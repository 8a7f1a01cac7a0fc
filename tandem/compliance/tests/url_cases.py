"""Role x URL cases for the compliance pages (documents, versions, sign-off, consultation)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tandem.compliance.tests.builders import (
    html_bytes,
    make_document,
    make_version,
    request,
)
from tandem.testing import UrlCase, expect, make_member

ALL_READ = expect(200)
LEADER_FORM = expect(403, senco=200, headteacher=200, senior_leader=200)
LEADER_POST = expect(403, senco=302, headteacher=302, senior_leader=302)
SIGNER_FORM = expect(403, sen_governor=200, governor=200, clerk=200)
SIGNER_POST = expect(403, sen_governor=302, governor=302, clerk=302)
OTHER_SCHOOL = expect(404)


def _document(world) -> dict:  # noqa: ANN001
    return {"pk": make_document(world.school, by=world.user("senco")).pk}


def _version(world, school=None) -> dict:  # noqa: ANN001
    school = school or world.school
    document = make_document(school, by=world.user("senco"))
    version = make_version(
        document, by=world.user("senco"), data=html_bytes(), filename="r.html"
    )
    return {"pk": document.pk, "number": version.number}


def _other_version(world) -> dict:  # noqa: ANN001
    return _version(world, world.other_school)


def _sign_off(world) -> dict:  # noqa: ANN001
    document = make_document(world.school, by=world.user("senco"))
    version = make_version(
        document, by=world.user("senco"), data=html_bytes(), filename="r.html"
    )
    return {"sign_off_pk": request(version, by=world.user("clerk")).pk}


def _other_sign_off(world) -> dict:  # noqa: ANN001
    make_member(world.other_school, "governor", username="other-school-governor")
    document = make_document(world.other_school, by=world.user("outsider"))
    version = make_version(
        document, by=world.user("outsider"), data=html_bytes(), filename="r.html"
    )
    return {"sign_off_pk": request(version, by=world.user("outsider")).pk}


def _consultation(world) -> dict:  # noqa: ANN001
    from tandem.compliance import services

    document = make_document(world.school, by=world.user("senco"))
    consultation = services.add_consultation(
        document,
        by=world.user("senco"),
        perspective="staff",
        who="Teaching assistants",
        method="meeting",
        planned_on=None,
        held_on=None,
        feedback="",
        changes="",
        document_version=None,
    )
    return {"pk": consultation.pk}


def _document_data(world) -> dict:  # noqa: ANN001
    return {"kind": "sen_policy", "title": "SEN policy", "owner": "", "version": 1}


def _upload_data(world) -> dict:  # noqa: ANN001
    return {"file": SimpleUploadedFile("report.html", html_bytes()), "note": ""}


def _consultation_data(world) -> dict:  # noqa: ANN001
    return {
        "perspective": "parents",
        "who": "Parent forum",
        "method": "group",
        "held_on": "2026-01-20",
        "version": 1,
    }


CASES = [
    UrlCase("compliance:document-list", ALL_READ),
    UrlCase("compliance:document-create", LEADER_FORM),
    UrlCase(
        "compliance:document-create", LEADER_POST, method="post", data=_document_data
    ),
    UrlCase("compliance:verify", ALL_READ),
    UrlCase(
        "compliance:verify",
        ALL_READ,
        method="post",
        data=_upload_data,
        note="checking a file changes nothing, so every reader may",
    ),
    UrlCase("compliance:document-detail", ALL_READ, kwargs=_document),
    UrlCase(
        "compliance:document-detail",
        OTHER_SCHOOL,
        note="another school's record",
        kwargs=lambda world: {"pk": make_document(world.other_school, by=None).pk},
    ),
    UrlCase("compliance:document-edit", LEADER_FORM, kwargs=_document),
    UrlCase(
        "compliance:document-edit",
        LEADER_POST,
        method="post",
        kwargs=_document,
        data=_document_data,
    ),
    UrlCase("compliance:version-upload", LEADER_FORM, kwargs=_document),
    UrlCase(
        "compliance:version-upload",
        LEADER_POST,
        method="post",
        kwargs=_document,
        data=_upload_data,
    ),
    UrlCase("compliance:version-write", LEADER_FORM, kwargs=_document),
    UrlCase(
        "compliance:version-write",
        LEADER_POST,
        method="post",
        kwargs=_document,
        data=lambda world: {"text": "Our SEN policy.", "note": ""},
    ),
    UrlCase("compliance:version-detail", ALL_READ, kwargs=_version),
    UrlCase(
        "compliance:version-detail",
        OTHER_SCHOOL,
        kwargs=_other_version,
        note="another school's record",
    ),
    UrlCase("compliance:version-download", ALL_READ, kwargs=_version),
    UrlCase(
        "compliance:version-download",
        OTHER_SCHOOL,
        kwargs=_other_version,
        note="another school's record",
    ),
    UrlCase("compliance:version-check", LEADER_POST, method="post", kwargs=_version),
    UrlCase(
        "compliance:version-check",
        expect(403, senco=405, headteacher=405, senior_leader=405),
        kwargs=_version,
        note="GET does not run the check",
    ),
    UrlCase("compliance:sign-off-request", SIGNER_FORM, kwargs=_version),
    UrlCase(
        "compliance:sign-off-request",
        SIGNER_POST,
        method="post",
        kwargs=_version,
        data=lambda world: {
            "statement": "We confirm it.",
            "signatories": [
                m.pk
                for m in world.school.memberships.filter(
                    role__in=["sen_governor", "governor"]
                )
            ],
        },
    ),
    UrlCase(
        "compliance:sign-off-confirm",
        expect(403, sen_governor=302, governor=302),
        method="post",
        kwargs=_sign_off,
        data=lambda world: {"confirm": "on"},
        note="only a governor named confirms; the clerk records instead",
    ),
    UrlCase(
        "compliance:sign-off-confirm",
        expect(403, sen_governor=404, governor=404, clerk=404),
        method="post",
        kwargs=_other_sign_off,
        data=lambda world: {"confirm": "on"},
        note="another school's record",
    ),
    UrlCase("compliance:sign-off-record", expect(403, clerk=200), kwargs=_sign_off),
    UrlCase("compliance:sign-off-withdraw", SIGNER_FORM, kwargs=_sign_off),
    UrlCase(
        "compliance:sign-off-withdraw", SIGNER_POST, method="post", kwargs=_sign_off
    ),
    UrlCase("compliance:statement-pdf", ALL_READ, kwargs=_sign_off),
    UrlCase(
        "compliance:statement-pdf",
        OTHER_SCHOOL,
        kwargs=_other_sign_off,
        note="another school's record",
    ),
    UrlCase("compliance:consultation-create", LEADER_FORM, kwargs=_document),
    UrlCase(
        "compliance:consultation-create",
        LEADER_POST,
        method="post",
        kwargs=_document,
        data=_consultation_data,
    ),
    UrlCase("compliance:consultation-edit", LEADER_FORM, kwargs=_consultation),
    UrlCase(
        "compliance:consultation-edit",
        LEADER_POST,
        method="post",
        kwargs=_consultation,
        data=_consultation_data,
    ),
    UrlCase("compliance:consultation-delete", LEADER_FORM, kwargs=_consultation),
    UrlCase(
        "compliance:consultation-delete",
        LEADER_POST,
        method="post",
        kwargs=_consultation,
    ),
]
