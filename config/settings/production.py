"""Production: every secret and host comes from the environment; nothing has a default that could leak.

What has no safe default is required here, all at once, so that an operator sees every missing variable
in one message. What can be checked only by opening it (the seal key, storage, trust roots) is checked by
the system checks that `manage.py check --deploy` runs (config/checks.py, signing/checks.py)."""

import os

from django.core.exceptions import ImproperlyConfigured

REQUIRED_ENVIRONMENT = (
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "CACHE_URL",
    "CELERY_BROKER_URL",
    "PINTU_SITE_URL",
    "PINTU_SEAL_PKCS12_PATH",
    "PINTU_SEAL_PASSPHRASE_FILE",
)
_missing = [name for name in REQUIRED_ENVIRONMENT if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Pintu's production settings need these environment variables, which are not set: "
        + ", ".join(_missing)
        + ". See .env.example and the README's deployment section."
    )

from .base import *  # noqa: E402,F403
from .base import env  # noqa: E402

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# One connection per worker process, kept between requests and checked before reuse: opening a
# PostgreSQL connection costs about a third of a small page.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=300)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The language switch is a plain form; no script reads this cookie.
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
PINTU_DEMO_DATA_ALLOWED = False

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=30)
