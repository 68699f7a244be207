from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigningConfig(AppConfig):
    name = "signing"
    verbose_name = _("Dokumen dan tanda tangan elektronik")

    def ready(self) -> None:
        from . import checks  # noqa: F401 — registers the system checks; django-rules autodiscovers rules.py
