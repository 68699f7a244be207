"""Adds a CA certificate (PEM) that verification trusts: what the admin's upload does, for scripted setups."""

from pathlib import Path

from cryptography import x509
from django.core.management.base import BaseCommand, CommandError

from signing.models import TrustRoot


class Command(BaseCommand):
    help = "Trust a CA certificate (PEM file) for SK verification."

    def add_arguments(self, parser):
        parser.add_argument("pem", type=Path, help="the CA certificate, PEM")
        parser.add_argument("--name", required=True, help="how the admin lists it, e.g. 'BSrE Root CA'")

    def handle(self, *args, pem: Path, name: str, **options):
        try:
            text = pem.read_text(encoding="ascii")
            x509.load_pem_x509_certificates(text.encode("ascii"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{pem} is not a readable PEM certificate: {exc}") from None
        root, created = TrustRoot.objects.update_or_create(
            name=name, defaults={"certificate_pem": text, "is_active": True}
        )
        self.stdout.write(f"{'Added' if created else 'Updated'} trust root {root.name!r}.")
