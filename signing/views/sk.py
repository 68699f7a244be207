"""The SK pages for officers (preview, passphrase signature) and for the applicant (download)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_POST

from core.downloads import private_file_response
from permits.models import Application
from permits.rules import may
from workflow.runner import AlreadyProcessed, TransitionRefused

from ..models import SkDocument
from ..services import PassphraseRejected, SigningRefused, sk_sign


def _application_for(request, pk: int, permission: str) -> Application:
    """The application, when `permission` (signing/rules.py, workflow/rules.py) lets the user at it; a 404 for
    a missing one and for anybody else alike."""
    try:
        application = Application.objects.get(pk=pk)
    except (Application.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if not may(request.user, permission, application):
        raise Http404
    return application


def _sk_for(request, pk: int, permission: str) -> SkDocument:
    """The application's SK, when `permission` lets the user at it; a 404 otherwise, as for a missing one."""
    try:
        sk = SkDocument.objects.select_related("application", "application__applicant").get(application_id=pk)
    except (SkDocument.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if not may(request.user, permission, sk.application):
        raise Http404
    return sk


def _pdf_response(file_field, *, filename: str, inline: bool):
    return private_file_response(
        file_field, filename=filename, content_type="application/pdf", inline=inline, sandbox=False
    )


@require_GET
@login_required
@xframe_options_sameorigin
def sk_draft_preview(request, pk: int):
    """The exact draft bytes the Kepala Dinas is asked to sign (its hash goes with the signing form)."""
    sk = _sk_for(request, pk, "signing.view_sk_draft")
    document = sk.signed_pdf or sk.draft_pdf
    if not document:
        raise Http404
    return _pdf_response(document, filename=f"draf-sk-{sk.application.number}.pdf", inline=True)


@require_POST
@login_required
@sensitive_post_parameters("passphrase")
@sensitive_variables("passphrase")
def sk_sign_view(request, pk: int):
    _application_for(request, pk, "workflow.view_application")
    passphrase = request.POST.get("passphrase", "")
    detail = redirect("workflow:staff_application_detail", pk=pk)
    if not passphrase:
        messages.error(request, _("Ketik passphrase sertifikat elektronik Anda."))
        return detail
    try:
        sk_sign(
            application_id=pk,
            expected_status=request.POST.get("expected_status", ""),
            by=request.user,
            passphrase=passphrase,
            shown_sha256=request.POST.get("draft_sha256", ""),
        )
    except PassphraseRejected as exc:
        messages.error(request, exc.message)
        return detail
    except SigningRefused as exc:
        messages.error(request, exc.message)
        return detail
    except AlreadyProcessed:
        messages.warning(request, _("SK ini sudah diproses. Tampilan telah diperbarui."))
        return detail
    except TransitionRefused:
        messages.error(request, _("Anda tidak berwenang menandatangani SK ini."))
        return detail
    finally:
        del passphrase
    messages.success(
        request,
        _("SK berhasil ditandatangani secara elektronik dan diteruskan ke Sekretariat untuk penomoran."),
    )
    return redirect("workflow:queue")


@require_GET
@login_required
def sk_download(request, pk: int):
    """The applicant's "SK TTE": only their own, only once issued; the application roles may download any
    issued SK (signing.download_sk)."""
    sk = _sk_for(request, pk, "signing.download_sk")
    application = sk.application
    if not sk.final_pdf:
        raise Http404
    if application.applicant_id == request.user.pk and sk.first_downloaded_at is None:
        SkDocument.objects.filter(pk=sk.pk, first_downloaded_at__isnull=True).update(
            first_downloaded_at=timezone.now()
        )
    return _pdf_response(sk.final_pdf, filename=f"SK-{application.number}.pdf", inline=False)


@require_POST
@login_required
def sk_number_view(request, pk: int):
    """The Sekretariat confirms the proposed number; the final SK is then produced in the background."""
    from ..numbering import NumberingError, application_assign_number

    _application_for(request, pk, "workflow.view_application")
    detail = redirect("workflow:staff_application_detail", pk=pk)
    try:
        application = application_assign_number(
            application_id=pk, expected_status=request.POST.get("expected_status", ""), by=request.user
        )
    except NumberingError as exc:
        messages.error(request, exc.message)
        return detail
    except AlreadyProcessed:
        messages.warning(request, _("Permohonan ini sudah diberi nomor. Tampilan telah diperbarui."))
        return detail
    except TransitionRefused:
        messages.error(request, _("Anda tidak berwenang memberi nomor pada tahap ini."))
        return detail
    messages.success(
        request,
        _("Nomor %(number)s diberikan. SK final sedang diterbitkan.")
        % {"number": application.issued_number.number},
    )
    return redirect("workflow:queue")


@require_POST
@login_required
def sk_email_view(request, pk: int):
    """The Sekretariat sends the issued SK to the applicant by e-mail (queued; sent by a task)."""
    from ..delivery import sk_email_request

    sk = _sk_for(request, pk, "signing.email_sk")
    if not sk.final_pdf:
        raise Http404
    sk_email_request(application_id=pk)
    messages.success(
        request, _("SK dikirim ke e-mail pemohon (%(email)s).") % {"email": sk.application.applicant.email}
    )
    return redirect("workflow:staff_application_detail", pk=pk)
