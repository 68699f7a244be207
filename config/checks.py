"""System checks of the installation's own settings: `manage.py check --deploy` names each unsafe value."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 — compared, never bound


@register(Tags.security, deploy=True)
def site_url_check(app_configs, **kwargs):
    """The site URL is printed into every SK's QR code, forever: it must be the public https address."""
    url = settings.PINTU_SITE_URL
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return [
            Error(
                f"PINTU_SITE_URL must be the public https:// address of this installation (now {url!r}).",
                hint="Signed SKs carry it in their QR code and cannot be changed after signing.",
                id="pintu.E001",
            )
        ]
    if parts.hostname in LOOPBACK_HOSTS or parts.path not in ("", "/"):
        return [
            Warning(
                f"PINTU_SITE_URL {url!r} is not a public address at the root of a host.",
                hint="Citizens scan the SK's QR code from their phones.",
                id="pintu.W002",
            )
        ]
    return []


@register("background", deploy=True)
def background_work_check(app_configs, **kwargs):
    """Without a broker, PDF work and e-mail would run inside web requests."""
    if not settings.CELERY_BROKER_URL:
        return [
            Error(
                "CELERY_BROKER_URL is not set: tasks would run inside web requests.",
                hint="Point it at Redis, e.g. redis://redis:6379/0.",
                id="pintu.E003",
            )
        ]
    return []
