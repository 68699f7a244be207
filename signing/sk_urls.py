from django.urls import path

from .views import sk

urlpatterns = [
    path("petugas/permohonan/<int:pk>/sk/draf.pdf", sk.sk_draft_preview, name="sk_draft_preview"),
    path("petugas/permohonan/<int:pk>/sk/tandatangani/", sk.sk_sign_view, name="sk_sign"),
    path("petugas/permohonan/<int:pk>/sk/nomor/", sk.sk_number_view, name="sk_number"),
    path("petugas/permohonan/<int:pk>/sk/kirim-email/", sk.sk_email_view, name="sk_email"),
    path("permohonan/<int:pk>/sk.pdf", sk.sk_download, name="sk_download"),
]
