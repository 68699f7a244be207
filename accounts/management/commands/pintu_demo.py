from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_PASSWORD, DemoDataRefused, demo_accounts_create


class Command(BaseCommand):
    help = "Creates one demo account per role (embedded default and tests only; refused in production)."

    def handle(self, *args, **options):
        try:
            users = demo_accounts_create()
        except DemoDataRefused as exc:
            raise CommandError(str(exc)) from exc
        for user in users:
            self.stdout.write(f"  {user.username:<18} {', '.join(sorted(user.role_names()))}")
        self.stdout.write(self.style.SUCCESS(f"{len(users)} akun demo siap; kata sandi: {DEMO_PASSWORD}"))
        from workflow.demo import demo_applications_create

        created = demo_applications_create()
        self.stdout.write(self.style.SUCCESS(f"{created} permohonan demo dibuat di berbagai tahap."))
