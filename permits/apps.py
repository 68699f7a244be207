from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PermitsConfig(AppConfig):
    name = "permits"
    verbose_name = _("Perizinan")

    def ready(self) -> None:
        from . import checks  # noqa: F401 — registers the private storage's configuration checks
