"""The register of letter numbers. No app_name: the project includes these inside the `signing` namespace."""

from django.urls import path

from .views.register import number_register

urlpatterns = [
    path("petugas/register-nomor/", number_register, name="number_register"),
]
