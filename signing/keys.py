"""The office seal key, held by the server. Loaded per use; nothing about it is logged."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .pdf_signing import signer_load


def seal_signer():
    pkcs12_path = Path(settings.PINTU_SEAL_PKCS12_PATH)
    passphrase_path = Path(settings.PINTU_SEAL_PASSPHRASE_FILE)
    if not pkcs12_path.is_file() or not passphrase_path.is_file():
        raise ImproperlyConfigured("The office seal key is not configured (PINTU_SEAL_PKCS12_PATH).")
    return signer_load(pkcs12=pkcs12_path.read_bytes(), passphrase=passphrase_path.read_text().strip())
