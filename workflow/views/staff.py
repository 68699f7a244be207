"""An officer's work on one application: read everything, judge documents, decide."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.clickjacking import xframe_options_sameorigin

from core.downloads import private_file_response
from core.errors import NotFound
from permits.field_schema import display_value
from permits.models import ReviewStatus
from permits.rules import may
from permits.upload_rejections import UploadRejected

from .. import services
from ..access import (
    application_get_for_officer,
    document_get_for_officer,
    technical_document_get_for_officer,
)
from ..forms.decision import DecisionForm, TechnicalDocumentForm, document_judgements_from
from ..rules import available_actions
from ..runner import AlreadyProcessed, TransitionRefused, log_refusal
from ..sla import sla_status


class OfficerApplicationMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.application = application_get_for_officer(user=request.user, pk=kwargs["pk"])
        except NotFound as exc:
            raise Http404 from exc
        return super().dispatch(request, *args, **kwargs)


def render_detail(request, application, *, form=None, document_errors=None, status=200):
    actions = available_actions(user=request.user, application=application)
    field_specs = list(application.permit_type.fields.all())
    if form is None:
        form = DecisionForm(
            initial={"expected_status": application.status},
            actions=actions,
            field_choices=[(f.name, f.label) for f in field_specs],
        )
    logs = list(application.transitions.all())
    latest = logs[-1] if logs else None
    changes = latest.details if latest and latest.transition == "resubmit" else {}
    documents = list(application.documents.all())
    current = [d for d in documents if d.superseded_at is None]
    superseded = [d for d in documents if d.superseded_at is not None]
    judging = "approve" in actions and application.status in ("VERIFIKASI_FRONT_OFFICE", "VERIFIKASI_BERKAS")
    document_errors = document_errors or {}
    return render(
        request,
        "workflow/staff/application_detail.html",
        {
            "application": application,
            "form": form,
            "actions": actions,
            "timeline": logs,
            "sla": sla_status(application=application, today=timezone.localdate()),
            "data_rows": [
                (
                    spec,
                    display_value(spec, application.data.get(spec.name)),
                    spec.name in changes.get("changed_fields", []),
                )
                for spec in field_specs
            ],
            "document_rows": [
                {
                    "document": d,
                    "changed": d.pk in changes.get("replaced_documents", []),
                    "history": [old for old in superseded if old.requirement_id == d.requirement_id],
                    "error": document_errors.get(d.pk),
                }
                for d in current
            ],
            "judging": judging,
            "review_choices": ReviewStatus.choices,
            "technical_documents": list(application.technical_documents.all()),
            "technical_form": TechnicalDocumentForm()
            if application.status == "TINJAUAN_TEKNIS" and actions
            else None,
            **sk_panel_context(request.user, application),
            "linked_complaints": linked_complaints(request.user, application),
        },
        status=status,
    )


def linked_complaints(user, application) -> list[dict]:
    """Complaints about this application, for its officers; a confidential complainant stays anonymous to
    everyone but the Operator and the Kepala Bidang Pengaduan (complaints.see_identity)."""
    return [
        {
            "complaint": complaint,
            "who": complaint.name
            if complaint.name and may(user, "complaints.see_identity", complaint)
            else None,
            "confidential": complaint.is_confidential,
        }
        for complaint in application.complaints.order_by("-received_at")
    ]


def sk_panel_context(user, application) -> dict:
    """What the Kepala Dinas' signing panel and the Sekretariat's numbering panel need."""
    from signing.models import SkDocument

    sk = SkDocument.objects.filter(application=application).select_related("signer").first()
    if (
        sk is not None
        and application.status == "MENUNGGU_TTE"
        and sk.draft_rendered_at
        and timezone.localdate(sk.draft_rendered_at) != timezone.localdate()
        and may(user, "signing.sign_sk", application)
    ):
        # The SK is dated the day it is signed: a draft from an earlier day is rendered again before showing.
        from signing.services import sk_draft_prepare

        sk = sk_draft_prepare(application_id=application.pk)
    context = {
        "sk": sk,
        "can_sign": may(user, "signing.sign_sk", application),
        "can_number": False,
        "can_email_sk": may(user, "signing.email_sk", application),
    }
    if application.status == "PENOMORAN":
        from signing.numbering import NumberingError, number_preview

        context["can_number"] = may(user, "signing.assign_number", application)
        try:
            context["number_preview"] = number_preview(application=application, today=timezone.localdate())
        except NumberingError as exc:
            context["number_error"] = exc.message
    return context


class StaffApplicationDetailView(OfficerApplicationMixin, View):
    def get(self, request, pk):
        return render_detail(request, self.application)


class StaffDecisionView(OfficerApplicationMixin, View):
    def post(self, request, pk):
        application = self.application
        actions = available_actions(user=request.user, application=application)
        form = DecisionForm(
            request.POST,
            actions=actions or ["approve", "return_for_correction", "reject"],
            field_choices=[(f.name, f.label) for f in application.permit_type.fields.all()],
        )
        expected = request.POST.get("expected_status", "")
        if expected != application.status:
            messages.warning(
                request, _("Permohonan ini sudah diproses oleh petugas lain. Tampilan telah diperbarui.")
            )
            return redirect("workflow:staff_application_detail", pk=pk)
        if not actions:
            # Not this officer's stage: refused, logged, and answered plainly.
            log_refusal(
                "not_permitted", request.user, application, request.POST.get("decision", "?")[:30], expected
            )
            messages.error(request, _("Anda tidak berwenang memproses permohonan pada tahap ini."))
            return redirect("workflow:staff_application_detail", pk=pk)
        judgements, document_errors = document_judgements_from(request.POST, application.documents.all())
        if not form.is_valid() or document_errors:
            return render_detail(request, application, form=form, document_errors=document_errors, status=400)
        decision = form.cleaned_data["decision"]
        try:
            if judgements:
                services.documents_review(
                    application_id=pk, expected_status=expected, by=request.user, judgements=judgements
                )
            if decision == "approve":
                services.application_approve(
                    application_id=pk,
                    expected_status=expected,
                    by=request.user,
                    note=form.cleaned_data["reason"],
                )
                messages.success(request, _("Permohonan disetujui dan diteruskan ke tahap berikutnya."))
            elif decision == "return_for_correction":
                services.application_return(
                    application_id=pk,
                    expected_status=expected,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    fields=form.cleaned_data["fields"],
                )
                messages.success(request, _("Permohonan dikembalikan kepada pemohon untuk perbaikan."))
            else:
                services.application_reject(
                    application_id=pk,
                    expected_status=expected,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Permohonan ditolak."))
        except services.DecisionInvalid as exc:
            fresh = application_get_for_officer(user=request.user, pk=pk)
            form.add_error(None, exc.message)
            return render_detail(request, fresh, form=form, status=400)
        except AlreadyProcessed:
            messages.warning(
                request, _("Permohonan ini sudah diproses oleh petugas lain. Tampilan telah diperbarui.")
            )
            return redirect("workflow:staff_application_detail", pk=pk)
        except TransitionRefused:
            messages.error(request, _("Anda tidak berwenang memproses permohonan pada tahap ini."))
            return redirect("workflow:staff_application_detail", pk=pk)
        return redirect("workflow:queue")


class TechnicalDocumentUploadView(OfficerApplicationMixin, View):
    def post(self, request, pk):
        form = TechnicalDocumentForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("Pilih jenis dokumen dan berkasnya."))
            return redirect("workflow:staff_application_detail", pk=pk)
        try:
            services.technical_document_upload(
                application_id=pk,
                kind=form.cleaned_data["kind"],
                uploaded_file=form.cleaned_data["file"],
                by=request.user,
            )
        except UploadRejected as exc:
            messages.error(request, exc.messages[0])
        except TransitionRefused:
            messages.error(request, _("Anda tidak berwenang mengunggah dokumen pada tahap ini."))
        else:
            messages.success(request, _("Dokumen Tim Teknis tersimpan."))
        return redirect("workflow:staff_application_detail", pk=pk)


class StaffDocumentView(OfficerApplicationMixin, View):
    """A document shown inline in the officer's browser (PDF viewer or image), after the upload checks."""

    @classmethod
    def as_view(cls, **kwargs):
        return xframe_options_sameorigin(super().as_view(**kwargs))

    def get(self, request, pk, doc_pk):
        try:
            document = document_get_for_officer(
                user=request.user, application=self.application, document_pk=doc_pk
            )
        except NotFound as exc:
            raise Http404 from exc
        inline = request.GET.get("unduh") != "1"
        return private_file_response(
            document.file, filename=document.display_name, content_type=document.content_type, inline=inline
        )


class StaffTechnicalDocumentView(OfficerApplicationMixin, View):
    def get(self, request, pk, doc_pk):
        try:
            document = technical_document_get_for_officer(
                user=request.user, application=self.application, document_pk=doc_pk
            )
        except NotFound as exc:
            raise Http404 from exc
        return private_file_response(
            document.file, filename=document.display_name, content_type=document.content_type, inline=True
        )
