from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import STAFF_ROLES, Role
from .validators import nik_validator, phone_validator


class User(AbstractUser):
    """An applicant or an officer. Officers' roles are Django groups named after `Role`."""

    full_name = models.CharField(_("nama lengkap"), max_length=150)
    email = models.EmailField(_("alamat e-mail"), unique=True)
    phone = models.CharField(_("nomor ponsel"), max_length=16, blank=True, validators=[phone_validator])
    nik = models.CharField(
        _("NIK"),
        max_length=16,
        blank=True,
        validators=[nik_validator],
        help_text=_("Nomor Induk Kependudukan, 16 digit sesuai KTP."),
    )
    nip = models.CharField(_("NIP"), max_length=18, blank=True, help_text=_("Untuk pegawai: NIP 18 digit."))
    preferred_language = models.CharField(
        _("bahasa"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="id",
        help_text=_("Bahasa untuk e-mail dan notifikasi."),
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.UniqueConstraint(
                fields=["nik"], condition=~models.Q(nik=""), name="accounts_user_nik_unique_when_set"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name()

    def role_names(self) -> set[str]:
        # Cached per instance: templates and predicates ask many times per request.
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return self._role_names

    def has_role(self, role: Role) -> bool:
        return role.value in self.role_names()

    @property
    def is_officer(self) -> bool:
        return bool(self.role_names() & {r.value for r in STAFF_ROLES})
