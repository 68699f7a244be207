"""Sending the issued SK to the applicant by e-mail (the Sekretariat's choice, as SIPOP's office does)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.stored_files import stored_file_read
from permits.models import Application, ApplicationStatus, Office


def sk_email_request(*, application_id: int) -> None:
    from workflow.outbox import outbox_enqueue

    with transaction.atomic():
        outbox_enqueue(task_name="signing.tasks.email_sk", kwargs={"application_id": application_id})


def sk_email_send(*, application_id: int) -> None:
    application = Application.objects.select_related("applicant", "permit_type", "sk", "issued_number").get(
        pk=application_id, status=ApplicationStatus.TERBIT
    )
    applicant = application.applicant
    with translation.override(applicant.preferred_language or "id"):
        context = {
            "application": application,
            "office": Office.current(),
            "number": application.issued_number.number,
            "url": settings.PINTU_SITE_URL
            + reverse("permits:application_detail", kwargs={"pk": application.pk}),
        }
        message = EmailMessage(
            subject=render_to_string("signing/email/sk_subject.txt", context).strip(),
            body=render_to_string("signing/email/sk.txt", context),
            to=[applicant.email],
        )
    message.attach(
        f"SK-{application.number}.pdf", stored_file_read(application.sk.final_pdf), "application/pdf"
    )
    message.send()
