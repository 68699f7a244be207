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
        from django.test.utils import override_settings

        from permits.models import Office
        from signing.demo_pki import DEMO_SIGNING_PASSPHRASE, demo_pki_create
        from workflow.demo import demo_applications_create

        office = Office.current()
        if demo_pki_create(organization=office.short_name if office else "DPMPTSP"):
            self.stdout.write(
                self.style.SUCCESS(
                    f"PKI demo dibuat; passphrase TTE Kepala Dinas (kadis): {DEMO_SIGNING_PASSPHRASE}"
                )
            )

        # The demo officers' notification e-mails would flood the console that `make run` prints to.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            created = demo_applications_create()
            from complaints.demo import demo_complaints_create, demo_survey_create

            complaints = demo_complaints_create()
            responses = demo_survey_create()
        self.stdout.write(self.style.SUCCESS(f"{created} permohonan demo dibuat di berbagai tahap."))
        self.stdout.write(
            self.style.SUCCESS(f"{complaints} pengaduan demo dan {responses} jawaban survei demo.")
        )
