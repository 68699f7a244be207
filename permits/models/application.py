"""An applicant's application and its uploaded documents.

The status is a protected FSM field: transitions are declared here and only change state-owned fields; the
runner in `workflow/` locks, checks permission, logs and schedules side effects around them.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from core.stored_files import private_storage

from .catalog import PermitType, Requirement


class ApplicationStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draf")
    VERIFIKASI_FRONT_OFFICE = "VERIFIKASI_FRONT_OFFICE", _("Pemeriksaan Front Office")
    VERIFIKASI_BERKAS = "VERIFIKASI_BERKAS", _("Verifikasi berkas (Back Office)")
    TINJAUAN_TEKNIS = "TINJAUAN_TEKNIS", _("Tinjauan Tim Teknis")
    VERIFIKASI_KASI = "VERIFIKASI_KASI", _("Verifikasi Kepala Seksi")
    VERIFIKASI_KABID = "VERIFIKASI_KABID", _("Verifikasi Kepala Bidang")
    VERIFIKASI_SEKRETARIS = "VERIFIKASI_SEKRETARIS", _("Verifikasi Sekretaris")
    MENUNGGU_TTE = "MENUNGGU_TTE", _("Menunggu tanda tangan elektronik Kepala Dinas")
    PENOMORAN = "PENOMORAN", _("Penomoran oleh Sekretariat")
    PENERBITAN = "PENERBITAN", _("Penerbitan dokumen")
    TERBIT = "TERBIT", _("Terbit")
    PERBAIKAN = "PERBAIKAN", _("Perbaikan oleh pemohon")
    DITOLAK = "DITOLAK", _("Ditolak")
    DIBATALKAN = "DIBATALKAN", _("Dibatalkan")


S = ApplicationStatus
FIRST_STAGES = (S.VERIFIKASI_FRONT_OFFICE, S.VERIFIKASI_BERKAS)
REVIEW_STAGES = (
    S.VERIFIKASI_FRONT_OFFICE,
    S.VERIFIKASI_BERKAS,
    S.TINJAUAN_TEKNIS,
    S.VERIFIKASI_KASI,
    S.VERIFIKASI_KABID,
    S.VERIFIKASI_SEKRETARIS,
)
# Stages an application can be sent back from (and so return to after correction), or rejected at.
DECISION_STAGES = (*REVIEW_STAGES, S.MENUNGGU_TTE)
APPROVE_TARGETS = (*REVIEW_STAGES[1:], S.MENUNGGU_TTE)

# Unambiguous alphabet for application numbers: no 0/O, 1/I/L.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def document_upload_to(instance: "ApplicationDocument", filename: str) -> str:
    # The stored name is random: the applicant's file name never reaches the file system.
    return f"dokumen/{instance.uploaded_at:%Y/%m}/{uuid.uuid4().hex}{instance.extension}"


class Application(ConcurrentTransitionMixin, models.Model):
    number = models.CharField(_("nomor permohonan"), max_length=32, unique=True, null=True, blank=True)
    permit_type = models.ForeignKey(PermitType, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications"
    )
    status = FSMField(_("status"), default=S.DRAFT, choices=S.choices, protected=True, db_index=True)
    data = models.JSONField(_("data permohonan"), default=dict, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    due_date = models.DateField(_("batas waktu"), null=True, blank=True)
    stage_entered_at = models.DateTimeField(_("masuk tahap ini"), null=True, blank=True)
    # The SLA clock: working days the office has held the file so far, and since when it holds it now.
    working_days_used = models.PositiveSmallIntegerField(_("hari kerja terpakai"), default=0)
    clock_started_on = models.DateField(_("jam layanan berjalan sejak"), null=True, blank=True)
    returned_from_status = models.CharField(_("dikembalikan dari"), max_length=30, blank=True)
    correction_fields = models.JSONField(_("isian yang harus diperbaiki"), default=list, blank=True)
    data_before_correction = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("permohonan")
        verbose_name_plural = _("permohonan")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["applicant", "-created_at"])]

    def __str__(self) -> str:
        return self.number or _("Draf #%(pk)s") % {"pk": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("permits:application_detail", kwargs={"pk": self.pk})

    def get_edit_url(self) -> str:
        return reverse("permits:application_edit", kwargs={"pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == S.DRAFT

    @staticmethod
    def new_number(*, permit_code: str, now) -> str:
        """`SIPDU-2611-K7M3QX`: readable, sortable by month, and not guessable (31^6 ≈ 887 million)."""
        suffix = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(6))
        return f"{permit_code}-{now:%y%m}-{suffix}"

    # Transitions change only state-owned fields; workflow.runner does locking, permission, log, effects.

    @transition(field=status, source=S.DRAFT, target=RETURN_VALUE(*FIRST_STAGES))
    def submit(self, *, number: str, now, due_date, first_stage: str) -> str:
        self.number = number
        self.submitted_at = self.stage_entered_at = now
        self.clock_started_on = timezone.localdate(now)
        self.due_date = due_date
        return first_stage

    @transition(field=status, source=REVIEW_STAGES, target=RETURN_VALUE(*APPROVE_TARGETS))
    def approve(self, *, next_status: str, now) -> str:
        self.stage_entered_at = now
        return next_status

    @transition(field=status, source=DECISION_STAGES, target=S.PERBAIKAN)
    def return_for_correction(self, *, now, working_days_used: int, fields: list[str]) -> None:
        self.returned_from_status = self.status
        self.working_days_used = working_days_used
        self.clock_started_on = None
        self.correction_fields = fields
        self.data_before_correction = dict(self.data)
        self.stage_entered_at = now

    @transition(field=status, source=DECISION_STAGES, target=S.DITOLAK)
    def reject(self, *, now) -> None:
        self.stage_entered_at = now

    @transition(field=status, source=S.PERBAIKAN, target=RETURN_VALUE(*DECISION_STAGES))
    def resubmit(self, *, now, due_date) -> str:
        self.stage_entered_at = now
        self.clock_started_on = timezone.localdate(now)
        self.due_date = due_date
        back_to, self.returned_from_status = self.returned_from_status, ""
        self.correction_fields = []
        return back_to

    @transition(field=status, source=S.MENUNGGU_TTE, target=S.PENOMORAN)
    def sign(self, *, now) -> None:
        self.stage_entered_at = now

    @transition(field=status, source=S.PENOMORAN, target=S.PENERBITAN)
    def assign_number(self, *, now) -> None:
        self.stage_entered_at = now

    @transition(field=status, source=S.PENERBITAN, target=S.TERBIT)
    def publish(self, *, now) -> None:
        # The office's work is done: the SLA clock stops for good.
        self.stage_entered_at = now
        self.clock_started_on = None

    @transition(field=status, source=[S.DRAFT, S.PERBAIKAN], target=S.DIBATALKAN)
    def cancel(self, *, now) -> None:
        self.stage_entered_at = now

    for _method in (
        submit,
        approve,
        return_for_correction,
        reject,
        resubmit,
        sign,
        assign_number,
        publish,
        cancel,
    ):
        _method.alters_data = True
    del _method


class ReviewStatus(models.TextChoices):
    SESUAI = "SESUAI", _("Sesuai")
    TIDAK_SESUAI = "TIDAK_SESUAI", _("Tidak sesuai")


class ApplicationDocument(models.Model):
    """One uploaded file answering one requirement. A replaced file is kept, marked superseded."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(Requirement, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(
        _("berkas"), storage=private_storage, upload_to=document_upload_to, max_length=200
    )
    display_name = models.CharField(_("nama berkas"), max_length=150)
    content_type = models.CharField(_("jenis isi"), max_length=50)
    extension = models.CharField(max_length=5)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("diunggah"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    superseded_at = models.DateTimeField(_("diganti"), null=True, blank=True)
    review_status = models.CharField(
        _("hasil pemeriksaan"), max_length=12, choices=ReviewStatus.choices, blank=True
    )
    review_note = models.TextField(_("catatan pemeriksaan"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    reviewed_at = models.DateTimeField(_("diperiksa"), null=True, blank=True)

    class Meta:
        verbose_name = _("dokumen permohonan")
        verbose_name_plural = _("dokumen permohonan")
        ordering = ["requirement__order", "requirement_id", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "requirement"],
                condition=models.Q(superseded_at__isnull=True),
                name="permits_one_current_document_per_requirement",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_download_url(self) -> str:
        return reverse("permits:document_download", kwargs={"pk": self.application_id, "doc_pk": self.pk})
