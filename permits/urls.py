from django.urls import path

from .views import applicant, public

app_name = "permits"

urlpatterns = [
    path("", public.home, name="home"),
    path("layanan/<slug:slug>/", public.permit_detail, name="permit_detail"),
    path("layanan/<slug:slug>/formulir/<slug:form_slug>/", public.blank_form_download, name="blank_form"),
    path("layanan/<slug:slug>/ajukan/", applicant.ApplicationStartView.as_view(), name="application_start"),
    path("permohonan/", applicant.ApplicationListView.as_view(), name="application_list"),
    path("permohonan/<int:pk>/", applicant.ApplicationDetailView.as_view(), name="application_detail"),
    path("permohonan/<int:pk>/ubah/", applicant.ApplicationEditView.as_view(), name="application_edit"),
    path("permohonan/<int:pk>/ajukan/", applicant.ApplicationSubmitView.as_view(), name="application_submit"),
    path("permohonan/<int:pk>/tanda-terima.pdf", applicant.ReceiptPdfView.as_view(), name="receipt_pdf"),
    path(
        "permohonan/<int:pk>/persyaratan/<int:requirement_pk>/unggah/",
        applicant.DocumentUploadView.as_view(),
        name="document_upload",
    ),
    path(
        "permohonan/<int:pk>/dokumen/<int:doc_pk>/",
        applicant.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path(
        "permohonan/<int:pk>/dokumen/<int:doc_pk>/hapus/",
        applicant.DocumentRemoveView.as_view(),
        name="document_remove",
    ),
]
