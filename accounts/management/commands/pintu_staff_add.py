"""Creates or updates an officer's account with one role, for an office's first setup and for scripted
installs. The password is read from standard input (never from the command line, where `ps` shows it)."""

import sys

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.roles import STAFF_ROLES, Role


class Command(BaseCommand):
    help = "Create or update a staff account with a role; the password is read from standard input."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="full name with titles")
        parser.add_argument("--nip", default="")
        parser.add_argument(
            "--role", required=True, choices=sorted(role.value for role in STAFF_ROLES), metavar="ROLE"
        )

    def handle(self, *args, username, email, name, nip, role, **options):
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise CommandError("Give the password on standard input (e.g. `… < password-file`).")
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username, defaults={"email": email})
            user.email, user.full_name, user.nip = email, name, nip
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            user.set_password(password)
            user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR.value
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(f"{'Created' if created else 'Updated'} {username} ({role}).")
