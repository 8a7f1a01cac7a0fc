from django.urls import path

from tandem.ops import views

app_name = "ops"

urlpatterns = [
    path("<slug:kind>/start/", views.job_start, name="job-start"),
    path("<uuid:pk>/", views.job_detail, name="job-detail"),
    path("<uuid:pk>/download/", views.job_download, name="job-download"),
]
