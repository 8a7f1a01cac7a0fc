from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running Tandem: backup and restore. It has no models of its own."""

    name = "tandem.ops"
    label = "ops"
    verbose_name = "Operations"
