"""Complaints, consultations and suggestions (pengaduan, konsultasi, saran) and the office's policy for them.
The IKM survey's models live in survey_models.py and are imported below."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from core.stored_files import private_storage
from permits.models.catalog import ServiceComponent

# Unambiguous alphabet: no 0/O, 1/I/L.
TICKET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


class ComplaintKind(models.TextChoices):
    """As SP4N-LAPOR! classifies them."""

    PENGADUAN = "PENGADUAN", _("Pengaduan")
    PERMINTAAN_INFORMASI = "INFORMASI", _("Konsultasi / permintaan informasi")
    ASPIRASI = "ASPIRASI", _("Saran / aspirasi")


class Channel(models.TextChoices):
    WEB = "WEB", _("Situs web Pintu")
    LOKET = "LOKET", _("Loket pengaduan")
    TELEPON = "TELEPON", _("Telepon")
    SMS_WA = "SMS_WA", _("SMS / WhatsApp")
    EMAIL = "EMAIL", _("E-mail")
    SURAT = "SURAT", _("Surat")
    KOTAK = "KOTAK", _("Kotak pengaduan")
    MEDSOS = "MEDSOS", _("Media sosial")
    LAPOR = "LAPOR", _("SP4N-LAPOR!")


class Outcome(models.TextChoices):
    INTERNAL = "INTERNAL", _("Diselesaikan internal DPMPTSP")
    TEKNIS = "TEKNIS", _("Bersama Tim Teknis / OPD teknis")
    APIP = "APIP", _("Dengan APIP (Inspektorat)")


class ComplaintStatus(models.TextChoices):
    DITERIMA = "DITERIMA", _("Diterima")
    DIKLASIFIKASI = "DIKLASIFIKASI", _("Diklasifikasi operator")
    DIDISPOSISI = "DIDISPOSISI", _("Didisposisikan ke bidang/OPD")
    DIJAWAB = "DIJAWAB", _("Dijawab bidang/OPD, menunggu validasi")
    DISAMPAIKAN = "DISAMPAIKAN", _("Jawaban disampaikan kepada pelapor")
    SELESAI = "SELESAI", _("Selesai")


CS = ComplaintStatus


class ComplaintPolicy(models.Model):
    """The office's complaint rules (local policy in the seeds; DOMAIN.md). One row, edited in the admin."""

    acknowledge_working_days = models.PositiveSmallIntegerField(_("tanggapan awal (hari kerja)"), default=1)
    answer_working_days = models.PositiveSmallIntegerField(_("penyelesaian (hari kerja)"), default=14)
    complaint_window_days = models.PositiveSmallIntegerField(
        _("batas pengaduan sejak layanan diterima (hari)"),
        default=30,
        help_text=_("Pengaduan yang lebih lambat ditangani sebagai saran."),
    )
    anonymous_as_suggestion = models.BooleanField(
        _("pengaduan tanpa identitas ditangani sebagai saran"), default=True
    )
    reopen_days = models.PositiveSmallIntegerField(_("batas membuka kembali (hari)"), default=14)

    class Meta:
        verbose_name = _("kebijakan pengaduan")
        verbose_name_plural = _("kebijakan pengaduan")

    def __str__(self) -> str:
        return str(_("Kebijakan pengaduan"))

    @classmethod
    def current(cls) -> "ComplaintPolicy":
        policy = cls.objects.order_by("pk").first()
        return policy or cls()


class ComplaintUnit(models.Model):
    """A bidang of the office, or an OPD, that complaints are disposed to. Its members (accounts with the
    Bidang Terkait role) see and answer the complaints disposed to it, and no other complaint."""

    name = models.CharField(_("nama bidang/OPD"), max_length=150, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="complaint_units",
        verbose_name=_("anggota"),
        help_text=_("Akun Bidang Terkait yang menjawab pengaduan yang didisposisikan ke bidang/OPD ini."),
    )
    is_active = models.BooleanField(
        _("aktif"), default=True, help_text=_("Hanya bidang/OPD aktif yang dapat dipilih untuk disposisi.")
    )

    class Meta:
        verbose_name = _("bidang/OPD tujuan disposisi")
        verbose_name_plural = _("bidang/OPD tujuan disposisi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def ticket_new(*, now) -> str:
    return f"ADU-{now:%y%m}-" + "".join(secrets.choice(TICKET_ALPHABET) for _ in range(6))


class Complaint(ConcurrentTransitionMixin, models.Model):
    ticket = models.CharField(_("nomor tiket"), max_length=20, unique=True)
    kind = models.CharField(_("jenis"), max_length=12, choices=ComplaintKind.choices)
    handled_as = models.CharField(
        _("ditangani sebagai"),
        max_length=12,
        choices=ComplaintKind.choices,
        help_text=_("Tanpa identitas, atau melewati batas waktu pengaduan, ditangani sebagai saran."),
    )
    handling_note = models.CharField(_("alasan penanganan"), max_length=200, blank=True)
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    lapor_id = models.CharField(_("nomor tiket SP4N-LAPOR!"), max_length=40, blank=True)
    permit_type = models.ForeignKey(
        "permits.PermitType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("layanan"),
    )
    application = models.ForeignKey(
        "permits.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("permohonan terkait"),
    )
    component = models.PositiveSmallIntegerField(
        _("komponen standar pelayanan"), choices=ServiceComponent.choices, null=True, blank=True
    )
    description = models.TextField(_("uraian"))
    service_received_on = models.DateField(_("tanggal menerima layanan"), null=True, blank=True)
    name = models.CharField(_("nama"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    is_confidential = models.BooleanField(_("rahasiakan identitas saya"), default=False)
    status = FSMField(_("status"), default=CS.DITERIMA, choices=CS.choices, protected=True, db_index=True)
    received_at = models.DateTimeField(_("diterima"))
    acknowledge_due = models.DateField(_("batas tanggapan awal"))
    answer_due = models.DateField(_("batas penyelesaian"))
    acknowledged_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    # The unit decides who sees the complaint; its name is kept as it was when disposed.
    disposed_unit = models.ForeignKey(
        ComplaintUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("bidang/OPD tujuan disposisi"),
    )
    disposed_to = models.CharField(_("didisposisikan kepada"), max_length=150, blank=True)
    outcome = models.CharField(_("kategori penyelesaian"), max_length=10, choices=Outcome.choices, blank=True)
    answer = models.TextField(_("jawaban"), blank=True)
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    published_at = models.DateTimeField(_("disampaikan"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("penilaian"), null=True, blank=True)
    rating_comment = models.CharField(_("komentar penilaian"), max_length=500, blank=True)
    reopened_count = models.PositiveSmallIntegerField(default=0)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-received_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="complaints_rating_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.ticket

    @property
    def has_identity(self) -> bool:
        return bool(self.name.strip() and (self.email or self.phone))

    # Transitions only change state-owned fields; workflow.runner locks, checks, logs and runs effects.

    @transition(field=status, source=CS.DITERIMA, target=CS.DIKLASIFIKASI)
    def classify(self, *, now, kind: str, handled_as: str, component, permit_type) -> None:
        self.kind, self.handled_as, self.component, self.permit_type = (
            kind,
            handled_as,
            component,
            permit_type,
        )
        self.acknowledged_at = self.acknowledged_at or now

    @transition(field=status, source=CS.DIKLASIFIKASI, target=CS.DISAMPAIKAN)
    def answer_directly(self, *, now, answer: str, outcome: str) -> None:
        self.answer, self.outcome = answer, outcome
        self.answered_at = self.published_at = now

    @transition(field=status, source=CS.DIKLASIFIKASI, target=CS.DIDISPOSISI)
    def dispose(self, *, now, unit: ComplaintUnit, outcome: str) -> None:
        self.disposed_unit, self.disposed_to, self.outcome = unit, unit.name, outcome

    @transition(field=status, source=CS.DIDISPOSISI, target=CS.DIJAWAB)
    def submit_answer(self, *, now, answer: str) -> None:
        self.answer, self.answered_at = answer, now

    @transition(field=status, source=CS.DIJAWAB, target=CS.DISAMPAIKAN)
    def validate(self, *, now) -> None:
        self.published_at = now

    @transition(field=status, source=CS.DIJAWAB, target=CS.DIDISPOSISI)
    def invalidate(self, *, now) -> None:
        self.answered_at = None

    @transition(field=status, source=CS.DISAMPAIKAN, target=CS.SELESAI)
    def close(self, *, now, rating: int | None = None, comment: str = "") -> None:
        self.rating, self.rating_comment, self.closed_at = rating, comment, now

    @transition(field=status, source=[CS.DISAMPAIKAN, CS.SELESAI], target=CS.DIKLASIFIKASI)
    def reopen(self, *, now) -> None:
        self.reopened_count += 1
        self.published_at = self.closed_at = None
        self.rating, self.rating_comment = None, ""

    for _method in (classify, answer_directly, dispose, submit_answer, validate, invalidate, close, reopen):
        _method.alters_data = True
    del _method


def attachment_upload_to(instance: "ComplaintAttachment", filename: str) -> str:
    import uuid

    return f"pengaduan/{instance.uploaded_at:%Y/%m}/{uuid.uuid4().hex}{instance.extension}"


class ComplaintAttachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=attachment_upload_to, max_length=200)
    display_name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=50)
    extension = models.CharField(max_length=5)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("lampiran pengaduan")
        verbose_name_plural = _("lampiran pengaduan")

    def __str__(self) -> str:
        return self.display_name


from .survey_models import *  # noqa: E402,F403
