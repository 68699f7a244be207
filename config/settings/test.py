"""Fast, hermetic test settings. DATABASE_URL / CELERY_BROKER_URL / CACHE_URL switch to real services.

Everything a test run writes (uploads, seal keys, mail files, the SQLite file) lives under one temporary
folder, never under the project's `var/`, so a running demo is untouched by `make test`. The folder's path
is put in the environment so that worker processes a test starts share it."""

import os
import tempfile
from pathlib import Path

if not os.environ.get("PINTU_TEST_ROOT"):
    os.environ["PINTU_TEST_ROOT"] = tempfile.mkdtemp(prefix="pintu-test-")
TEST_ROOT = Path(os.environ["PINTU_TEST_ROOT"])
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{TEST_ROOT / 'pintu-test.sqlite3'}")
# Tests that need a bucket start their own S3 server (tests/test_object_storage.py); a developer's .env
# must not send the others' files to a real one.
os.environ["PINTU_STORAGE_BACKEND"] = "local"
os.environ.setdefault("PINTU_PRIVATE_MEDIA_ROOT", str(TEST_ROOT / "private"))
os.environ.setdefault("PINTU_PUBLIC_MEDIA_ROOT", str(TEST_ROOT / "public"))
os.environ.setdefault("PINTU_SEAL_PKCS12_PATH", str(TEST_ROOT / "pki" / "segel.p12"))
os.environ.setdefault("PINTU_SEAL_PASSPHRASE_FILE", str(TEST_ROOT / "pki" / "segel.passphrase"))

from .base import *  # noqa: E402,F403
from .base import env  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
# The real-worker test points a Celery worker at a folder so that it can read what the worker sent.
EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH", default=str(TEST_ROOT / "mail"))
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
PINTU_DEMO_DATA_ALLOWED = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
LOGGING = {"version": 1, "disable_existing_loggers": False}
# One process only here; production shares a Redis cache so limits hold across workers.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests; silences the "No directory" warning
