import logging
from datetime import date

from cryptography import x509
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import IssuedNumber, NumberCounter, NumberSeries, Signer, SigningEvent, SkDocument, TrustRoot
from .numbering import number_format, validate_number_format
from .services import SignerUnlockRefused, signer_unlock

logger = logging.getLogger(__name__)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the system keeps: viewable, never added, edited or deleted through the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# --- Letter numbers -------------------------------------------------------------------------------------


class NumberSeriesForm(forms.ModelForm):
    class Meta:
        model = NumberSeries
        fields = ("name", "kka", "permit_code", "unit_code", "format", "permit_types")

    def clean_format(self) -> str:
        value = self.cleaned_data["format"].strip()
        validate_number_format(value)
        return value

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("format")
        if value and "{kode}" in value and not cleaned.get("permit_code", "").strip():
            self.add_error("permit_code", gettext("Format memuat {kode}: isi kode izin."))
        if value and not self.errors:
            sample = NumberSeries(
                kka=cleaned.get("kka", ""),
                permit_code=cleaned.get("permit_code", ""),
                unit_code=cleaned.get("unit_code", ""),
                format=value,
            )
            try:
                # The widest number of the year: a long serial in December.
                number_format(series=sample, sequence=99999, issued_on=date(2026, 12, 31))
            except ValidationError as error:
                self.add_error("format", error)
        permit_types = cleaned.get("permit_types")
        if permit_types:
            # One series per permit type: otherwise which series numbers an SK would be a guess.
            taken = NumberSeries.permit_types.through.objects.filter(
                permittype__in=permit_types
            ).select_related("permittype", "numberseries")
            if self.instance.pk:
                taken = taken.exclude(numberseries=self.instance)
            conflicts = sorted({f"{row.permittype.name} ({row.numberseries.name})" for row in taken})
            if conflicts:
                self.add_error(
                    "permit_types",
                    gettext("Jenis izin ini sudah memakai seri lain: %(list)s.")
                    % {"list": "; ".join(conflicts)},
                )
        return cleaned


@admin.register(NumberSeries)
class NumberSeriesAdmin(admin.ModelAdmin):
    form = NumberSeriesForm
    list_display = ("name", "kka", "permit_code", "unit_code", "format", "example")
    search_fields = ("name", "kka", "permit_code")
    filter_horizontal = ("permit_types",)

    @admin.display(description=_("contoh nomor"))
    def example(self, obj: NumberSeries) -> str:
        try:
            return number_format(series=obj, sequence=1, issued_on=timezone.localdate())
        except ValidationError:
            return "—"


@admin.register(NumberCounter)
class NumberCounterAdmin(ReadOnlyAdmin):
    list_display = ("series", "year", "last_value")
    list_filter = ("series", "year")
    list_select_related = ("series",)


@admin.register(IssuedNumber)
class IssuedNumberAdmin(ReadOnlyAdmin):
    list_display = ("number", "series", "year", "sequence", "application", "issued_at", "issued_by")
    list_filter = ("series", "year")
    list_select_related = ("series", "application", "issued_by")
    search_fields = ("number", "application__number")
    date_hierarchy = "issued_at"


# --- Signers and trust ----------------------------------------------------------------------------------


class SignerForm(forms.ModelForm):
    class Meta:
        model = Signer
        fields = ("user", "name", "position", "capacity", "nip", "pkcs12", "is_active")
        # No link to the stored key file: it lives in private storage and is never served.
        widgets = {"pkcs12": forms.FileInput(attrs={"accept": ".p12,.pfx"})}
        help_texts = {
            "pkcs12": _(
                "Berkas .p12 atau .pfx. Passphrase tidak disimpan: penanda tangan mengetiknya setiap kali "
                "menandatangani. Kosongkan untuk tetap memakai berkas yang sudah ada."
            )
        }

    def clean_pkcs12(self):
        upload = self.cleaned_data.get("pkcs12")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            if not upload.name.lower().endswith((".p12", ".pfx")):
                raise ValidationError(gettext("Unggah berkas PKCS#12 (.p12 atau .pfx)."))
            if upload.size > 64 * 1024:
                raise ValidationError(gettext("Berkas PKCS#12 terlalu besar (paling besar 64 KB)."))
        return upload


class SignerUnlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan membuka kunci"),
        max_length=SigningEvent.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wajib. Mis. penanda tangan sudah dipastikan lewat telepon dan passphrase sudah diingat kembali. "
            "Alasan dicatat pada riwayat penandatanganan bersama nama Anda."
        ),
    )


# What the signer's page lists: attempts that went wrong and what was done about them, not each signature.
ATTEMPT_HISTORY_KINDS = [kind for kind in SigningEvent.Kind if kind != SigningEvent.Kind.SIGNED]
ATTEMPT_HISTORY_ROWS = 20


@admin.register(Signer)
class SignerAdmin(admin.ModelAdmin):
    form = SignerForm
    change_form_template = "admin/signing/signer/change_form.html"
    list_display = ("name", "position", "capacity", "is_active", "failed_attempts", "locked_until")
    list_filter = ("is_active", "capacity")
    search_fields = ("name", "nip", "user__username")
    raw_id_fields = ("user",)
    readonly_fields = ("stored_file", "failed_attempts", "locked_until", "attempt_history")
    fields = (
        "user",
        "name",
        "position",
        "capacity",
        "nip",
        "pkcs12",
        "stored_file",
        "is_active",
        "failed_attempts",
        "locked_until",
        "attempt_history",
    )
    actions = ["unlock"]

    @admin.display(description=_("berkas tersimpan"))
    def stored_file(self, obj: Signer) -> str:
        return obj.pkcs12.name.rsplit("/", 1)[-1] if obj and obj.pkcs12 else "—"

    @admin.display(description=_("riwayat percobaan"))
    def attempt_history(self, obj: Signer) -> str:
        if not obj or not obj.pk:
            return "—"
        events = (
            obj.events.filter(kind__in=ATTEMPT_HISTORY_KINDS)
            .select_related("actor", "application")
            .order_by("-created_at", "-pk")[:ATTEMPT_HISTORY_ROWS]
        )
        all_events_url = reverse("admin:signing_signingevent_changelist") + f"?signer__id__exact={obj.pk}"
        return render_to_string(
            "admin/signing/signer/_attempt_history.html",
            {"events": events, "rows": ATTEMPT_HISTORY_ROWS, "all_events_url": all_events_url},
        )

    def get_urls(self):
        unlock = path(
            "<path:object_id>/buka-kunci/",
            self.admin_site.admin_view(self.unlock_view),
            name="signing_signer_unlock",
        )
        return [unlock, *super().get_urls()]

    @admin.action(description=_("Buka kunci penanda tangan"), permissions=["change"])
    def unlock(self, request, queryset):
        # Each unlock has its own reason: the action only leads to the signer's unlock page.
        if queryset.count() != 1:
            self.message_user(
                request,
                gettext("Pilih satu penanda tangan: alasan ditulis untuk setiap penanda tangan."),
                messages.WARNING,
            )
            return None
        return HttpResponseRedirect(reverse("admin:signing_signer_unlock", args=[queryset.get().pk]))

    def unlock_view(self, request, object_id):
        signer = self.get_object(request, unquote(object_id))
        if signer is None:
            raise Http404
        if not self.has_change_permission(request, signer):
            raise PermissionDenied
        form = SignerUnlockForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                signer_unlock(signer_id=signer.pk, by=request.user, reason=form.cleaned_data["reason"])
            except SignerUnlockRefused as exc:
                form.add_error(None, exc.message)
            else:
                self.message_user(
                    request,
                    gettext("Kunci %(signer)s dibuka; penanda tangan dapat menandatangani lagi.")
                    % {"signer": signer.name},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:signing_signer_change", args=[signer.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Buka kunci penanda tangan"),
            "subtitle": str(signer),
            "opts": self.opts,
            "original": signer,
            "form": form,
            "locked": bool(signer.locked_until and signer.locked_until > timezone.now()),
        }
        return TemplateResponse(request, "admin/signing/signer/unlock.html", context)


@admin.register(SigningEvent)
class SigningEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "signer", "kind", "application", "actor", "reason")
    list_filter = ("kind", "signer")
    list_select_related = ("signer", "application", "actor")
    search_fields = ("application__number", "signer__name")
    date_hierarchy = "created_at"


class TrustRootForm(forms.ModelForm):
    class Meta:
        model = TrustRoot
        fields = ("name", "certificate_pem", "is_active")

    def clean_certificate_pem(self) -> str:
        pem = self.cleaned_data["certificate_pem"].strip()
        try:
            x509.load_pem_x509_certificate(pem.encode())
        except ValueError as exc:
            raise ValidationError(
                gettext("Bukan sertifikat PEM yang valid (-----BEGIN CERTIFICATE----- …).")
            ) from exc
        return pem + "\n"


@admin.register(TrustRoot)
class TrustRootAdmin(admin.ModelAdmin):
    form = TrustRootForm
    list_display = ("name", "is_active", "subject", "valid_until")
    list_filter = ("is_active",)

    @staticmethod
    def _certificate(obj: TrustRoot):
        try:
            return x509.load_pem_x509_certificate(obj.certificate_pem.encode())
        except ValueError:
            return None

    @admin.display(description=_("subjek"))
    def subject(self, obj: TrustRoot) -> str:
        certificate = self._certificate(obj)
        return certificate.subject.rfc4514_string() if certificate else "—"

    @admin.display(description=_("berlaku sampai"))
    def valid_until(self, obj: TrustRoot):
        certificate = self._certificate(obj)
        return certificate.not_valid_after_utc.date() if certificate else "—"


# --- SK documents ---------------------------------------------------------------------------------------


@admin.register(SkDocument)
class SkDocumentAdmin(ReadOnlyAdmin):
    list_display = ("application", "signer", "signed_at", "issued_at", "valid_until", "attempts", "failure")
    list_filter = ("issued_at",)
    list_select_related = ("application", "signer")
    search_fields = ("application__number",)
    # The files live in private storage: no links to them here.
    exclude = ("verification_token", "draft_pdf", "signed_pdf", "final_pdf")
    actions = ["issue_again"]

    def has_retry_permission(self, request) -> bool:
        return request.user.has_perm("signing.change_skdocument")

    @admin.action(description=_("Ulangi penerbitan"), permissions=["retry"])
    def issue_again(self, request, queryset) -> None:
        try:
            from .issuance import sk_issue_retry
        except ImportError:
            self.message_user(request, gettext("Penerbitan ulang belum tersedia."), messages.WARNING)
            return
        done, failed = 0, []
        for document in queryset.select_related("application"):
            try:
                sk_issue_retry(application_id=document.application_id)
            except Exception as exc:  # an admin action reports each failure rather than answering 500
                logger.exception("SK issue retry failed for application %s", document.application_id)
                failed.append(f"{document.application}: {getattr(exc, 'message', exc)}")
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("Penerbitan %(count)d SK diulang.", "Penerbitan %(count)d SK diulang.", done)
                % {"count": done},
                messages.SUCCESS,
            )
        for failure in failed:
            self.message_user(request, gettext("Gagal: %(error)s") % {"error": failure}, messages.ERROR)
