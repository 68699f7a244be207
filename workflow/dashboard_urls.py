"""The leaders' dashboard. No app_name: the project includes these inside the `workflow` namespace."""

from django.urls import path

from .views.dashboard import dashboard

urlpatterns = [
    path("petugas/dasbor/", dashboard, name="dashboard"),
]
