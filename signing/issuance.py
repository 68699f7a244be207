"""The final SK: fill the number and seal, store it with its SHA-256, publish. Run by a Celery task after the
Sekretariat's numbering commits; idempotent (one final document per application, a second run changes
nothing)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from permits.models import Application, ApplicationStatus, Office
from workflow.effects import after_transition
from workflow.runner import transition_run

from .keys import seal_signer
from .models import SkDocument
from .pdf_signing import final_fill_and_seal
from .services import sha256_hex
from .sk_render import sk_valid_until

S = ApplicationStatus


def sk_issue(*, application_id: int, now=None) -> SkDocument:
    now = now or timezone.now()
    application = Application.objects.select_related("issued_number").get(pk=application_id)
    sk = SkDocument.objects.get(application=application)
    if application.status == S.TERBIT and sk.final_pdf:
        return sk  # already issued: a repeated task changes nothing
    if application.status != S.PENERBITAN:
        raise RuntimeError(f"application {application_id} is not waiting for issuance")
    office = Office.current()
    final = final_fill_and_seal(
        certified=sk.signed_pdf.open("rb").read(),
        number=application.issued_number.number,
        seal_signer=seal_signer(),
        office_name=office.name if office else "",
    )

    def store_final(app, log):
        sk.final_pdf.save(f"{sk.verification_token}.pdf", ContentFile(final), save=False)
        sk.final_sha256, sk.issued_at = sha256_hex(final), now
        # The same rule the SK prints: practice licences 5 years (or the STR's end), others open-ended.
        sk.valid_until = sk_valid_until(
            application=application, issued_on=timezone.localdate(sk.draft_rendered_at or now)
        )
        sk.failure = ""
        sk.save(update_fields=["final_pdf", "final_sha256", "issued_at", "valid_until", "failure"])

    with transaction.atomic():
        transition_run(
            application_id=application_id,
            transition="publish",
            actor=None,
            actor_role="Sistem",
            expected_status=S.PENERBITAN,
            permission=None,
            arguments={"now": now},
            effects=[store_final, after_transition],
            now=now,
        )
    return sk


def sk_issue_failed(*, application_id: int, error: str) -> None:
    """Bounded retries exhausted: the application shows a visible error an administrator can retry."""
    SkDocument.objects.filter(application_id=application_id).update(failure=error[:300])


def sk_issue_retry(*, application_id: int) -> None:
    from workflow.outbox import outbox_enqueue

    with transaction.atomic():
        SkDocument.objects.filter(application_id=application_id).update(failure="", attempts=0)
        outbox_enqueue(task_name="signing.tasks.issue_sk", kwargs={"application_id": application_id})
