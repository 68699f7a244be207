from django.urls import path

from . import views

app_name = "workflow"

urlpatterns = [
    path("lacak/", views.tracking, name="tracking"),
]
