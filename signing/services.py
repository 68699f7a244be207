"""Signing and issuing SKs. The Kepala Dinas' passphrase lives only inside `sk_sign`'s call: it is never
stored, queued, logged or put in an exception (see `signer_load`)."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from accounts.roles import Role
from core.stored_files import (
    stored_file_discard_on_commit,
    stored_file_read,
    stored_file_save,
    stored_files_atomic,
)
from permits.models import Application, ApplicationStatus
from workflow.effects import after_transition
from workflow.runner import transition_run

from .models import Signer, SigningEvent, SkDocument
from .pdf_signing import WrongPassphrase, draft_certify, signer_load

S = ApplicationStatus


class SigningRefused(Exception):
    """Signing cannot happen; `message` says why in plain Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PassphraseRejected(SigningRefused):
    """Wrong passphrase; `attempts_left` before the signer is locked (0 when it just got locked)."""

    def __init__(self, message: str, attempts_left: int):
        super().__init__(message)
        self.attempts_left = attempts_left


class SignerUnlockRefused(Exception):
    """An unlock that cannot happen; `message` says why in plain Indonesian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signer_for_user(*, user) -> Signer | None:
    return Signer.objects.filter(user=user, is_active=True).order_by("-pk").first()


def sk_for_application(*, application: Application) -> SkDocument:
    sk, _created = SkDocument.objects.get_or_create(application=application)
    return sk


def _event(signer: Signer, application, kind: str, actor, now) -> None:
    SigningEvent.objects.create(
        signer=signer, application=application, kind=kind, actor=actor, created_at=now
    )


def _register_failure(*, signer_id: int, application, actor, now) -> int:
    """Counts a wrong passphrase in its own committed transaction; locks the signer after the limit.
    Returns the attempts left."""
    limit = settings.PINTU_SIGNING_MAX_FAILURES
    with transaction.atomic():
        signer = Signer.objects.select_for_update().get(pk=signer_id)
        signer.failed_attempts += 1
        _event(signer, application, SigningEvent.Kind.WRONG_PASSPHRASE, actor, now)
        left = max(limit - signer.failed_attempts, 0)
        if signer.failed_attempts >= limit:
            signer.locked_until = now + timedelta(minutes=settings.PINTU_SIGNING_LOCK_MINUTES)
            signer.failed_attempts = 0
            _event(signer, application, SigningEvent.Kind.LOCKED, actor, now)
        signer.save(update_fields=["failed_attempts", "locked_until"])
    return left


def signer_unlock(*, signer_id: int, by, reason: str, now=None) -> Signer:
    """An administrator lifts a signer's lock after wrong passphrases, and clears the failures counted so far,
    so that the signer may sign again at once; recorded as an UNLOCKED event with `by` and `reason`.

    Raises SignerUnlockRefused when `by` may not change signers, the reason is empty or longer than
    SigningEvent.REASON_MAX_LENGTH, or the signer is neither locked nor has failed attempts;
    Signer.DoesNotExist for an unknown id."""
    now = now or timezone.now()
    reason = reason.strip()
    if not by.has_perm("signing.change_signer"):
        raise SignerUnlockRefused(_("Anda tidak berwenang membuka kunci penanda tangan."))
    if not reason:
        raise SignerUnlockRefused(_("Tuliskan alasan membuka kunci."))
    if len(reason) > SigningEvent.REASON_MAX_LENGTH:
        raise SignerUnlockRefused(
            _("Alasan terlalu panjang: paling banyak %(limit)s karakter.")
            % {"limit": SigningEvent.REASON_MAX_LENGTH}
        )
    with transaction.atomic():
        signer = Signer.objects.select_for_update().get(pk=signer_id)
        locked = signer.locked_until is not None and signer.locked_until > now
        if not locked and not signer.failed_attempts:
            raise SignerUnlockRefused(_("%(signer)s tidak sedang dikunci.") % {"signer": signer.name})
        signer.failed_attempts, signer.locked_until = 0, None
        signer.save(update_fields=["failed_attempts", "locked_until"])
        SigningEvent.objects.create(
            signer=signer, kind=SigningEvent.Kind.UNLOCKED, actor=by, created_at=now, reason=reason
        )
    return signer


@sensitive_variables("passphrase")
def sk_sign(*, application_id: int, expected_status: str, by, passphrase: str, shown_sha256: str, now=None):
    """The Kepala Dinas signs the draft shown to them. Raises SigningRefused (not a signer, locked, draft not
    ready or changed), PassphraseRejected, and the runner's AlreadyProcessed / TransitionRefused."""
    now = now or timezone.now()
    signer = signer_for_user(user=by)
    if signer is None:
        raise SigningRefused(_("Akun Anda belum terdaftar sebagai penanda tangan. Hubungi administrator."))
    application = Application.objects.select_related("permit_type").get(pk=application_id)
    if signer.locked_until and signer.locked_until > now:
        _event(signer, application, SigningEvent.Kind.REFUSED_LOCKED, by, now)
        minutes = max(int((signer.locked_until - now).total_seconds() // 60) + 1, 1)
        raise SigningRefused(
            _("Penandatanganan dikunci karena 5 kali passphrase salah. Coba lagi dalam %(minutes)s menit.")
            % {"minutes": minutes}
        )
    sk = SkDocument.objects.filter(application=application).first()
    if sk is None or not sk.draft_pdf:
        raise SigningRefused(_("Draf SK masih disiapkan. Muat ulang halaman sebentar lagi."))
    draft = stored_file_read(sk.draft_pdf)
    if sha256_hex(draft) != sk.draft_sha256 or shown_sha256 != sk.draft_sha256:
        _event(signer, application, SigningEvent.Kind.DOCUMENT_CHANGED, by, now)
        raise SigningRefused(_("Draf SK telah berubah sejak Anda membukanya. Periksa kembali draf terbaru."))
    try:
        key = signer_load(pkcs12=stored_file_read(signer.pkcs12), passphrase=passphrase)
    except WrongPassphrase:
        left = _register_failure(signer_id=signer.pk, application=application, actor=by, now=now)
        if left == 0:
            raise PassphraseRejected(
                _("Passphrase salah. Penandatanganan dikunci selama %(minutes)s menit.")
                % {"minutes": settings.PINTU_SIGNING_LOCK_MINUTES},
                attempts_left=0,
            ) from None
        raise PassphraseRejected(
            _("Passphrase salah. Sisa percobaan: %(left)s.") % {"left": left}, attempts_left=left
        ) from None
    finally:
        del passphrase
    signed = draft_certify(
        draft=draft,
        signer=key,
        signer_name=signer.name,
        position=signer.signed_position,
        reason=_("Penetapan %(permit)s") % {"permit": application.permit_type.name},
        location=_office_city(),
    )

    def store_signed(app, log):
        stored_file_save(sk.signed_pdf, f"{sk.verification_token}.pdf", ContentFile(signed))
        sk.signed_sha256, sk.signed_at, sk.signer = sha256_hex(signed), now, signer
        sk.save(update_fields=["signed_pdf", "signed_sha256", "signed_at", "signer"])
        Signer.objects.filter(pk=signer.pk).update(failed_attempts=0)
        _event(signer, app, SigningEvent.Kind.SIGNED, by, now)

    # Someone else signed meanwhile, or an effect fails: the signed copy stored in the effect goes again.
    with stored_files_atomic():
        return transition_run(
            application_id=application_id,
            transition="sign",
            actor=by,
            actor_role=signer.signed_position[:50],
            expected_status=expected_status,
            permission="signing.sign_sk",
            arguments={"now": now},
            effects=[store_signed, after_transition],
            now=now,
        )


def _office_city() -> str:
    from permits.models import Office

    office = Office.current()
    return getattr(office, "city", "") or (office.name if office else "")


def _draft_current(*, sk: SkDocument, application: Application, now) -> bool:
    """A draft rendered since the application (last) reached the Kepala Dinas, and today: the SK is dated
    the day it is signed."""
    rendered = sk.draft_rendered_at
    if not sk.draft_pdf or rendered is None:
        return False
    entered = application.stage_entered_at
    same_day = timezone.localdate(rendered) == timezone.localdate(now)
    return same_day and (entered is None or rendered >= entered)


def sk_draft_prepare(*, application_id: int, now=None) -> SkDocument:
    """Renders the draft SK for an application waiting for the Kepala Dinas. Idempotent: a current draft
    (`_draft_current`) is kept, so a task delivered twice never changes the draft the Kepala Dinas is
    looking at. Raises what rendering raises (the task retries)."""
    from .sk_render import sk_draft_render

    now = now or timezone.now()
    application = Application.objects.select_related("permit_type", "applicant").get(pk=application_id)
    sk = sk_for_application(application=application)
    if (
        application.status != S.MENUNGGU_TTE
        or sk.signed_pdf
        or _draft_current(sk=sk, application=application, now=now)
    ):
        return sk
    signer = (
        Signer.objects.filter(is_active=True, user__groups__name=Role.KEPALA_DINAS.value)
        .order_by("-pk")
        .first()
    )
    pdf = sk_draft_render(
        application=application,
        verification_url=verification_url(sk=sk),
        signer=signer,
        issued_on=timezone.localdate(now),
    )
    with stored_files_atomic():
        # Locked, so that two renderings at once replace each other's draft rather than orphan one.
        sk = SkDocument.objects.select_for_update().get(pk=sk.pk)
        if sk.signed_pdf or _draft_current(sk=sk, application=application, now=now):
            return sk
        # The new draft gets a new name; the old one goes only once the row points at the new one.
        stored_file_discard_on_commit(sk.draft_pdf)
        stored_file_save(sk.draft_pdf, f"{sk.verification_token}.pdf", ContentFile(pdf))
        sk.draft_sha256, sk.draft_rendered_at = sha256_hex(pdf), now
        # The draft step is done: the issuance that follows counts its own tries (signing/background.py).
        sk.failure, sk.attempts = "", 0
        sk.save(update_fields=["draft_pdf", "draft_sha256", "draft_rendered_at", "failure", "attempts"])
    return sk


def verification_url(*, sk: SkDocument) -> str:
    from django.urls import reverse

    return settings.PINTU_SITE_URL + reverse("signing:verify_token", kwargs={"token": sk.verification_token})
