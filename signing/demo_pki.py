"""The embedded default's demo PKI: a root CA (trusted for verification), the Kepala Dinas' certificate
(demo passphrase in the README) and the office seal (random passphrase in a file outside the repository)."""

import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from accounts.demo import ensure_demo_allowed
from accounts.models import User
from accounts.roles import Role
from core.stored_files import stored_file_save, stored_files_atomic

from .models import Signer, TrustRoot
from .pki import certificate_pem, root_ca_create, signing_certificate_issue

DEMO_SIGNING_PASSPHRASE = "kadis-tte-2026"  # noqa: S105 — documented demo value; refused outside demo settings


@stored_files_atomic
def demo_pki_create(*, organization: str) -> Signer | None:
    """Idempotent: does nothing when a signer and the seal already exist."""
    ensure_demo_allowed()
    kadis = User.objects.filter(groups__name=Role.KEPALA_DINAS.value).order_by("pk").first()
    seal_path = Path(settings.PINTU_SEAL_PKCS12_PATH)
    if kadis is None or (Signer.objects.filter(user=kadis).exists() and seal_path.is_file()):
        return None
    root_key, root = root_ca_create(organization=organization)
    TrustRoot.objects.create(
        name=f"{organization} — Demo Root CA", certificate_pem=certificate_pem(root).decode()
    )
    seal_passphrase = secrets.token_urlsafe(24)
    seal = signing_certificate_issue(
        root_key=root_key,
        root_certificate=root,
        common_name=f"Segel Elektronik {organization}",
        organization=organization,
        passphrase=seal_passphrase.encode(),
    )
    seal_path.parent.mkdir(parents=True, exist_ok=True)
    seal_path.write_bytes(seal.pkcs12)
    passphrase_path = Path(settings.PINTU_SEAL_PASSPHRASE_FILE)
    passphrase_path.write_text(seal_passphrase)
    passphrase_path.chmod(0o600)
    issued = signing_certificate_issue(
        root_key=root_key,
        root_certificate=root,
        common_name=kadis.full_name,
        organization=organization,
        passphrase=DEMO_SIGNING_PASSPHRASE.encode(),
    )
    signer = Signer(
        user=kadis,
        name=kadis.full_name,
        nip=kadis.nip or "197001012000031001",
        position="Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    )
    stored_file_save(signer.pkcs12, "kepala-dinas.p12", ContentFile(issued.pkcs12))
    signer.save()
    return signer
