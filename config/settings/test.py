"""Fast, hermetic test settings. DATABASE_URL / CELERY_BROKER_URL / CACHE_URL switch to real services."""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
_var_dir = Path(__file__).resolve().parent.parent.parent / "var"
_var_dir.mkdir(exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_var_dir / 'pintu-test.sqlite3'}")

from .base import *  # noqa: E402,F403
from .base import BASE_DIR, STORAGES, env  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
# The real-worker test points a Celery worker at a folder so that it can read what the worker sent.
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "test-mail"))
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
_test_media = BASE_DIR / "var" / "test-media" / str(os.getpid())
MEDIA_ROOT = _test_media / "public"
PRIVATE_MEDIA_ROOT = _test_media / "private"
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
}
PINTU_DEMO_DATA_ALLOWED = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
LOGGING = {"version": 1, "disable_existing_loggers": False}
# One process only here; production shares a Redis cache so limits hold across workers.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests; silences the "No directory" warning
