"""A complete production environment for subprocess runs of manage.py: a throwaway seal in a temporary
folder, every required variable set, nothing inherited from the developer's own environment."""

import os
import secrets
from pathlib import Path

from signing.pki import certificate_pem, root_ca_create, signing_certificate_issue

INHERITED_PREFIXES = ("DJANGO_", "DATABASE_URL", "CACHE_URL", "CELERY_", "PINTU_")


def throwaway_pki(
    folder: Path, *, organization: str = "DPMPTSP Uji", signers: dict[str, tuple[str, str]] | None = None
) -> dict[str, Path]:
    """A root CA and the office seal signed by it: the seal's PKCS#12, its passphrase file (0600) and the
    root's PEM; plus, for each `signers` entry {file name: (common name, passphrase)}, a signer's PKCS#12."""
    folder.mkdir(parents=True, exist_ok=True)
    root_key, root = root_ca_create(organization=organization)
    seal_passphrase = secrets.token_urlsafe(24)
    issued = {"segel.p12": (f"Segel Elektronik {organization}", seal_passphrase), **(signers or {})}
    for file_name, (common_name, passphrase) in issued.items():
        certificate = signing_certificate_issue(
            root_key=root_key,
            root_certificate=root,
            common_name=common_name,
            organization=organization,
            passphrase=passphrase.encode(),
        )
        (folder / file_name).write_bytes(certificate.pkcs12)
    paths = {
        "seal": folder / "segel.p12",
        "passphrase": folder / "segel.passphrase",
        "root": folder / "root.pem",
    }
    paths["passphrase"].write_text(seal_passphrase)
    paths["passphrase"].chmod(0o600)
    paths["root"].write_bytes(certificate_pem(root))
    return paths


def production_environment(folder: Path, **overrides: str) -> dict[str, str]:
    pki = throwaway_pki(folder / "pki")
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_PREFIXES)}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="pintu.example.go.id",
        DATABASE_URL=f"sqlite:///{folder / 'pintu.sqlite3'}",
        CACHE_URL="rediscache://127.0.0.1:6379/1",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        PINTU_SITE_URL="https://pintu.example.go.id",
        PINTU_SEAL_PKCS12_PATH=str(pki["seal"]),
        PINTU_SEAL_PASSPHRASE_FILE=str(pki["passphrase"]),
        PINTU_PRIVATE_MEDIA_ROOT=str(folder / "private"),
        PINTU_PUBLIC_MEDIA_ROOT=str(folder / "public"),
        PINTU_STATIC_ROOT=str(folder / "static"),
        PINTU_TRUST_ROOT_PEM=str(pki["root"]),
    )
    env.update(overrides)
    return env
