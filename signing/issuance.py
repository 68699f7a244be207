"""The final SK: fill the number and seal, store it with its SHA-256, publish. Run by a Celery task after the
Sekretariat's numbering commits; idempotent (one final document per application, a second run changes
nothing)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.stored_files import stored_file_read, stored_file_save, stored_files_atomic
from permits.models import Application, ApplicationStatus, Office
from workflow.effects import after_transition
from workflow.runner import transition_run

from .background import PHASE_TASKS
from .keys import seal_signer
from .models import SkDocument
from .pdf_signing import final_fill_and_seal
from .services import sha256_hex
from .sk_render import sk_valid_until

S = ApplicationStatus


def sk_issue(*, application_id: int, now=None) -> SkDocument:
    """Fills the number, seals, stores and publishes the final SK. Two runs at once (a message delivered
    again beside the original) produce one final SK: the second waits for the first's row locks and then
    finds the SK issued. Raises RuntimeError when the application is not waiting for issuance, and whatever
    sealing or storing raises (the task retries)."""
    now = now or timezone.now()
    # A failing effect, or a crash before commit: the final copy stored in the effect goes again.
    with stored_files_atomic():
        # Locked in the runner's order (the application, then its SK) until the SK is published.
        application = (
            Application.objects.select_related("issued_number")
            .select_for_update(of=("self",))
            .get(pk=application_id)
        )
        sk = SkDocument.objects.select_for_update().get(application=application)
        if application.status == S.TERBIT and sk.final_pdf:
            return sk  # already issued: a repeated task changes nothing
        if application.status != S.PENERBITAN:
            raise RuntimeError(f"application {application_id} is not waiting for issuance")
        office = Office.current()
        final = final_fill_and_seal(
            certified=stored_file_read(sk.signed_pdf),
            number=application.issued_number.number,
            seal_signer=seal_signer(),
            office_name=office.name if office else "",
        )

        def store_final(app, log):
            stored_file_save(sk.final_pdf, f"{sk.verification_token}.pdf", ContentFile(final))
            sk.final_sha256, sk.issued_at = sha256_hex(final), now
            # The same rule the SK prints: practice licences 5 years (or the STR's end), others open-ended.
            sk.valid_until = sk_valid_until(
                application=application, issued_on=timezone.localdate(sk.draft_rendered_at or now)
            )
            sk.failure = ""
            sk.save(update_fields=["final_pdf", "final_sha256", "issued_at", "valid_until", "failure"])

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


def sk_issue_retry(*, application_id: int, now=None) -> None:
    """The administrator's retry after the bounded retries failed: the step the application waits for (its
    draft, or its final SK) is queued again with a fresh count of tries."""
    from workflow.outbox import outbox_enqueue

    now = now or timezone.now()
    status = Application.objects.filter(pk=application_id).values_list("status", flat=True).first()
    with transaction.atomic():
        # task_due_at: the sweep leaves the freshly queued task alone.
        SkDocument.objects.filter(application_id=application_id).update(
            failure="", attempts=0, task_due_at=now
        )
        outbox_enqueue(
            task_name=PHASE_TASKS.get(status, "signing.tasks.issue_sk"),
            kwargs={"application_id": application_id},
        )
