from django.urls import path

from tandem.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("new/", views.meeting_create, name="meeting-create"),
    path("<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("<int:pk>/agenda/build/", views.agenda_build, name="agenda-build"),
    path("<int:pk>/agenda/share/", views.agenda_share, name="agenda-share"),
    path("<int:pk>/items/add/", views.item_add, name="item-add"),
    path("<int:pk>/items/<int:item_pk>/edit/", views.item_edit, name="item-edit"),
    path("<int:pk>/items/<int:item_pk>/delete/", views.item_delete, name="item-delete"),
    path("<int:pk>/items/<int:item_pk>/move/", views.item_move, name="item-move"),
    path("<int:pk>/items/<int:item_pk>/park/", views.item_park, name="item-park"),
    path(
        "<int:pk>/items/<int:item_pk>/options/add/", views.option_add, name="option-add"
    ),
    path(
        "<int:pk>/options/<int:option_pk>/delete/",
        views.option_delete,
        name="option-delete",
    ),
    path("<int:pk>/items/<int:item_pk>/papers/add/", views.paper_add, name="paper-add"),
    path(
        "<int:pk>/papers/<int:paper_pk>/", views.paper_download, name="paper-download"
    ),
    path(
        "<int:pk>/papers/<int:paper_pk>/delete/",
        views.paper_delete,
        name="paper-delete",
    ),
    path("<int:pk>/parked/add/", views.parked_add, name="parked-add"),
    path(
        "<int:pk>/parked/<int:parked_pk>/carry/",
        views.parked_carry,
        name="parked-carry",
    ),
    path(
        "<int:pk>/parked/<int:parked_pk>/close/",
        views.parked_close,
        name="parked-close",
    ),
    path("<int:pk>/record/", views.record_edit, name="record-edit"),
    path("<int:pk>/record.pdf", views.record_pdf, name="record-pdf"),
    path("<int:pk>/record.docx", views.record_docx, name="record-docx"),
    path("<int:pk>/actions/add/", views.action_add, name="action-add"),
    path("actions/", views.action_list, name="action-list"),
    path("actions/<int:pk>/", views.action_edit, name="action-edit"),
    path("actions/<int:pk>/status/", views.action_status, name="action-status"),
    path("actions/log.pdf", views.action_log_pdf, name="action-log-pdf"),
]
