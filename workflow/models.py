from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransitionLog(models.Model):
    """Append-only audit of every status change: who, in which role, from → to, why, when."""

    application = models.ForeignKey(
        "permits.Application", on_delete=models.CASCADE, related_name="transitions"
    )
    transition = models.CharField(_("aksi"), max_length=50)
    from_status = models.CharField(_("dari"), max_length=30)
    to_status = models.CharField(_("ke"), max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    actor_role = models.CharField(_("peran"), max_length=50)
    reason = models.TextField(_("alasan"), blank=True)
    created_at = models.DateTimeField(_("waktu"))

    class Meta:
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ClosedDay(models.Model):
    """An office-level override of the national calendar: an extra closed day, or a day open after all."""

    class Kind(models.TextChoices):
        CLOSED = "CLOSED", _("Libur / tutup")
        OPEN = "OPEN", _("Tetap buka (mengganti hari libur)")

    date = models.DateField(_("tanggal"), unique=True)
    kind = models.CharField(_("jenis"), max_length=6, choices=Kind.choices, default=Kind.CLOSED)
    name = models.CharField(_("keterangan"), max_length=150)

    class Meta:
        verbose_name = _("hari libur/layanan khusus")
        verbose_name_plural = _("hari libur/layanan khusus")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.name}"
