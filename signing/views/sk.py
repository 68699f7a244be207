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

from permits.downloads import private_file_response
from permits.models import Application, ApplicationStatus
from workflow.runner import AlreadyProcessed, TransitionRefused

from ..models import SkDocument
from ..services import PassphraseRejected, SigningRefused, sk_sign


def _officer_sk(request, pk: int) -> SkDocument:
    if not (request.user.is_authenticated and request.user.has_perm("workflow.view_application")):
        raise Http404
    try:
        return SkDocument.objects.select_related("application").get(application_id=pk)
    except SkDocument.DoesNotExist as exc:
        raise Http404 from exc


def _pdf_response(file_field, *, filename: str, inline: bool):
    return private_file_response(
        file_field, filename=filename, content_type="application/pdf", inline=inline, sandbox=False
    )


@require_GET
@login_required
@xframe_options_sameorigin
def sk_draft_preview(request, pk: int):
    """The exact draft bytes the Kepala Dinas is asked to sign (its hash goes with the signing form)."""
    sk = _officer_sk(request, pk)
    document = sk.signed_pdf or sk.draft_pdf
    if not document:
        raise Http404
    return _pdf_response(document, filename=f"draf-sk-{sk.application.number}.pdf", inline=True)


@require_POST
@login_required
@sensitive_post_parameters("passphrase")
@sensitive_variables("passphrase")
def sk_sign_view(request, pk: int):
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
    """The applicant's "SK TTE": only their own, only once issued. Officers may download any issued SK."""
    applications = Application.objects.filter(status=ApplicationStatus.TERBIT)
    if not request.user.has_perm("workflow.view_application"):
        applications = applications.filter(applicant=request.user)
    try:
        application = applications.select_related("sk").get(pk=pk)
        sk = application.sk
    except (Application.DoesNotExist, SkDocument.DoesNotExist) as exc:
        raise Http404 from exc
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
    from accounts.roles import Role

    from ..delivery import sk_email_request

    sk = _officer_sk(request, pk)
    if not request.user.has_role(Role.SEKRETARIAT) or not sk.final_pdf:
        raise Http404
    sk_email_request(application_id=pk)
    messages.success(
        request, _("SK dikirim ke e-mail pemohon (%(email)s).") % {"email": sk.application.applicant.email}
    )
    return redirect("workflow:staff_application_detail", pk=pk)
