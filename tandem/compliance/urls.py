from django.urls import path

from tandem.compliance.views import consultation, documents, signoff, verify

app_name = "compliance"

version = "<int:pk>/versions/<int:number>/"
urlpatterns = [
    path("", documents.document_list, name="document-list"),
    path("new/", documents.document_create, name="document-create"),
    path("verify/", verify.verify_file, name="verify"),
    path("<int:pk>/", documents.document_detail, name="document-detail"),
    path("<int:pk>/edit/", documents.document_edit, name="document-edit"),
    path("<int:pk>/upload/", documents.version_upload, name="version-upload"),
    path("<int:pk>/write/", documents.version_write, name="version-write"),
    path(version, signoff.version_detail, name="version-detail"),
    path(f"{version}file/", documents.version_download, name="version-download"),
    path(f"{version}check/", signoff.run_check, name="version-check"),
    path(f"{version}sign-off/", signoff.sign_off_request, name="sign-off-request"),
    path(
        "sign-offs/<int:sign_off_pk>/confirm/",
        signoff.sign_off_confirm,
        name="sign-off-confirm",
    ),
    path(
        "sign-offs/<int:sign_off_pk>/record/",
        signoff.sign_off_record,
        name="sign-off-record",
    ),
    path(
        "sign-offs/<int:sign_off_pk>/withdraw/",
        signoff.sign_off_withdraw,
        name="sign-off-withdraw",
    ),
    path(
        "sign-offs/<int:sign_off_pk>/statement.pdf",
        signoff.statement_pdf,
        name="statement-pdf",
    ),
    path(
        "<int:pk>/consultation/new/",
        consultation.consultation_create,
        name="consultation-create",
    ),
    path(
        "consultation/<int:pk>/edit/",
        consultation.consultation_edit,
        name="consultation-edit",
    ),
    path(
        "consultation/<int:pk>/delete/",
        consultation.consultation_delete,
        name="consultation-delete",
    ),
]
