"""Public SK verification. No app_name: the project includes these inside the `signing` namespace."""

from django.urls import path

from .views.public import verify_token, verify_upload

urlpatterns = [
    path("verifikasi/", verify_upload, name="verify_upload"),
    path("verifikasi/<str:token>/", verify_token, name="verify_token"),
]
