from django.urls import path

from .views import public

app_name = "workflow"

urlpatterns = [
    path("lacak/", public.tracking, name="tracking"),
]
