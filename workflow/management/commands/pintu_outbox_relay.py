from django.core.management.base import BaseCommand

from workflow.models import OutboxMessage
from workflow.outbox import outbox_relay


class Command(BaseCommand):
    help = (
        "Hands the outbox's pending tasks (e-mails, rendering) to Celery, or runs them in-process when "
        "there is no broker. The periodic task workflow.tasks.outbox_relay_pending does this every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100, help="At most this many messages per pass.")

    def handle(self, *args, limit: int = 100, **options):
        relayed = outbox_relay(limit=limit)
        pending = OutboxMessage.objects.filter(relayed_at__isnull=True).count()
        self.stdout.write(self.style.SUCCESS(f"Diteruskan: {relayed}; masih tertunda: {pending}."))
        if pending:
            last = OutboxMessage.objects.filter(relayed_at__isnull=True).exclude(last_error="").last()
            if last is not None:
                self.stdout.write(self.style.WARNING(f"Galat terakhir: {last.last_error}"))
