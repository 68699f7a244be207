from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model

from config.client_address import client_address


class PintuAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "PINTU_SIGNUP_OPEN", True)

    def get_client_ip(self, request) -> str:
        # allauth's own ALLAUTH_TRUSTED_PROXY_COUNT answers a short X-Forwarded-For with a 500 and garbage
        # with a 403; one function gives allauth, django-ratelimit and axes the same address.
        return client_address(request)

    def send_account_already_exists_mail(self, email: str) -> None:
        # allauth sends this when a sign-up names an address that has an account. A sign-up whose NIK has
        # an account takes the same path (accounts/allauth_forms.py) with an address that may have none:
        # "you already have an account" would be untrue there, and the NIK's owner is told instead.
        has_account = (
            EmailAddress.objects.filter(email__iexact=email).exists()
            or get_user_model().objects.filter(email__iexact=email).exists()
        )
        if not has_account:
            return
        super().send_account_already_exists_mail(email)
