from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .roles import Role
from .validators import nik_validator, phone_validator


class ApplicantSignupForm(forms.Form):
    """Extra fields on allauth's sign-up form; every new self-registered account is a Pemohon."""

    full_name = forms.CharField(label=_("Nama lengkap (dengan gelar)"), max_length=150)
    nik = forms.CharField(
        label=_("NIK"),
        min_length=16,
        max_length=16,
        validators=[nik_validator],
        help_text=_("16 digit sesuai KTP."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Nomor ponsel"),
        max_length=16,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )

    field_order = ["full_name", "nik", "phone", "email", "username", "password1", "password2"]
    nik_owner = None  # the account that already has the NIK typed, if any (see clean_nik)

    def clean_nik(self) -> str:
        from .models import User

        nik = self.cleaned_data["nik"]
        # No form error: that would tell anyone whose NIK has an account. allauth's sign-up form
        # (accounts/allauth_forms.py) answers as for a registered e-mail and tells the owner.
        self.nik_owner = User.objects.filter(nik=nik).first()
        return nik

    def signup(self, request, user) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.nik = self.cleaned_data["nik"]
        user.phone = self.cleaned_data["phone"]
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Role.PEMOHON.value)[0])


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Nama lengkap (dengan gelar)"), max_length=150)
    phone = forms.CharField(label=_("Nomor ponsel"), max_length=16, validators=[phone_validator])
    preferred_language = forms.ChoiceField(
        label=_("Bahasa e-mail dan notifikasi"), choices=settings.LANGUAGES
    )
