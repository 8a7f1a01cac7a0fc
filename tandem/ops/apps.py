from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Tandem: backup and restore, and long work done in the background (jobs)."""

    name = "tandem.ops"
    label = "ops"
    verbose_name = "Operations"
