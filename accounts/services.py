"""Account events of Pintu's own (allauth handles the rest): telling a NIK's owner that someone tried to
sign up with it."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import formats, timezone, translation

from workflow.notifications import absolute_url, email_send_once, office_name, recipient_language
from workflow.outbox import outbox_enqueue

NIK_SIGNUP_EMAIL_TASK = "accounts.tasks.send_nik_signup_attempt_email"


def signup_nik_taken_report(*, owner, attempted_at: datetime) -> None:
    """Someone tried to sign up with the NIK of `owner`'s account: e-mails the owner once the current
    transaction commits (through the outbox). Raises nothing of its own."""
    if not owner.email:
        return
    outbox_enqueue(
        task_name=NIK_SIGNUP_EMAIL_TASK,
        kwargs={"user_id": owner.pk, "attempted_at": attempted_at.isoformat()},
    )


def nik_signup_attempt_email_send(*, user_id: int, attempted_at: datetime) -> bool:
    """Tells the NIK's owner, in their language, that a sign-up used their NIK. At most one such e-mail per
    owner per hour (a sign-up form is no way to flood someone's inbox), whatever the number of tries or task
    deliveries. Returns whether it sent. Raises the mail backend's errors (smtplib / OSError), after giving
    the marker back, so the task can retry."""
    owner = get_user_model().objects.filter(pk=user_id).first()
    if owner is None or not owner.email:
        return False
    local = timezone.localtime(attempted_at)
    with translation.override(recipient_language(owner)):
        attempted_text = formats.date_format(local, "j F Y, H:i")
    return email_send_once(
        marker=f"pintu:mail:nik-signup:{owner.pk}:{local:%Y%m%d%H}",
        template="accounts/email/nik_signup_attempt",
        context={
            "recipient_name": owner.get_full_name() or owner.username,
            "attempted_at": attempted_text,
            "office_name": office_name(),
            "login_url": absolute_url(reverse("account_login")),
            "reset_url": absolute_url(reverse("account_reset_password")),
        },
        recipient=owner,
    )
