"""The embedded default: SQLite, tasks in-process, console e-mail, local private media."""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "local-development-only-not-secret")
_var_dir = Path(__file__).resolve().parent.parent.parent / "var"
_var_dir.mkdir(exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_var_dir / 'pintu.sqlite3'}")
os.environ.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: E402,F403
from .base import env  # noqa: E402

DEBUG = env.bool("DJANGO_DEBUG", default=True)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
PINTU_DEMO_DATA_ALLOWED = True
# One process only here; production shares a Redis cache so limits hold across workers.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
