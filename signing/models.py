"""Signers, trust roots, letter-number series and the SK documents produced for applications."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.stored_files import private_storage


def token_new() -> str:
    return secrets.token_urlsafe(24)


class Signer(models.Model):
    """Someone who signs SKs electronically: the Kepala Dinas, or a Plt./Plh. The administrator uploads the
    PKCS#12; its passphrase is never stored — the signer types it each time."""

    class Capacity(models.TextChoices):
        DEFINITIVE = "", _("Definitif")
        PLT = "Plt.", _("Pelaksana Tugas (Plt.)")
        PLH = "Plh.", _("Pelaksana Harian (Plh.)")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signers")
    name = models.CharField(_("nama dengan gelar"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=200)
    capacity = models.CharField(
        _("kedudukan"), max_length=5, choices=Capacity.choices, blank=True, default=""
    )
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    pkcs12 = models.FileField(
        _("berkas PKCS#12"), storage=private_storage, upload_to="signers/", max_length=200
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    failed_attempts = models.PositiveSmallIntegerField(_("gagal berturut-turut"), default=0)
    locked_until = models.DateTimeField(_("terkunci sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("penanda tangan")
        verbose_name_plural = _("penanda tangan")

    def __str__(self) -> str:
        return f"{self.capacity} {self.position} — {self.name}".strip()

    @property
    def signed_position(self) -> str:
        return f"{self.capacity} {self.position}".strip()


class SigningEvent(models.Model):
    """Audit of signing attempts: who, when, success or failure, lockouts and an administrator's unlock (with
    the reason given). Never the passphrase."""

    REASON_MAX_LENGTH = 500

    class Kind(models.TextChoices):
        SIGNED = "SIGNED", _("Berhasil ditandatangani")
        WRONG_PASSPHRASE = "WRONG_PASSPHRASE", _("Passphrase salah")
        LOCKED = "LOCKED", _("Penandatangan dikunci")
        REFUSED_LOCKED = "REFUSED_LOCKED", _("Ditolak: sedang terkunci")
        DOCUMENT_CHANGED = "DOCUMENT_CHANGED", _("Ditolak: dokumen berbeda dari yang ditampilkan")
        UNLOCKED = "UNLOCKED", _("Kunci dibuka administrator")

    signer = models.ForeignKey(
        Signer, on_delete=models.PROTECT, related_name="events", verbose_name=_("penanda tangan")
    )
    application = models.ForeignKey(
        "permits.Application",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        verbose_name=_("permohonan"),
    )
    kind = models.CharField(_("kejadian"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("oleh")
    )
    created_at = models.DateTimeField(_("waktu"))
    reason = models.CharField(_("alasan"), max_length=REASON_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("riwayat penandatanganan")
        verbose_name_plural = _("riwayat penandatanganan")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class TrustRoot(models.Model):
    """A CA certificate that verification trusts (the office's CA, BSrE's roots, the demo root)."""

    name = models.CharField(_("nama"), max_length=150)
    certificate_pem = models.TextField(_("sertifikat (PEM)"))
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("sertifikat akar tepercaya")
        verbose_name_plural = _("sertifikat akar tepercaya")

    def __str__(self) -> str:
        return self.name


class NumberSeries(models.Model):
    """A letter-number format and its counters.

    E.g. `{kka}/{seq:04d}/{kode}/{unit}/{bulan_romawi}/{tahun}` → 500.16.7.2/0042/SIP-DU/DPMPTSP/XI/2026."""

    name = models.CharField(_("nama seri"), max_length=100)
    kka = models.CharField(_("kode klasifikasi (KKA)"), max_length=30, help_text=_("Mis. 500.16.7.2"))
    permit_code = models.CharField(_("kode izin"), max_length=30, blank=True, help_text=_("Mis. SIP-DU"))
    unit_code = models.CharField(_("kode unit"), max_length=30, default="DPMPTSP")
    format = models.CharField(
        _("format nomor"),
        max_length=120,
        default="{kka}/{seq:04d}/{kode}/{unit}/{bulan_romawi}/{tahun}",
        help_text=_("Bagian: {kka} {seq} {kode} {unit} {bulan} {bulan_romawi} {tahun}; mis. {seq:04d}."),
    )
    permit_types = models.ManyToManyField("permits.PermitType", related_name="number_series", blank=True)

    class Meta:
        verbose_name = _("seri nomor surat")
        verbose_name_plural = _("seri nomor surat")

    def __str__(self) -> str:
        return self.name


class NumberCounter(models.Model):
    """The last number given in a series in a year. Locked with select_for_update while numbering."""

    series = models.ForeignKey(NumberSeries, on_delete=models.PROTECT, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="signing_one_counter_per_series_year")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_value}"


class IssuedNumber(models.Model):
    """The register of issued letter numbers."""

    series = models.ForeignKey(NumberSeries, on_delete=models.PROTECT, related_name="issued")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("nomor surat"), max_length=120, unique=True)
    application = models.OneToOneField(
        "permits.Application", on_delete=models.PROTECT, related_name="issued_number"
    )
    issued_at = models.DateTimeField(_("tanggal"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("nomor surat terbit")
        verbose_name_plural = _("register nomor surat")
        ordering = ["series", "year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "sequence"], name="signing_sequence_unique_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.number


class SkDocument(models.Model):
    """The SK (surat keputusan) of one application through its life: draft → certified → final."""

    application = models.OneToOneField("permits.Application", on_delete=models.PROTECT, related_name="sk")
    verification_token = models.CharField(max_length=40, unique=True, default=token_new)
    draft_pdf = models.FileField(storage=private_storage, upload_to="sk/draft/", max_length=200, blank=True)
    draft_sha256 = models.CharField(max_length=64, blank=True)
    draft_rendered_at = models.DateTimeField(null=True, blank=True)
    signed_pdf = models.FileField(storage=private_storage, upload_to="sk/signed/", max_length=200, blank=True)
    signed_sha256 = models.CharField(max_length=64, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signer = models.ForeignKey(
        Signer, on_delete=models.PROTECT, null=True, blank=True, related_name="documents"
    )
    final_pdf = models.FileField(storage=private_storage, upload_to="sk/final/", max_length=200, blank=True)
    final_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    # When the applicant first downloaded it: the IKM survey is offered from then on.
    first_downloaded_at = models.DateTimeField(null=True, blank=True)
    failure = models.CharField(_("kesalahan terakhir"), max_length=300, blank=True)
    # Tries of the current background step (rendering the draft, then issuing), and when its task was last
    # queued by the sweep, started, or is due to retry: the sweep's clock (signing/background.py).
    attempts = models.PositiveSmallIntegerField(default=0)
    task_due_at = models.DateTimeField(_("jadwal tugas latar"), null=True, blank=True)

    class Meta:
        verbose_name = _("dokumen SK")
        verbose_name_plural = _("dokumen SK")

    def __str__(self) -> str:
        return f"SK {self.application}"
