from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from accounts import views as account_views

admin.site.site_header = _("Pintu — Administrasi")
admin.site.site_title = _("Pintu")

urlpatterns = [
    path("", include("workflow.urls")),
    path("", include("permits.urls")),
    path("", include("signing.urls")),
    path("", include("complaints.urls")),
    path("akun/", include("allauth.urls")),
    path("akun/profil/", account_views.profile, name="account_profile"),
    path("akun/masuk-berhasil/", account_views.after_login, name="account_after_login"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path(
        "aksesibilitas/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"
    ),
]
