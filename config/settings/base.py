"""Settings shared by every running mode. Configuration comes only from environment variables."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from kombu import Queue

from config.fail_soft_cache import fail_soft_cache_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A Redis cache fails soft (config/fail_soft_cache.py): an outage degrades rate limiting, never the pages.
CACHES = {"default": fail_soft_cache_config(env.cache("CACHE_URL", default="locmemcache://pintu"))}
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
# How many reverse proxies of ours stand in front of Pintu (nginx alone: 1). Rate limits and lockouts take
# the client's address from that deep in X-Forwarded-For; 0 trusts only the socket (config/client_address.py).
PINTU_PROXY_COUNT = env.int("PINTU_PROXY_COUNT", default=0)
if PINTU_PROXY_COUNT < 0:
    raise environ.ImproperlyConfigured("PINTU_PROXY_COUNT must be 0 or more.")
RATELIMIT_IP_META_KEY = "config.client_address.client_address"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "allauth",
    "allauth.account",
    "axes",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "config.apps.ConfigConfig",
    "core.apps.CoreConfig",
    "accounts",
    "permits",
    "workflow",
    "signing",
    "complaints",
]

MIDDLEWARE = [
    "config.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.IndonesianByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Axes must come last so it sees the outcome of every authentication attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "permits.context_processors.office",
                "workflow.context_processors.unread_notifications",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    # Then no lookup of a username or e-mail address longer than any account's.
    "accounts.auth_backends.CredentialLengthBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_after_login"

# django-allauth: e-mail must be verified before an account can sign in.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.ApplicantSignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Pintu] "
ACCOUNT_ADAPTER = "accounts.adapters.PintuAccountAdapter"
# allauth's forms with a server-side length on every free-text field, and a sign-up that does not tell
# whether a NIK is registered (accounts/allauth_forms.py).
ACCOUNT_FORMS = {
    "login": "accounts.allauth_forms.LoginForm",
    "signup": "accounts.allauth_forms.SignupForm",
    "reset_password": "accounts.allauth_forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.allauth_forms.ResetPasswordKeyForm",
    "change_password": "accounts.allauth_forms.ChangePasswordForm",
    "set_password": "accounts.allauth_forms.SetPasswordForm",
    "add_email": "accounts.allauth_forms.AddEmailForm",
    "reauthenticate": "accounts.allauth_forms.ReauthenticateForm",
}

# django-axes: lock an account+address after repeated failed logins.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.axes.login_identifier"
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("PINTU_TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("PINTU_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("PINTU_PUBLIC_MEDIA_ROOT", default=str(BASE_DIR / "var" / "public")))
# Applicants' documents live outside every web-served folder; only permission-checked views stream them.
PRIVATE_MEDIA_ROOT = Path(env("PINTU_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# More than one host: the private files in an S3-compatible bucket (django-storages). Objects stay private
# (no ACL, no public URL); Pintu streams them through its permission-checked views. permits/checks.py names
# what is missing.
PINTU_STORAGE_BACKEND = env("PINTU_STORAGE_BACKEND", default="local")
PINTU_S3_BUCKET = env("PINTU_S3_BUCKET", default="")
PINTU_S3_ENDPOINT_URL = env("PINTU_S3_ENDPOINT_URL", default="")
PINTU_S3_REGION = env("PINTU_S3_REGION", default="")
PINTU_S3_ADDRESSING_STYLE = env("PINTU_S3_ADDRESSING_STYLE", default="path")
PINTU_S3_ACCESS_KEY_ID = env("PINTU_S3_ACCESS_KEY_ID", default="")
PINTU_S3_SECRET_ACCESS_KEY = env("PINTU_S3_SECRET_ACCESS_KEY", default="")
if PINTU_STORAGE_BACKEND == "s3":
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": PINTU_S3_BUCKET,
            "endpoint_url": PINTU_S3_ENDPOINT_URL or None,
            "region_name": PINTU_S3_REGION or None,
            "addressing_style": PINTU_S3_ADDRESSING_STYLE or None,
            "access_key": PINTU_S3_ACCESS_KEY_ID,
            "secret_key": PINTU_S3_SECRET_ACCESS_KEY,
            "default_acl": None,  # the bucket's own (private) policy; never a public-read object
            "querystring_auth": True,  # a URL, were one ever made, would be signed and short-lived
            "querystring_expire": 60,
            "file_overwrite": False,  # a new version gets a new name; a committed row keeps its object
            "max_memory_size": 2 * 1024 * 1024,  # larger downloads spool to a temporary file
        },
    }
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# A whole application's documents may not exceed this many megabytes.
PINTU_MAX_APPLICATION_UPLOAD_MB = env.int("PINTU_MAX_APPLICATION_UPLOAD_MB", default=60)
PINTU_DEFAULT_REQUIREMENT_MAX_MB = 5

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="Pintu <no-reply@pintu.localhost>")
PINTU_SITE_URL = env("PINTU_SITE_URL", default="http://127.0.0.1:8000")

# The office seal: a server-held PKCS#12 and its passphrase (read from a file so it never sits in the
# process environment of every child). The Kepala Dinas' own passphrase is never configured anywhere.
PINTU_SEAL_PKCS12_PATH = env("PINTU_SEAL_PKCS12_PATH", default=str(BASE_DIR / "var" / "pki" / "segel.p12"))
PINTU_SEAL_PASSPHRASE_FILE = env(
    "PINTU_SEAL_PASSPHRASE_FILE", default=str(BASE_DIR / "var" / "pki" / "segel.passphrase")
)
PINTU_SIGNING_MAX_FAILURES = 5
PINTU_SIGNING_LOCK_MINUTES = 30
PINTU_SK_ISSUE_MAX_RETRIES = env.int("PINTU_SK_ISSUE_MAX_RETRIES", default=5)

# Celery: tasks take ids, never secrets. Without a broker (the embedded default) they run in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Queues (DESIGN §5): PDF work (rendering the draft, sealing the final SK: CPU-bound, up to 2 minutes) never
# waits behind e-mail, nor e-mail behind a batch of SKs; each has its own worker (docker-compose: worker-pdf
# `--queues pdf`, worker-mail `--queues mail,celery`). Housekeeping (the outbox relay, the SK sweep) stays on
# Celery's default queue `celery`, which the mail worker also consumes: it is short and must not wait behind
# a queue of PDFs, and a task someone forgets to route lands there rather than on a queue nobody reads.
# A worker started without --queues consumes all three. The outbox relay's send_task routes by name as well.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = [Queue("celery"), Queue("pdf"), Queue("mail")]
CELERY_TASK_ROUTES = {
    "signing.tasks.render_draft_sk": {"queue": "pdf"},
    "signing.tasks.issue_sk": {"queue": "pdf"},
    "signing.tasks.email_sk": {"queue": "mail"},
    "workflow.tasks.send_transition_email": {"queue": "mail"},
    "workflow.tasks.send_overdue_reminder": {"queue": "mail"},
    "workflow.tasks.remind_overdue_applications": {"queue": "mail"},
    "complaints.tasks.send_complaint_update": {"queue": "mail"},
    "accounts.tasks.send_nik_signup_attempt_email": {"queue": "mail"},
    "complaints.staff_tasks.remind_overdue_complaints": {"queue": "mail"},
    "workflow.tasks.outbox_relay_pending": {"queue": "celery"},
    "signing.tasks.requeue_overdue_sk_work": {"queue": "celery"},
}
# Redis redelivers a message that was delivered but never acknowledged (acks_late: a task is acknowledged
# when it ends; a worker killed as a whole never ends it) only after the visibility timeout. A message
# waiting for a retry's countdown/ETA is also unacknowledged, so the timeout must exceed the longest time
# limit (600 s: the daily reminder scans) plus the longest countdown (PINTU_TASK_MAX_COUNTDOWN, 300 s),
# or a slow or patient task is delivered a second time while it still runs. 20 minutes leaves 5 minutes for
# an ETA task to wait for a free slot in its worker. PDF work stranded by a killed worker comes back sooner
# through the sweep (PINTU_TASK_OVERDUE_MINUTES); e-mail through this redelivery.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 20 * 60}
PINTU_TASK_MAX_COUNTDOWN = 300
# The sweep (signing.tasks.requeue_overdue_sk_work, every PINTU_TASK_SWEEP_SECONDS) re-enqueues a draft or a
# final SK whose task neither finished nor failed this many minutes after it was queued, started or due for
# its retry. Keep it above the PDF tasks' time limit (2 minutes): a task still running is not overdue.
PINTU_TASK_OVERDUE_MINUTES = env.float("PINTU_TASK_OVERDUE_MINUTES", default=5)
# Beat keeps its last-run times in a file; the image points it at a writable place (/tmp in the container).
CELERY_BEAT_SCHEDULE_FILENAME = env(
    "PINTU_BEAT_SCHEDULE_FILE", default=str(BASE_DIR / "var" / "celerybeat-schedule")
)
from config.celery_schedule import CELERY_BEAT_SCHEDULE  # noqa: E402,F401

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Lax: the cookies still come along when a citizen follows a link from an e-mail or the SK's QR code, but
# not with a form posted from another site.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp 4) -------------------------------------------------------------------
# The same policy in every mode (local, test, production), so that a violation shows up on a developer's
# machine first. No inline script or style: scripts are files under static/js/, styles are classes in
# static/css/pintu.css. `data:` images are Bootstrap's own icons (form-select arrow, navbar toggler).
# `frame-src 'self'` lets an officer's page show the draft SK in an iframe; that response alone answers
# `frame-ancestors 'self'` (core/downloads.py), every other page refuses to be framed, like
# X_FRAME_OPTIONS. Uploaded documents keep their own sandbox policy (core.downloads.SANDBOX_POLICY),
# which the middleware leaves untouched because the header is already set.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
# --------------------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "fontTools": {"level": "ERROR"},
        # PDF parsers warn once per broken object: thousands of lines for one crafted file. Uploads are
        # parsed in a child that logs nothing (core/pdf_guard.py); this covers parsing in the process.
        "pypdf": {"level": "ERROR"},
        "pyhanko.pdf_utils": {"level": "ERROR"},
    },
}
