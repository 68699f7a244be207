from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from config.client_address import client_address


class PintuAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "PINTU_SIGNUP_OPEN", True)

    def get_client_ip(self, request) -> str:
        # allauth's own ALLAUTH_TRUSTED_PROXY_COUNT answers a short X-Forwarded-For with a 500 and garbage
        # with a 403; one function gives allauth, django-ratelimit and axes the same address.
        return client_address(request)
