from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "full_name", "email", "nik", "is_active", "is_staff")
    search_fields = ("username", "full_name", "email", "nik", "nip")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Data Pintu"), {"fields": ("full_name", "phone", "nik", "nip")}),
    )
