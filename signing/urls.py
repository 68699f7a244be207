from django.urls import include, path

app_name = "signing"

urlpatterns = [
    path("", include("signing.sk_urls")),
    path("", include("signing.public_urls")),
    path("", include("signing.register_urls")),
]
