"""The daily reminder about overdue complaints: an in-app notice to the role that holds each one and to the
Kepala Bidang Pengaduan, at most once per complaint, recipient and day (like workflow.reminders)."""

import logging
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.roles import Role
from workflow.calendar import WorkingCalendar, office_calendar
from workflow.markers import marker_claim
from workflow.models import Notification
from workflow.notifications import local_date_text, officers_with_roles, recipient_language, short_message

from .effects import NEXT_ROLE, next_actors
from .models import Complaint
from .models import ComplaintStatus as CS
from .selectors import overdue_q

logger = logging.getLogger("pintu.reminders")

SUPERVISOR_ROLE = Role.KEPALA_BIDANG_PENGADUAN


def overdue_complaints(*, today: date) -> QuerySet[Complaint]:
    """Open complaints past their answer deadline, or still unacknowledged past the acknowledgement one."""
    return Complaint.objects.filter(overdue_q(today=today)).order_by("answer_due", "pk")


def complaint_staff_url(complaint: Complaint) -> str:
    try:
        return reverse("complaints:staff_detail", kwargs={"pk": complaint.pk})
    except NoReverseMatch:
        return f"/petugas/pengaduan/{complaint.pk}/"


def reminder_recipients(*, complaint: Complaint) -> list:
    """Active users of the role holding the complaint now (for the bidang's step: the members of the unit it
    was disposed to), and the Kepala Bidang Pengaduan; each once."""
    if complaint.status not in NEXT_ROLE:
        return []
    supervisors = list(officers_with_roles(roles={SUPERVISOR_ROLE}))
    holders = [user for user in next_actors(complaint, status=complaint.status) if user not in supervisors]
    return sorted([*supervisors, *holders], key=lambda user: user.pk)


def _message(complaint: Complaint, *, calendar: WorkingCalendar, today: date) -> str:
    if (
        complaint.status == CS.DITERIMA
        and complaint.acknowledge_due < today
        and complaint.answer_due >= today
    ):
        text = _(
            "Pengaduan %(ticket)s belum ditanggapi; batas tanggapan awal %(due_date)s "
            "(terlambat %(days)s hari kerja)."
        )
        due = complaint.acknowledge_due
    else:
        text = _(
            "Pengaduan %(ticket)s melewati batas penyelesaian %(due_date)s (terlambat %(days)s hari kerja) "
            "dan masih berstatus %(status)s."
        )
        due = complaint.answer_due
    return short_message(
        text
        % {
            "ticket": complaint.ticket,
            "due_date": local_date_text(due),
            "days": max(1, calendar.working_days_between(due, today)),
            "status": complaint.get_status_display(),
        }
    )


def overdue_complaint_reminders_send(*, today: date | None = None, now=None) -> int:
    """Creates the day's reminders; nothing on a day the office is closed. Returns how many were created."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    calendar = office_calendar()
    if not calendar.is_working_day(today):
        return 0
    created = 0
    for complaint in overdue_complaints(today=today).iterator(chunk_size=200):
        recipients = reminder_recipients(complaint=complaint)
        if not recipients:
            logger.warning("overdue complaint %s at %s has nobody to remind", complaint.pk, complaint.status)
            continue
        for recipient in recipients:
            created += int(
                _remind(complaint=complaint, recipient=recipient, calendar=calendar, today=today, now=now)
            )
    return created


def _remind(*, complaint: Complaint, recipient, calendar: WorkingCalendar, today: date, now) -> bool:
    marker = f"pintu:complaint-overdue:{today.isoformat()}:{complaint.pk}:{recipient.pk}"
    url = complaint_staff_url(complaint)
    with translation.override(recipient_language(recipient)):
        message = _message(complaint, calendar=calendar, today=today)
    with transaction.atomic():
        # The marker row (workflow/markers.py) commits or rolls back with the notice.
        if not marker_claim(marker=marker, done=True):
            return False
        Notification.objects.create(recipient=recipient, message=message, url=url, created_at=now)
    return True
