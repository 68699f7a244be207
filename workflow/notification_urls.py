"""The notifications pages. Included by the lead inside the `workflow` namespace, so names only here."""

from django.urls import path

from .views import notifications

urlpatterns = [
    path("notifikasi/", notifications.notification_list, name="notifications"),
    path("notifikasi/<int:pk>/buka/", notifications.notification_open, name="notification_open"),
    path("notifikasi/<int:pk>/dibaca/", notifications.notification_mark_read, name="notification_mark_read"),
    path(
        "notifikasi/tandai-semua-dibaca/",
        notifications.notification_mark_all_read,
        name="notification_mark_all_read",
    ),
]
