from django.urls import path

from tandem.duties import views

app_name = "duties"
urlpatterns = [
    path("", views.duty_map_view, name="duty-map"),
    path("map.pdf", views.duty_map_pdf, name="duty-map-pdf"),
    path("map.docx", views.duty_map_docx, name="duty-map-docx"),
    path("reflection/", views.reflection_edit, name="reflection-edit"),
    path("own/new/", views.school_duty_create, name="school-duty-create"),
    path("own/<int:pk>/delete/", views.school_duty_delete, name="school-duty-delete"),
    path("qualification/", views.qualification_view, name="qualification"),
    path("qualification/senco/new/", views.senco_create, name="senco-create"),
    path("qualification/senco/<int:pk>/edit/", views.senco_edit, name="senco-edit"),
    path(
        "qualification/senco/<int:pk>/courses/new/",
        views.course_create,
        name="course-create",
    ),
    path("qualification/courses/<int:pk>/edit/", views.course_edit, name="course-edit"),
    path(
        "qualification/courses/<int:pk>/delete/",
        views.course_delete,
        name="course-delete",
    ),
    path("<str:code>/edit/", views.duty_edit, name="duty-edit"),
]
