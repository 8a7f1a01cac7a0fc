from django.apps import AppConfig


class PlannerConfig(AppConfig):
    name = "tandem.planner"
    default_auto_field = "django.db.models.BigAutoField"
