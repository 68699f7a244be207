import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.stored_files import private_storage

TRANSITION_LABELS = {
    "submit": _("Diajukan"),
    "approve": _("Disetujui"),
    "return_for_correction": _("Dikembalikan untuk perbaikan"),
    "reject": _("Ditolak"),
    "resubmit": _("Perbaikan dikirim"),
    "cancel": _("Dibatalkan"),
    "sign": _("Ditandatangani secara elektronik"),
    "assign_number": _("Diberi nomor"),
    "publish": _("Diterbitkan"),
}


class TransitionLog(models.Model):
    """Append-only audit of every status change: who, in which role, from → to, why, when."""

    # One log for every state machine: each row belongs to an application or to a complaint.
    application = models.ForeignKey(
        "permits.Application", on_delete=models.CASCADE, related_name="transitions", null=True, blank=True
    )
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="transitions", null=True, blank=True
    )
    transition = models.CharField(_("aksi"), max_length=50)
    from_status = models.CharField(_("dari"), max_length=30)
    to_status = models.CharField(_("ke"), max_length=30)
    # Null for the system's own steps (the background job that publishes the final SK).
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    actor_role = models.CharField(_("peran"), max_length=50)
    reason = models.TextField(_("alasan"), blank=True)
    # What the step touched: documents judged, fields flagged, documents replaced, fields changed.
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("waktu"))

    class Meta:
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(application__isnull=False, complaint__isnull=True)
                | models.Q(application__isnull=True, complaint__isnull=False),
                name="workflow_log_belongs_to_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"

    def _label(self, status: str) -> str:
        if self.complaint_id:
            from complaints.models import ComplaintStatus as Status
        else:
            from permits.models import ApplicationStatus as Status
        return str(Status(status).label) if status in Status.values else status

    @property
    def to_label(self) -> str:
        return self._label(self.to_status)

    @property
    def from_label(self) -> str:
        return self._label(self.from_status)

    @property
    def action_label(self) -> str:
        return str(TRANSITION_LABELS.get(self.transition, self.transition))


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


def technical_upload_to(instance: "TechnicalReviewDocument", filename: str) -> str:
    return f"teknis/{instance.uploaded_at:%Y/%m}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class TechnicalReviewDocument(models.Model):
    """Tim Teknis' field-inspection output: the Berita Acara and the recommendation."""

    class Kind(models.TextChoices):
        BERITA_ACARA = "BERITA_ACARA", _("Berita acara pemeriksaan lapangan")
        REKOMENDASI = "REKOMENDASI", _("Rekomendasi teknis")

    application = models.ForeignKey(
        "permits.Application", on_delete=models.CASCADE, related_name="technical_documents"
    )
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    file = models.FileField(
        _("berkas"), storage=private_storage, upload_to=technical_upload_to, max_length=200
    )
    display_name = models.CharField(_("nama berkas"), max_length=150)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("diunggah"))

    class Meta:
        verbose_name = _("dokumen tinjauan teknis")
        verbose_name_plural = _("dokumen tinjauan teknis")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"], name="workflow_one_technical_document_per_kind"
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Notification(models.Model):
    """An in-app notice for one user (applicant or officer), shown with an unread badge."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    application = models.ForeignKey(
        "permits.Application", on_delete=models.CASCADE, related_name="notifications", null=True, blank=True
    )
    message = models.CharField(_("pesan"), max_length=300)
    url = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("waktu"))
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.message


class OutboxMessage(models.Model):
    """A task to enqueue, written in the same transaction as the change that caused it, so a broker outage
    at commit time loses nothing: the relay sends it when the broker is back. Holds ids, never secrets."""

    task_name = models.CharField(max_length=150)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    relayed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["relayed_at"])]

    def __str__(self) -> str:
        return f"{self.task_name} {self.kwargs}"


class DeliveryMarker(models.Model):
    """Something that must happen at most once: an e-mail sent, a day's reminder given (workflow/markers.py).
    Kept in the database, not the cache, so that a cache outage or eviction neither doubles nor drops a mail.
    `done_at` stays empty while an e-mail is being sent; old rows are pruned."""

    marker = models.CharField(max_length=200, unique=True)
    claimed_at = models.DateTimeField(db_index=True)
    done_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.marker
