"""The pengaduan staff's pages. No app_name: the project includes these inside the `complaints` namespace."""

from django.urls import path

from . import staff_views

urlpatterns = [
    path("petugas/pengaduan/", staff_views.staff_queue, name="staff_queue"),
    path("petugas/pengaduan/baru/", staff_views.staff_record, name="staff_record"),
    path("petugas/pengaduan/rekap/", staff_views.staff_recap, name="staff_recap"),
    path("petugas/pengaduan/<int:pk>/", staff_views.StaffComplaintDetailView.as_view(), name="staff_detail"),
    path(
        "petugas/pengaduan/<int:pk>/aksi/<slug:action>/",
        staff_views.StaffComplaintActionView.as_view(),
        name="staff_action",
    ),
    path(
        "petugas/pengaduan/<int:pk>/lampiran/<int:attachment_pk>/",
        staff_views.staff_attachment,
        name="staff_attachment",
    ),
]
