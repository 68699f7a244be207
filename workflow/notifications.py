"""Who hears about a status change, and what they are told: an in-app notice for each person concerned and an
e-mail to each through the outbox. Also the reads and writes behind the notifications page.

`notify_transition` runs after the transition has committed (workflow.effects). It is idempotent per
(transition, recipient): running it twice adds nothing, so a retried hook cannot double-notify.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Role
from core.errors import NotFound
from permits.models import Application, ApplicationDocument, ApplicationStatus, Office, ReviewStatus
from permits.rules import may

from .markers import marker_claim, marker_done, marker_release
from .models import Notification, TransitionLog
from .outbox import outbox_enqueue
from .routes import STAGE_ROLE

S = ApplicationStatus
TRANSITION_EMAIL_TASK = "workflow.tasks.send_transition_email"
MESSAGE_MAX_CHARS = 300
APPLICANT, OFFICER = "applicant", "officer"
# No due date is worth mentioning once the office no longer holds the file.
_ENDED = (S.PERBAIKAN, S.DITOLAK, S.DIBATALKAN, S.TERBIT)

OFFICER_MESSAGES = {
    S.TINJAUAN_TEKNIS: gettext_lazy("Permohonan %(number)s menunggu tinjauan teknis Anda."),
    S.MENUNGGU_TTE: gettext_lazy("Permohonan %(number)s menunggu tanda tangan elektronik Anda."),
    S.PENOMORAN: gettext_lazy("SK permohonan %(number)s menunggu penomoran oleh Anda."),
}
OFFICER_DEFAULT_MESSAGE = gettext_lazy("Permohonan %(number)s menunggu verifikasi Anda.")
OFFICER_RESUBMITTED_MESSAGE = gettext_lazy(
    "Permohonan %(number)s telah diperbaiki pemohon dan kembali menunggu verifikasi Anda (%(stage)s)."
)


@dataclass(frozen=True)
class TransitionNotice:
    recipient: object  # accounts.User
    audience: str  # APPLICANT or OFFICER
    message: str
    url: str


@dataclass(frozen=True)
class ReturnedDocument:
    label: str
    note: str


# --- helpers shared with reminders -------------------------------------------------------------------


def recipient_language(user) -> str:
    """Indonesian unless the user has chosen English (an attribute the user model may gain later)."""
    return "en" if getattr(user, "preferred_language", "id") == "en" else "id"


def applicant_url(application: Application) -> str:
    return reverse("permits:application_detail", kwargs={"pk": application.pk})


def officer_url(application: Application) -> str:
    try:
        return reverse("workflow:staff_application_detail", kwargs={"pk": application.pk})
    except NoReverseMatch:
        return f"/petugas/permohonan/{application.pk}/"


def absolute_url(url: str) -> str:
    return settings.PINTU_SITE_URL.rstrip("/") + url


def officers_with_roles(*, roles: Iterable[Role]) -> QuerySet:
    """Active users holding any of `roles`, each once."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[role.value for role in roles])
        .distinct()
        .order_by("pk")
    )


def local_date_text(day: date | None) -> str:
    return formats.date_format(day, "j F Y") if day else ""


def short_message(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(MESSAGE_MAX_CHARS)


def status_label(status: str) -> str:
    try:
        return str(ApplicationStatus(status).label)
    except ValueError:
        return status


def email_send_once(*, marker: str, template: str, context: dict, recipient) -> bool:
    """Renders `<template>_subject.txt`, `<template>.txt` and `<template>.html` (template such as
    "workflow/email/transition") in the recipient's language and sends them, unless `marker` says this
    e-mail was already sent (a database row, workflow/markers.py). Returns whether it sent. Raises the mail
    backend's errors (smtplib / OSError), after giving the marker back."""
    with translation.override(recipient_language(recipient)):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    if not marker_claim(marker=marker):
        return False
    email = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient.email])
    email.attach_alternative(html, "text/html")
    try:
        email.send()
    except BaseException:
        marker_release(marker=marker)
        raise
    marker_done(marker=marker)
    return True


def office_name() -> str:
    office = Office.current()
    return office.name if office else "DPMPTSP"


# --- what a transition means to whom --------------------------------------------------------------------


def returned_documents(*, log: TransitionLog) -> list[ReturnedDocument]:
    """The documents sent back with this log, with the officer's note for each."""
    documents = ApplicationDocument.objects.filter(application_id=log.application_id).select_related(
        "requirement"
    )
    ids = (log.details or {}).get("returned_documents")
    if ids:
        documents = documents.filter(pk__in=ids)
    else:
        documents = documents.filter(superseded_at__isnull=True, review_status=ReviewStatus.TIDAK_SESUAI)
    return [ReturnedDocument(label=d.requirement.label, note=d.review_note) for d in documents]


def _returned_field_labels(log: TransitionLog) -> list[str]:
    names = (log.details or {}).get("fields") or []
    if not names:
        return []
    fields = log.application.permit_type.fields.filter(name__in=names).order_by("order", "pk")
    return [field.label for field in fields]


def _applicant_message(log: TransitionLog, application: Application) -> str:
    values = {
        "number": application.number,
        "stage": status_label(log.to_status),
        "from_stage": status_label(log.from_status),
        "due_date": local_date_text(application.due_date),
        "reason": " ".join(log.reason.split()),
    }
    if log.transition == "submit":
        message = _(
            "Permohonan %(number)s telah diterima dan kini dalam tahap %(stage)s. "
            "Perkiraan selesai: %(due_date)s."
        )
    elif log.transition == "resubmit":
        message = _(
            "Perbaikan permohonan %(number)s telah diterima; permohonan kembali ke tahap %(stage)s. "
            "Perkiraan selesai: %(due_date)s."
        )
    elif log.to_status == S.PERBAIKAN:
        message = _("Permohonan %(number)s dikembalikan untuk perbaikan. Alasan: %(reason)s")
    elif log.to_status == S.DITOLAK:
        message = _("Permohonan %(number)s ditolak. Alasan: %(reason)s")
    elif log.to_status == S.TERBIT:
        message = _("SK untuk permohonan %(number)s telah terbit dan siap diunduh.")
    elif log.to_status == S.DIBATALKAN:
        message = _("Permohonan %(number)s telah dibatalkan.")
    elif log.transition == "approve":
        message = _(
            "Permohonan %(number)s disetujui pada tahap %(from_stage)s dan diteruskan ke tahap %(stage)s."
        )
    else:
        message = _("Permohonan %(number)s kini dalam tahap %(stage)s.")
    message %= values
    if log.to_status == S.PERBAIKAN:
        notes = [f"{d.label}: {d.note}" for d in returned_documents(log=log) if d.note]
        if notes:
            # Appended after formatting: an officer's note may well contain a "%".
            message += " " + _("Dokumen: %(notes)s") % {"notes": "; ".join(notes)}
    return short_message(message)


def _officer_message(log: TransitionLog, application: Application) -> str:
    values = {"number": application.number, "stage": status_label(log.to_status)}
    if log.from_status == S.PERBAIKAN:
        return short_message(str(OFFICER_RESUBMITTED_MESSAGE) % values)
    return short_message(str(OFFICER_MESSAGES.get(log.to_status, OFFICER_DEFAULT_MESSAGE)) % values)


def transition_notices(*, log: TransitionLog, recipient=None) -> list[TransitionNotice]:
    """Everybody this transition concerns (or only `recipient`), with what to tell them: the applicant on
    every change of their submitted application, the officers of the new stage that it waits for them."""
    application = log.application
    if not application.number:
        return []  # a draft cancelled before submission concerns nobody else
    notices = []
    applicant = application.applicant
    if applicant.is_active and (recipient is None or recipient.pk == applicant.pk):
        with translation.override(recipient_language(applicant)):
            message = _applicant_message(log, application)
        notices.append(TransitionNotice(applicant, APPLICANT, message, applicant_url(application)))
    role = STAGE_ROLE.get(log.to_status)
    if role is not None:
        officers = officers_with_roles(roles=[role])
        if recipient is not None:
            officers = officers.filter(pk=recipient.pk)
        url = officer_url(application)
        for officer in officers:
            with translation.override(recipient_language(officer)):
                message = _officer_message(log, application)
            notices.append(TransitionNotice(officer, OFFICER, message, url))
    return notices


def _log_get(log_id: int) -> TransitionLog | None:
    return (
        TransitionLog.objects.select_related("application__permit_type", "application__applicant")
        .filter(pk=log_id)
        .first()
    )


def notify_transition(*, log_id: int) -> None:
    """Creates the in-app notices for a transition and queues an e-mail for each recipient with an address.
    Idempotent per (log, recipient). A log that no longer exists is ignored."""
    log = _log_get(log_id)
    if log is None:
        return
    notices = transition_notices(log=log)
    if not notices:
        return
    with transaction.atomic():
        # Serialises concurrent calls for one application, so the existence check below holds.
        list(Application.objects.select_for_update().filter(pk=log.application_id).values_list("pk"))
        existing = set(
            Notification.objects.filter(
                application_id=log.application_id, created_at=log.created_at
            ).values_list("recipient_id", "message")
        )
        new = [notice for notice in notices if (notice.recipient.pk, notice.message) not in existing]
        Notification.objects.bulk_create(
            Notification(
                recipient=notice.recipient,
                application_id=log.application_id,
                message=notice.message,
                url=notice.url,
                created_at=log.created_at,
            )
            for notice in new
        )
        for notice in new:
            if notice.recipient.email:
                outbox_enqueue(
                    task_name=TRANSITION_EMAIL_TASK,
                    kwargs={"log_id": log.pk, "recipient_id": notice.recipient.pk},
                )


def transition_email_send(*, log_id: int, recipient_id: int) -> bool:
    """Sends the e-mail telling one recipient about one transition, at most once. Returns whether it sent
    (not when the log, the recipient or their address is gone, or it was sent already). Raises the mail
    backend's errors so the task can retry."""
    log = _log_get(log_id)
    recipient = get_user_model().objects.filter(pk=recipient_id, is_active=True).first()
    if log is None or recipient is None or not recipient.email:
        return False
    notice = next(iter(transition_notices(log=log, recipient=recipient)), None)
    if notice is None:
        return False
    application = log.application
    with translation.override(recipient_language(recipient)):
        message = notice.message
        # The e-mail lists the reason and the documents in full below; its opening line stays short.
        if notice.audience == APPLICANT and log.to_status == S.PERBAIKAN:
            message = _("Permohonan %(number)s dikembalikan untuk perbaikan.") % {
                "number": application.number
            }
        elif notice.audience == APPLICANT and log.to_status == S.DITOLAK:
            message = _("Permohonan %(number)s ditolak.") % {"number": application.number}
        context = {
            "audience": notice.audience,
            "recipient_name": recipient.get_full_name() or recipient.username,
            "message": message,
            "office_name": office_name(),
            "number": application.number,
            "permit_type": application.permit_type.name,
            "status_label": status_label(log.to_status),
            "from_status_label": status_label(log.from_status),
            "reason": log.reason if log.to_status in (S.PERBAIKAN, S.DITOLAK) else "",
            "documents": returned_documents(log=log) if log.to_status == S.PERBAIKAN else [],
            "fields": _returned_field_labels(log) if log.to_status == S.PERBAIKAN else [],
            "due_date": local_date_text(application.due_date) if log.to_status not in _ENDED else "",
            "link": absolute_url(notice.url),
            "is_issued": log.to_status == S.TERBIT,
            "is_returned": log.to_status == S.PERBAIKAN,
        }
    return email_send_once(
        marker=f"pintu:mail:{log_id}:{recipient_id}",
        template="workflow/email/transition",
        context=context,
        recipient=recipient,
    )


# --- the notifications page -------------------------------------------------------------------------------


def notification_list_for_user(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_get_for_user(*, user, pk: int) -> Notification:
    """The user's own notification (workflow.view_notification). Raises NotFound for a missing one and for
    anybody else's alike."""
    try:
        notification = Notification.objects.get(pk=pk)
    except (Notification.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound from exc
    if not may(user, "workflow.view_notification", notification):
        raise NotFound
    return notification


def unread_notification_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_mark_read(*, notification: Notification, now=None) -> Notification:
    if notification.read_at is None:
        notification.read_at = now or timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user, now=None) -> int:
    """Marks every unread notification of the user read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )
