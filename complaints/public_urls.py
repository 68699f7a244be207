"""Public complaint pages. No app_name: the project includes these in the `complaints` namespace."""

from django.urls import path

from . import public_views

urlpatterns = [
    path("pengaduan/", public_views.complaint_new, name="complaint_new"),
    path("pengaduan/terkirim/", public_views.complaint_submitted, name="complaint_submitted"),
    path("pengaduan/lacak/", public_views.complaint_track, name="track"),
    path("pengaduan/lacak/nilai/", public_views.complaint_rate_view, name="complaint_rate"),
    path("pengaduan/lacak/buka-kembali/", public_views.complaint_reopen_view, name="complaint_reopen"),
]
