"""Overdue files: which applications the office holds past their due date, and the daily reminder to the
stage's officers and their superiors (in-app, and by e-mail through the outbox)."""

import logging
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from permits.models import Application

from .calendar import office_calendar
from .markers import marker_claim
from .models import Notification
from .notifications import (
    absolute_url,
    email_send_once,
    local_date_text,
    office_name,
    officer_url,
    officers_with_roles,
    recipient_language,
    short_message,
    status_label,
)
from .outbox import outbox_enqueue
from .routes import OFFICE_STAGES, STAGE_ROLE, SUPERIOR_ROLE

logger = logging.getLogger("pintu.reminders")

OVERDUE_EMAIL_TASK = "workflow.tasks.send_overdue_reminder"


def overdue_applications(*, today: date) -> QuerySet[Application]:
    """Applications the office holds (an office stage) whose due date has passed before `today`."""
    return (
        Application.objects.filter(status__in=OFFICE_STAGES, due_date__lt=today)
        .select_related("permit_type")
        .order_by("due_date", "pk")
    )


def reminder_recipients(*, application: Application) -> QuerySet:
    """The active officers of the application's stage and of the role above it."""
    role = STAGE_ROLE.get(application.status)
    if role is None:
        return get_user_model().objects.none()
    roles = [role, SUPERIOR_ROLE[role]] if role in SUPERIOR_ROLE else [role]
    return officers_with_roles(roles=roles)


def _overdue_message(application: Application, *, days_late: int) -> str:
    return short_message(
        _(
            "Permohonan %(number)s (%(permit)s) melewati batas waktu layanan %(due_date)s "
            "(terlambat %(days)s hari kerja) dan masih dalam tahap %(stage)s."
        )
        % {
            "number": application.number,
            "permit": application.permit_type.name,
            "due_date": local_date_text(application.due_date),
            "days": days_late,
            "stage": status_label(application.status),
        }
    )


def overdue_reminders_send(*, today: date | None = None, now=None) -> int:
    """Reminds the officers of each overdue application's stage, and their superiors, at most once per
    application, recipient and day. Nothing is sent on days the office is closed. Returns how many
    reminders were created."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    calendar = office_calendar()
    if not calendar.is_working_day(today):
        return 0
    created = 0
    for application in overdue_applications(today=today):
        recipients = list(reminder_recipients(application=application))
        if not recipients:
            # PENERBITAN is the system's own stage: a file stuck there is for the operators' logs.
            logger.warning(
                "overdue application %s at %s has nobody to remind", application.pk, application.status
            )
            continue
        days_late = calendar.working_days_between(application.due_date, today)
        for recipient in recipients:
            reminded = _remind(
                application=application, recipient=recipient, days_late=days_late, today=today, now=now
            )
            created += int(reminded)
    return created


def _remind(*, application: Application, recipient, days_late: int, today: date, now) -> bool:
    marker = f"pintu:overdue:{today.isoformat()}:{application.pk}:{recipient.pk}"
    with translation.override(recipient_language(recipient)):
        message = _overdue_message(application, days_late=days_late)
    with transaction.atomic():
        # The marker row commits (or rolls back) with the notice: once per application, recipient and day,
        # even with two reminder runs at once.
        if not marker_claim(marker=marker, done=True):
            return False
        Notification.objects.create(
            recipient=recipient,
            application=application,
            message=message,
            url=officer_url(application),
            created_at=now,
        )
        if recipient.email:
            outbox_enqueue(
                task_name=OVERDUE_EMAIL_TASK,
                kwargs={
                    "application_id": application.pk,
                    "recipient_id": recipient.pk,
                    # The e-mail tells what the reminder said that day, even if delivered later.
                    "reminder_date": today.isoformat(),
                },
            )
    return True


def overdue_email_send(*, application_id: int, recipient_id: int, today: date | None = None) -> bool:
    """E-mails one officer that one application is overdue, at most once a day. Returns whether it sent (not
    when the file has moved on, is no longer overdue, or the officer no longer acts on it). Raises the mail
    backend's errors so the task can retry."""
    today = today or timezone.localdate()
    application = Application.objects.select_related("permit_type").filter(pk=application_id).first()
    if application is None or not overdue_applications(today=today).filter(pk=application_id).exists():
        return False
    recipient = reminder_recipients(application=application).filter(pk=recipient_id).first()
    if recipient is None or not recipient.email:
        return False
    days_late = office_calendar().working_days_between(application.due_date, today)
    url = officer_url(application)
    with translation.override(recipient_language(recipient)):
        context = {
            "recipient_name": recipient.get_full_name() or recipient.username,
            "message": _overdue_message(application, days_late=days_late),
            "office_name": office_name(),
            "number": application.number,
            "permit_type": application.permit_type.name,
            "status_label": status_label(application.status),
            "due_date": local_date_text(application.due_date),
            "days_late": days_late,
            "link": absolute_url(url),
        }
    return email_send_once(
        marker=f"pintu:mail:overdue:{today.isoformat()}:{application_id}:{recipient_id}",
        template="workflow/email/overdue",
        context=context,
        recipient=recipient,
    )
