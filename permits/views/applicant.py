"""The applicant's pages: start an application, fill it, upload documents, submit, see the receipt."""

import logging

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from core.downloads import private_file_response
from core.errors import NotFound
from workflow.runner import AlreadyProcessed

from .. import services
from ..field_schema import display_value
from ..forms.application_data import ApplicationDataForm
from ..forms.document_upload import DocumentUploadForm
from ..models import ApplicationStatus, PermitType
from ..receipt import receipt_pdf
from ..rules import may
from ..selectors import (
    application_get_for_applicant,
    application_list_for_applicant,
    current_documents_by_requirement,
    document_get_for_user,
)
from ..upload_rejections import UploadRejected

security_log = logging.getLogger("pintu.security")


def log_foreign_access(*, user, application_pk: int, path: str) -> None:
    """Someone asked for an application that exists but is not theirs: answered as "not found", logged."""
    from ..models import Application

    if Application.objects.filter(pk=application_pk).exists():
        security_log.warning(
            "foreign application access: user=%s application=%s path=%s", user.pk, application_pk, path
        )


class ApplicantApplicationMixin(LoginRequiredMixin):
    """Loads the signed-in applicant's own application; anybody else's is a 404, like a missing one."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        try:
            self.application = application_get_for_applicant(user=request.user, pk=kwargs["pk"])
        except NotFound as exc:
            log_foreign_access(user=request.user, application_pk=kwargs["pk"], path=request.path)
            raise Http404 from exc
        return super().dispatch(request, *args, **kwargs)

    def redirect_if_not_draft(self):
        """Drafts, and applications returned for correction, are the only ones the applicant may change."""
        if self.application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.PERBAIKAN):
            messages.info(self.request, _("Permohonan ini sedang diproses petugas dan tidak dapat diubah."))
            return redirect(self.application)
        return None


def render_edit_page(request, application, *, data_form=None, upload_errors=None, missing=None, status=200):
    in_correction = application.status == ApplicationStatus.PERBAIKAN
    field_specs = list(application.permit_type.fields.all())
    if data_form is None:
        data_form = ApplicationDataForm(initial=application.data, field_specs=field_specs)
    if in_correction:
        for name, field in data_form.fields.items():
            field.disabled = name not in application.correction_fields
    documents = current_documents_by_requirement(application=application)
    may_upload = services.correction_requirement_ids(application=application) if in_correction else None
    upload_errors = upload_errors or {}
    rows = [
        {
            "requirement": requirement,
            "document": documents.get(requirement.pk),
            "form": DocumentUploadForm(requirement=requirement, prefix=f"req{requirement.pk}"),
            "error": upload_errors.get(requirement.pk),
            "can_upload": may_upload is None or requirement.pk in may_upload,
        }
        for requirement in application.permit_type.requirements.all()
    ]
    uploaded = sum(1 for row in rows if row["document"])
    return render(
        request,
        "permits/applicant/application_edit.html",
        {
            "application": application,
            "data_form": data_form,
            "rows": rows,
            "uploaded_count": uploaded,
            "required_count": sum(1 for row in rows if row["requirement"].is_required),
            "missing": missing,
            "in_correction": in_correction,
            "return_log": application_return_log(application) if in_correction else None,
        },
        status=status,
    )


def application_return_log(application):
    return application.transitions.filter(transition="return_for_correction").order_by("-created_at").first()


class ApplicationStartView(LoginRequiredMixin, View):
    def post(self, request, slug):
        permit_type = get_object_or_404(PermitType.objects.published(), slug=slug)
        application = services.application_start(permit_type=permit_type, applicant=request.user)
        messages.success(request, _("Draf permohonan dibuat. Lengkapi data dan unggah dokumen persyaratan."))
        return redirect("permits:application_edit", pk=application.pk)


class ApplicationListView(LoginRequiredMixin, View):
    def get(self, request):
        applications = application_list_for_applicant(user=request.user)
        return render(request, "permits/applicant/application_list.html", {"applications": applications})


class ApplicationEditView(ApplicantApplicationMixin, View):
    def get(self, request, pk):
        return self.redirect_if_not_draft() or render_edit_page(request, self.application)

    def post(self, request, pk):
        if response := self.redirect_if_not_draft():
            return response
        form = ApplicationDataForm(request.POST, field_specs=list(self.application.permit_type.fields.all()))
        if not form.is_valid():
            messages.error(request, _("Data belum tersimpan. Periksa isian yang ditandai."))
            return render_edit_page(request, self.application, data_form=form, status=400)
        services.application_data_save(
            application=self.application, by=request.user, cleaned_data=form.cleaned_data
        )
        messages.success(request, _("Data permohonan tersimpan sebagai draf."))
        return redirect(f"{self.application.get_edit_url()}#data")


class DocumentUploadView(ApplicantApplicationMixin, View):
    def post(self, request, pk, requirement_pk):
        if response := self.redirect_if_not_draft():
            return response
        requirement = next(
            (r for r in self.application.permit_type.requirements.all() if r.pk == requirement_pk), None
        )
        if requirement is None:
            raise Http404
        form = DocumentUploadForm(
            request.POST, request.FILES, requirement=requirement, prefix=f"req{requirement.pk}"
        )
        if not form.is_valid():
            error = _("Pilih berkas yang akan diunggah.")
            return render_edit_page(
                request, self.application, upload_errors={requirement.pk: error}, status=400
            )
        try:
            services.document_upload(
                application=self.application,
                requirement=requirement,
                uploaded_file=form.cleaned_data["file"],
                by=request.user,
            )
        except services.ApplicationNotEditable:
            messages.error(request, _("Dokumen ini tidak diminta untuk diperbaiki."))
            return redirect(self.application.get_edit_url())
        except UploadRejected as exc:
            return render_edit_page(
                request, self.application, upload_errors={requirement.pk: exc.messages[0]}, status=400
            )
        messages.success(request, _("Dokumen “%(label)s” berhasil diunggah.") % {"label": requirement.label})
        return redirect(f"{self.application.get_edit_url()}#req-{requirement.pk}")


class DocumentRemoveView(ApplicantApplicationMixin, View):
    def post(self, request, pk, doc_pk):
        if not self.application.is_draft:
            return redirect(self.application)
        documents = current_documents_by_requirement(application=self.application)
        document = next((d for d in documents.values() if d.pk == doc_pk), None)
        if document is None:
            raise Http404
        services.document_remove(application=self.application, document=document, by=request.user)
        messages.success(request, _("Dokumen dihapus."))
        return redirect(f"{self.application.get_edit_url()}#req-{document.requirement_id}")


class ApplicationSubmitView(ApplicantApplicationMixin, View):
    def post(self, request, pk):
        if response := self.redirect_if_not_draft():
            return response
        resubmitting = self.application.status == ApplicationStatus.PERBAIKAN
        try:
            if resubmitting:
                application = services.application_resubmit(application=self.application, by=request.user)
            else:
                application = services.application_submit(application=self.application, by=request.user)
        except services.SubmissionIncomplete as exc:
            return render_edit_page(request, self.application, missing=exc.missing, status=400)
        except (AlreadyProcessed, services.ApplicationNotEditable):
            messages.info(request, _("Permohonan ini sudah diajukan."))
            return redirect(self.application)
        if resubmitting:
            messages.success(request, _("Perbaikan terkirim. Permohonan kembali diperiksa petugas."))
        else:
            messages.success(
                request,
                _("Permohonan berhasil diajukan dengan nomor %(number)s.") % {"number": application.number},
            )
        return redirect(application)


class ApplicationDetailView(ApplicantApplicationMixin, View):
    def get(self, request, pk):
        if self.application.is_draft:
            return redirect("permits:application_edit", pk=pk)
        context = application_summary(self.application)
        context["survey_offer"] = survey_offered(user=request.user, application=self.application)
        return render(request, "permits/applicant/application_detail.html", context)


class ReceiptPdfView(ApplicantApplicationMixin, View):
    def get(self, request, pk):
        if not may(request.user, "permits.download_receipt", self.application):
            raise Http404
        pdf = receipt_pdf(context=application_summary(self.application), request=request)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="tanda-terima-{self.application.number}.pdf"'
        return response


class DocumentDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk, doc_pk):
        try:
            document = document_get_for_user(user=request.user, application_pk=pk, document_pk=doc_pk)
        except NotFound as exc:
            raise Http404 from exc
        return private_file_response(
            document.file, filename=document.display_name, content_type=document.content_type
        )


def survey_offered(*, user, application) -> bool:
    """The IKM survey is offered once the applicant has downloaded the issued SK (and not answered yet)."""
    from complaints.survey_services import survey_offer_for
    from signing.models import SkDocument

    downloaded = SkDocument.objects.filter(
        application=application, first_downloaded_at__isnull=False
    ).exists()
    return downloaded and survey_offer_for(user=user, application=application)


def application_summary(application) -> dict:
    documents = current_documents_by_requirement(application=application)
    return {
        "timeline": list(application.transitions.order_by("created_at", "pk")),
        "application": application,
        "data_rows": [
            (spec.label, display_value(spec, application.data.get(spec.name)))
            for spec in application.permit_type.fields.all()
        ],
        "document_rows": [
            (requirement, documents.get(requirement.pk))
            for requirement in application.permit_type.requirements.all()
        ],
    }
