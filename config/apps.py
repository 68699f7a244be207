from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The installation's configuration: settings, URLs, the Celery app and the checks of its settings."""

    name = "config"
    verbose_name = "Konfigurasi"

    def ready(self) -> None:
        from . import checks  # noqa: F401 — registers the settings checks
