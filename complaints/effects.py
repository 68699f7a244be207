"""What a complaint's step sets in motion, in the same transaction: in-app notices to the staff who act
next, and an e-mail to the complainant (through the outbox) when the ticket is registered or answered."""

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accounts.roles import Role
from workflow.models import Notification

from .models import ComplaintStatus as CS

NEXT_ROLE = {
    CS.DITERIMA: Role.OPERATOR_PENGADUAN,
    CS.DIKLASIFIKASI: Role.KEPALA_BIDANG_PENGADUAN,
    CS.DIDISPOSISI: Role.BIDANG_TERKAIT,
    CS.DIJAWAB: Role.KEPALA_BIDANG_PENGADUAN,
}
EMAIL_ON = {CS.DITERIMA, CS.DISAMPAIKAN}


def _staff_url(complaint) -> str:
    try:
        return reverse("complaints:staff_detail", kwargs={"pk": complaint.pk})
    except NoReverseMatch:
        return ""


def next_actors(complaint, *, status: str):
    """Who acts on the complaint in `status`: the active users of that step's role; for the bidang's step only
    the members of the unit it was disposed to (no other unit hears of it, not even its ticket)."""
    role = NEXT_ROLE.get(status)
    if role is None:
        return get_user_model().objects.none()
    users = get_user_model().objects.filter(groups__name=role.value, is_active=True)
    if role == Role.BIDANG_TERKAIT:
        if complaint.disposed_unit_id is None:
            return get_user_model().objects.none()
        users = users.filter(complaint_units__pk=complaint.disposed_unit_id)
    return users.distinct()


def after_complaint_transition(complaint, log) -> None:
    from workflow.outbox import outbox_enqueue

    if log.to_status in NEXT_ROLE:
        message = _("Tiket %(ticket)s: %(status)s — perlu tindakan Anda.") % {
            "ticket": complaint.ticket,
            "status": complaint.get_status_display(),
        }
        recipients = next_actors(complaint, status=log.to_status)
        Notification.objects.bulk_create(
            Notification(
                recipient=user, message=message[:300], url=_staff_url(complaint), created_at=log.created_at
            )
            for user in recipients
        )
    if log.to_status in EMAIL_ON and complaint.email:
        outbox_enqueue(
            task_name="complaints.tasks.send_complaint_update",
            kwargs={"complaint_id": complaint.pk, "log_id": log.pk},
        )
