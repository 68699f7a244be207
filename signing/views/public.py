"""Public SK verification: the QR code's target page, and a page to check an SK's PDF. No login.

The token page says only what is printed on the SK (holder's name, permit, number, dates, the signer's
position) plus its current standing; never NIK, address or documents. Uploaded PDFs are checked in memory
and never stored.
"""

from dataclasses import dataclass

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from permits.uploads import check_upload

from .. import verification as v
from ..verification import sk_lookup_by_token, sk_public_facts, sk_verify_pdf

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
TOKEN_MAX_LENGTH = 64


@dataclass(frozen=True)
class Panel:
    css: str  # Bootstrap contextual colour; the icon and title carry the meaning too, never colour alone
    role: str  # "status" for good news, "alert" for anything the reader must act on
    icon: str
    title: str


PANELS = {
    v.AUTHENTIC: Panel("success", "status", "✔", _("Asli dan tidak diubah")),
    v.MODIFIED: Panel("danger", "alert", "✖", _("Dokumen telah diubah setelah ditandatangani")),
    v.UNKNOWN_SIGNER: Panel("warning", "alert", "⚠", _("Penanda tangan tidak dikenal")),
    v.NOT_SIGNED: Panel("secondary", "alert", "○", _("Dokumen tidak bertanda tangan elektronik")),
    v.NOT_OURS: Panel("warning", "alert", "⚠", _("Bukan dokumen yang diterbitkan kantor ini")),
    v.INVALID_FILE: Panel("secondary", "alert", "✖", _("Berkas tidak dapat dibaca")),
}


class VerifyUploadForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas PDF surat izin"),
        help_text=_("Unggah berkas PDF surat izin yang ingin diperiksa, paling besar 10 MB."),
    )

    def clean_berkas(self):
        uploaded = self.cleaned_data["berkas"]
        # UploadRejected is a ValidationError carrying the Indonesian message: it lands on this field.
        check_upload(uploaded_file=uploaded, accepted_kinds=["pdf"], max_bytes=MAX_UPLOAD_BYTES)
        return uploaded


@require_GET
@never_cache
def verify_token(request, token: str):
    sk = sk_lookup_by_token(token=token[:TOKEN_MAX_LENGTH])
    if sk is None:
        return render(request, "signing/public/verify_token.html", {"facts": None}, status=404)
    facts = sk_public_facts(sk=sk, today=timezone.localdate())
    return render(request, "signing/public/verify_token.html", {"facts": facts})


@require_http_methods(["GET", "POST"])
@never_cache
@ratelimit(key="ip", rate="20/h", method=["POST"], block=False)
def verify_upload(request):
    limited = getattr(request, "limited", False)
    result = facts = panel = None
    status = 200
    if request.method != "POST":
        form = VerifyUploadForm()
    elif limited:
        form, status = VerifyUploadForm(), 429
    else:
        form = VerifyUploadForm(request.POST, request.FILES)
        if form.is_valid():
            result = sk_verify_pdf(pdf=form.cleaned_data["berkas"].read())
            panel = PANELS[result.verdict]
            if result.is_authentic:
                facts = sk_public_facts(sk=result.sk, today=timezone.localdate())
            form = VerifyUploadForm()  # ready for the next file
        else:
            status = 400
    return render(
        request,
        "signing/public/verify_upload.html",
        {
            "form": form,
            "result": result,
            "panel": panel,
            "facts": facts,
            "limited": limited and request.method == "POST",
        },
        status=status,
    )
