"""At-most-once markers in the database: an e-mail task claims its marker before sending, so a second delivery
of the same task (at-least-once: a retry, a redelivered message, a second relay) sends nothing. A cache
would forget a marker on eviction or restart (a doubled mail) or, failing soft, answer "not seen" during an
outage; the database does neither.

A claim is its own (short) transaction, committed before the mail goes out: a concurrent delivery then
finds it. A failed send gives the claim back so the retry can send; a sender killed mid-send leaves an
unfinished claim that a later delivery may take over once it is older than CLAIM_ABANDONED_AFTER."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import DeliveryMarker

# Far longer than any redelivery of a task (retries, the broker's visibility timeout, a relay's repeat).
MARKER_KEEP = timedelta(days=7)
# E-mail tasks stop after 60 seconds: an unfinished claim this old belongs to a sender that died.
CLAIM_ABANDONED_AFTER = timedelta(minutes=5)


def marker_claim(*, marker: str, done: bool = False) -> bool:
    """Claims `marker`; False when it was claimed before (and that claim was not abandoned). With `done`,
    the claim is final at once (for work done in the caller's transaction, e.g. a reminder's notice).

    Inside a caller's transaction the claim is part of it, and rolled back with it."""
    now = timezone.now()
    with transaction.atomic():
        _row, created = DeliveryMarker.objects.get_or_create(
            marker=marker, defaults={"claimed_at": now, "done_at": now if done else None}
        )
        if created:
            # Pruning on write keeps the table small without another periodic task.
            DeliveryMarker.objects.filter(claimed_at__lt=now - MARKER_KEEP).delete()
            return True
        abandoned = DeliveryMarker.objects.filter(
            marker=marker, done_at__isnull=True, claimed_at__lt=now - CLAIM_ABANDONED_AFTER
        )
        return abandoned.update(claimed_at=now, done_at=now if done else None) == 1


def marker_done(*, marker: str) -> None:
    DeliveryMarker.objects.filter(marker=marker).update(done_at=timezone.now())


def marker_release(*, marker: str) -> None:
    """Gives back an unfinished claim (the send failed), so that a retry may claim it again."""
    DeliveryMarker.objects.filter(marker=marker, done_at__isnull=True).delete()
