"""The satisfaction survey and the IKM report. No app_name: the project includes these in `complaints`."""

from django.urls import path

from . import survey_views

urlpatterns = [
    path("survei/", survey_views.survey_kiosk, name="survey_kiosk"),
    path("survei/terima-kasih/", survey_views.survey_thanks, name="survey_thanks"),
    path("permohonan/<int:pk>/survei/", survey_views.survey_for_application, name="survey_for_application"),
    path("petugas/ikm/", survey_views.ikm_report_view, name="ikm_report"),
]
