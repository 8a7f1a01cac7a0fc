from django.contrib.auth import views as auth_views
from django.urls import include, path

from tandem.schools import views as school_views

school_patterns = [
    path("", include("tandem.schools.urls")),
    path("history/", include("tandem.audit.urls")),
    path("duties/", include("tandem.duties.urls")),
    path("planner/", include("tandem.planner.urls")),
    path("meetings/", include("tandem.meetings.urls")),
    path("reports/", include("tandem.reports.urls")),
    path("documents/", include("tandem.compliance.urls")),
]

urlpatterns = [
    path("", school_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("schools/<str:urn>/", include(school_patterns)),
]
