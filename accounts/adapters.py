from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class PintuAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "PINTU_SIGNUP_OPEN", True)
