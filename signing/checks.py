"""System checks of the signing keys: `manage.py check --deploy` names a missing, unreadable or unsafe seal
key, and with `--database default` a seal that the installation's own verification would not trust."""

import datetime as dt
import stat
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from .pdf_signing import WrongPassphrase, signer_load


def _seal_files() -> tuple[Path, Path]:
    return Path(settings.PINTU_SEAL_PKCS12_PATH), Path(settings.PINTU_SEAL_PASSPHRASE_FILE)


def seal_certificates() -> list[x509.Certificate]:
    """The seal's certificate first, then any chain certificates its PKCS#12 carries. Raises OSError or
    WrongPassphrase."""
    pkcs12_path, passphrase_path = _seal_files()
    signer = signer_load(pkcs12=pkcs12_path.read_bytes(), passphrase=passphrase_path.read_text().strip())
    own = signer.signing_cert
    others = [cert for cert in signer.cert_registry if cert.dump() != own.dump()]
    return [x509.load_der_x509_certificate(cert.dump()) for cert in [own, *others]]


@register(Tags.security, deploy=True)
def seal_key_check(app_configs, **kwargs):
    pkcs12_path, passphrase_path = _seal_files()
    problems = []
    for label, path in (
        ("PINTU_SEAL_PKCS12_PATH", pkcs12_path),
        ("PINTU_SEAL_PASSPHRASE_FILE", passphrase_path),
    ):
        if not path.is_file():
            problems.append(
                Error(f"{label} points at {path}, which is not a readable file.", id="pintu.E010")
            )
        elif path.resolve().is_relative_to(Path(settings.BASE_DIR).resolve()):
            problems.append(
                Warning(
                    f"{label} ({path}) lies inside the source tree, where the demo keys live.",
                    hint="Keep the office seal outside the application's folder (e.g. /srv/pintu/keys).",
                    id="pintu.W011",
                )
            )
    if problems and any(isinstance(p, Error) for p in problems):
        return problems
    if passphrase_path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        problems.append(
            Warning(
                f"The seal passphrase file {passphrase_path} can be read by other users.",
                hint=f"chmod 600 {passphrase_path}",
                id="pintu.W012",
            )
        )
    try:
        certificate = seal_certificates()[0]
    except WrongPassphrase:
        return [*problems, Error("The seal key does not open with its passphrase file.", id="pintu.E013")]
    except OSError as exc:
        return [*problems, Error(f"The seal key cannot be read: {exc.strerror}.", id="pintu.E014")]
    remaining = certificate.not_valid_after_utc - dt.datetime.now(dt.UTC)
    if remaining < dt.timedelta(days=30):
        problems.append(
            Warning(
                f"The seal certificate expires on {certificate.not_valid_after_utc:%Y-%m-%d}.",
                hint="Renew it before then: SKs sealed with an expired key do not verify.",
                id="pintu.W015",
            )
        )
    return problems


@register(Tags.database, deploy=True)
def trust_roots_check(app_configs, databases=None, **kwargs):
    """Runs with `check --database default`: verification needs an active trust root the seal chains to."""
    if not databases:
        return []
    from .models import TrustRoot

    roots = []
    try:
        rows = list(TrustRoot.objects.filter(is_active=True))
    except DatabaseError:
        return [Warning("The database is not migrated yet: trust roots were not checked.", id="pintu.W023")]
    for row in rows:
        try:
            roots.extend(x509.load_pem_x509_certificates(row.certificate_pem.strip().encode("ascii")))
        except ValueError:
            return [Error(f"Trust root {row.name!r} is not a PEM certificate.", id="pintu.E020")]
    if not roots:
        return [
            Error(
                "No active trust root: the verification page would call every SK's signer unknown.",
                hint="Add the CA certificates of the Kepala Dinas' and the seal's keys in the admin.",
                id="pintu.E021",
            )
        ]
    try:
        chain = seal_certificates()
    except (OSError, WrongPassphrase):
        return []  # seal_key_check reports it
    if not _chains_to(chain, roots):
        return [
            Error(
                "The seal certificate does not chain to an active trust root: sealed SKs would verify as "
                "signed by an unknown signer.",
                id="pintu.E022",
            )
        ]
    return []


def _chains_to(chain: list[x509.Certificate], roots: list[x509.Certificate]) -> bool:
    candidates = [*chain, *roots]
    current = chain[0]
    for _ in range(len(candidates)):
        if any(_issued_by(current, root) for root in roots):
            return True
        issuer = next((c for c in chain[1:] if c is not current and _issued_by(current, c)), None)
        if issuer is None:
            return False
        current = issuer
    return False


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True
