from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "tandem.meetings"
    default_auto_field = "django.db.models.BigAutoField"
