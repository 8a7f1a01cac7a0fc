from django.urls import path

from tandem.planner import views

app_name = "planner"
urlpatterns = [
    path("", views.planner, name="planner"),
    path("calendar-feed/", views.feed_settings, name="feed-settings"),
    path("calendar-feed/new/", views.feed_issue, name="feed-issue"),
    path("calendar-feed/revoke/", views.feed_revoke, name="feed-revoke"),
    path("feed/<str:secret>.ics", views.feed, name="feed"),
    path("<str:year>/", views.year, name="year"),
    path("<str:year>/start/", views.create_plan, name="plan-create"),
    path("<str:year>/settings/", views.plan_settings, name="plan-settings"),
    path("<str:year>/terms/", views.term_dates, name="term-dates"),
    path("<str:year>/holidays/add/", views.holiday_create, name="holiday-create"),
    path(
        "<str:year>/holidays/<int:pk>/delete/",
        views.holiday_delete,
        name="holiday-delete",
    ),
    path("<str:year>/fgb/add/", views.fgb_create, name="fgb-create"),
    path("<str:year>/fgb/<int:pk>/edit/", views.fgb_edit, name="fgb-edit"),
    path("<str:year>/fgb/<int:pk>/delete/", views.fgb_delete, name="fgb-delete"),
    path("<str:year>/fgb/<int:pk>/accept/", views.accept_proposal, name="fgb-accept"),
    path("<str:year>/fgb/<int:pk>/arrange/", views.arrange_meeting, name="fgb-arrange"),
    path("<str:year>/activities/add/", views.activity_create, name="activity-create"),
    path(
        "<str:year>/activities/<int:pk>/edit/",
        views.activity_edit,
        name="activity-edit",
    ),
    path(
        "<str:year>/activities/<int:pk>/done/",
        views.activity_done,
        name="activity-done",
    ),
    path(
        "<str:year>/activities/<int:pk>/delete/",
        views.activity_delete,
        name="activity-delete",
    ),
    path("<str:year>/planner.pdf", views.grid_pdf, name="grid-pdf"),
    path("<str:year>/planner.ics", views.year_ics, name="year-ics"),
]
