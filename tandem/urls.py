from django.contrib.auth import views as auth_views
from django.urls import include, path

from tandem.schools import accounts
from tandem.schools import views as school_views

RESET_EMAIL = {
    "subject_template_name": "emails/password_reset_subject.txt",
    "email_template_name": "emails/password_reset_body.txt",
    "html_email_template_name": "emails/password_reset_body.html",
}

school_patterns = [
    path("", include("tandem.schools.urls")),
    path("history/", include("tandem.audit.urls")),
    path("duties/", include("tandem.duties.urls")),
    path("planner/", include("tandem.planner.urls")),
    path("meetings/", include("tandem.meetings.urls")),
    path("reports/", include("tandem.reports.urls")),
    path("documents/", include("tandem.compliance.urls")),
    path("jobs/", include("tandem.ops.urls")),
]

urlpatterns = [
    path("", school_views.home, name="home"),
    path("accounts/login/", accounts.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", accounts.two_factor_setup, name="two-factor-setup"),
    path(
        "accounts/two-factor/verify/",
        accounts.two_factor_verify,
        name="two-factor-verify",
    ),
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(**RESET_EMAIL),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("schools/<str:urn>/", include(school_patterns)),
]

handler404 = "tandem.lib.http.not_found"
