"""`manage.py pintu_backup database|files|keys FILE`: one backup file per kind (workflow/backup_*.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflow.backup_common import BackupError
from workflow.backup_database import database_backup
from workflow.backup_files import files_backup
from workflow.backup_keys import keys_backup


class Command(BaseCommand):
    help = (
        "Back up Pintu: 'database' (PostgreSQL: pg_dump custom format; SQLite: a consistent copy), 'files' "
        "(every stored file, private and public, into a tar) or 'keys' (the office seal's PKCS#12 and "
        "passphrase, into a tar). Each file is written with mode 0600. Keep the keys backup apart from "
        "the others."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["database", "files", "keys"], help="what to back up")
        parser.add_argument("file", type=Path, help="the backup file to write (replaced if it exists)")

    def handle(self, *args, what: str, file: Path, **options):
        progress = self.stdout.write if options["verbosity"] >= 2 else None
        try:
            if what == "database":
                summary = database_backup(file)
            elif what == "files":
                summary = files_backup(file, progress=progress)
            else:
                summary = keys_backup(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(summary.message))
        for note in summary.notes:
            self.stdout.write(note)
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(f"WARNING: {warning}"))
