from django.urls import include, path

from .views import public, staff

app_name = "workflow"

urlpatterns = [
    path("lacak/", public.tracking, name="tracking"),
    path("", include("workflow.staff_urls")),
    path("", include("workflow.notification_urls")),
    path("", include("workflow.dashboard_urls")),
    path(
        "petugas/permohonan/<int:pk>/",
        staff.StaffApplicationDetailView.as_view(),
        name="staff_application_detail",
    ),
    path("petugas/permohonan/<int:pk>/putusan/", staff.StaffDecisionView.as_view(), name="staff_decision"),
    path(
        "petugas/permohonan/<int:pk>/tim-teknis/unggah/",
        staff.TechnicalDocumentUploadView.as_view(),
        name="technical_upload",
    ),
    path(
        "petugas/permohonan/<int:pk>/dokumen/<int:doc_pk>/",
        staff.StaffDocumentView.as_view(),
        name="staff_document",
    ),
    path(
        "petugas/permohonan/<int:pk>/tim-teknis/<int:doc_pk>/",
        staff.StaffTechnicalDocumentView.as_view(),
        name="staff_technical_document",
    ),
]
