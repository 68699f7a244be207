"""The officers' pages. No app_name: the project includes these inside the `workflow` namespace."""

from django.urls import path

from .views.queue import queue, staff_tracking

urlpatterns = [
    path("petugas/", queue, name="queue"),
    path("petugas/lacak/", staff_tracking, name="staff_tracking"),
]
