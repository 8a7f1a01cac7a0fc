from django.urls import path

from tandem.schools import views

app_name = "schools"
urlpatterns = [
    path("", views.school_dashboard, name="dashboard"),
    path("settings/", views.school_settings, name="school-settings"),
    path("team/", views.team_list, name="team-list"),
    path("team/add/", views.team_member_create, name="team-member-create"),
    path("team/<int:pk>/edit/", views.team_member_edit, name="team-member-edit"),
    path("team/<int:pk>/delete/", views.team_member_delete, name="team-member-delete"),
    path("team/register.pdf", views.team_register_pdf, name="team-register-pdf"),
    path("team/register.docx", views.team_register_docx, name="team-register-docx"),
]
