from django.core.exceptions import PermissionDenied

from .validators import LOGIN_MAX_LENGTH


class CredentialLengthBackend:
    """Ends authentication for a username or e-mail address longer than any account's, before the backends
    after it look it up: allauth's goes through a case-insensitive LIKE, which SQLite refuses for a pattern
    over 50,000 characters (a 500). The forms bound these fields already; this covers every other way in
    (the admin's login form bounds nothing on the server). Counted by axes as a failed login.

    Authentication only: without `get_user` it is never the backend a session is bound to."""

    def authenticate(self, request, **credentials):
        for name in ("username", "email", "login"):
            value = credentials.get(name)
            if isinstance(value, str) and len(value) > LOGIN_MAX_LENGTH:
                raise PermissionDenied
        return None
