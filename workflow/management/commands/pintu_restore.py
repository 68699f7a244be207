"""`manage.py pintu_restore database|files|keys FILE [--force]`: the counterpart of pintu_backup
(workflow/backup_*.py). Each refuses to replace existing data unless --force is given."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflow.backup_common import BackupError
from workflow.backup_database import database_restore
from workflow.backup_files import files_restore
from workflow.backup_keys import keys_restore


class Command(BaseCommand):
    help = (
        "Restore a pintu_backup file: 'database' (pg_restore --clean, or the SQLite copy), 'files' (each "
        "stored file back under its own name) or 'keys' (the office seal to the configured paths, mode "
        "0600). Refuses to replace existing Pintu data, a different stored file or a different seal unless "
        "--force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["database", "files", "keys"], help="what to restore")
        parser.add_argument("file", type=Path, help="a file written by pintu_backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that holds Pintu data, stored files or a seal key that differ",
        )

    def handle(self, *args, what: str, file: Path, force: bool, **options):
        progress = self.stdout.write if options["verbosity"] >= 2 else None
        try:
            if what == "database":
                summary = database_restore(file, force=force)
            elif what == "files":
                summary = files_restore(file, force=force, progress=progress)
            else:
                summary = keys_restore(file, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(summary.message))
        for note in summary.notes:
            self.stdout.write(note)
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(f"WARNING: {warning}"))
