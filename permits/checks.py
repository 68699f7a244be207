"""System checks of the private storage's configuration: every start names an unknown backend or each missing
S3 setting; `manage.py check --deploy` also warns of a bucket reached without TLS."""

import importlib.util
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register

STORAGE_BACKENDS = ("local", "s3")
# The settings (environment variables of the same name) an S3-compatible bucket needs.
S3_REQUIRED = (
    "PINTU_S3_BUCKET",
    "PINTU_S3_ENDPOINT_URL",
    "PINTU_S3_ACCESS_KEY_ID",
    "PINTU_S3_SECRET_ACCESS_KEY",
)
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


@register("storage")
def private_storage_check(app_configs, **kwargs):
    backend = getattr(settings, "PINTU_STORAGE_BACKEND", "local")
    if backend not in STORAGE_BACKENDS:
        return [
            Error(
                f"PINTU_STORAGE_BACKEND is {backend!r}; it must be one of: {', '.join(STORAGE_BACKENDS)}.",
                hint="local keeps the private files in PINTU_PRIVATE_MEDIA_ROOT; s3 puts them in a bucket.",
                id="pintu.E030",
            )
        ]
    if backend != "s3":
        return []
    problems = [
        Error(
            f"PINTU_STORAGE_BACKEND is s3 but {name} is not set.",
            hint="See the object storage section of .env.example.",
            id="pintu.E031",
        )
        for name in S3_REQUIRED
        if not getattr(settings, name, "")
    ]
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        problems.append(
            Error(
                "PINTU_STORAGE_BACKEND is s3 but django-storages[s3] is not installed.",
                hint="pip install the project's dependencies (pyproject.toml).",
                id="pintu.E032",
            )
        )
    return problems


@register("storage", deploy=True)
def private_storage_transport_check(app_configs, **kwargs):
    """Applicants' documents and signed SKs must not cross the network in clear text."""
    if getattr(settings, "PINTU_STORAGE_BACKEND", "local") != "s3":
        return []
    url = getattr(settings, "PINTU_S3_ENDPOINT_URL", "")
    parts = urlsplit(url)
    if url and parts.scheme != "https" and parts.hostname not in LOOPBACK_HOSTS:
        return [
            Warning(
                f"PINTU_S3_ENDPOINT_URL {url!r} is not https: documents would travel unencrypted.",
                hint="Use the storage's https:// endpoint (or keep it on this host's loopback).",
                id="pintu.W033",
            )
        ]
    return []
