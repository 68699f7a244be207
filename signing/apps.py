from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "signing"
    verbose_name = _("Dokumen dan tanda tangan elektronik")

    def ready(self) -> None:
        from . import checks, signing_rules  # noqa: F401 — register the system checks and the signing permission
