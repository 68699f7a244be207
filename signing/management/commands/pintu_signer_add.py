"""Registers a signer's PKCS#12 for a user: what the admin's upload does, for scripted setups. The passphrase
is neither asked nor stored; the signer types it each time they sign."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError

from signing.models import Signer


class Command(BaseCommand):
    help = "Register a signer (a user and their PKCS#12 file) for SK signatures."

    def add_arguments(self, parser):
        parser.add_argument("pkcs12", type=Path, help="the signer's PKCS#12 (.p12) file")
        parser.add_argument("--username", required=True)
        parser.add_argument("--name", required=True, help="name with titles, as printed on the SK")
        parser.add_argument("--position", required=True, help="e.g. 'Kepala Dinas …'")
        parser.add_argument("--nip", default="")

    def handle(self, *args, pkcs12: Path, username: str, name: str, position: str, nip: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        try:
            data = pkcs12.read_bytes()
        except OSError as exc:
            raise CommandError(f"{pkcs12} cannot be read: {exc.strerror}") from None
        signer = Signer(user=user, name=name, position=position, nip=nip)
        signer.pkcs12.save(f"{username}.p12", ContentFile(data), save=False)
        signer.save()
        self.stdout.write(f"Signer {signer} registered for {username}.")
