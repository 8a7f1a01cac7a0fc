from django.apps import AppConfig


class DutiesConfig(AppConfig):
    name = "tandem.duties"
    default_auto_field = "django.db.models.BigAutoField"
