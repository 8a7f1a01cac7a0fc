from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tandem.reports"
    default_auto_field = "django.db.models.BigAutoField"
