from django.urls import path

from tandem.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("start/", views.start_report, name="report-start"),
    path("settings/", views.report_settings, name="report-settings"),
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/finance/", views.report_finance, name="report-finance"),
    path("<int:pk>/numbers/", views.report_numbers, name="report-numbers"),
    path("<int:pk>/edit/<slug:section>/", views.report_section, name="report-section"),
    path(
        "<int:pk>/interventions/add/", views.intervention_edit, name="intervention-add"
    ),
    path(
        "<int:pk>/interventions/<int:item>/",
        views.intervention_edit,
        name="intervention-edit",
    ),
    path(
        "<int:pk>/interventions/<int:item>/delete/",
        views.intervention_delete,
        name="intervention-delete",
    ),
    path("<int:pk>/applications/add/", views.application_edit, name="application-add"),
    path(
        "<int:pk>/applications/<int:item>/",
        views.application_edit,
        name="application-edit",
    ),
    path(
        "<int:pk>/applications/<int:item>/delete/",
        views.application_delete,
        name="application-delete",
    ),
    path("<int:pk>/import/", views.report_import, name="report-import"),
    path(
        "<int:pk>/import/preview/",
        views.report_import_preview,
        name="report-import-preview",
    ),
    path("<int:pk>/submit/", views.report_submit, name="report-submit"),
    path("<int:pk>/reopen/", views.report_reopen, name="report-reopen"),
    path("<int:pk>/questions/", views.question_ask, name="question-ask"),
    path(
        "<int:pk>/questions/<int:item>/answer/",
        views.question_answer,
        name="question-answer",
    ),
    path("<int:pk>/report.pdf", views.report_pdf, name="report-pdf"),
    path("<int:pk>/report.docx", views.report_docx, name="report-docx"),
]
