from django.urls import include, path

app_name = "complaints"

urlpatterns = [
    path("", include("complaints.public_urls")),
    path("", include("complaints.staff_urls")),
    path("", include("complaints.survey_urls")),
]
