"""Gap-free letter numbers under real concurrency: only meaningful against PostgreSQL (SQLite serialises
every writer). `make test-services` sets PINTU_REQUIRE_SERVICES=1 so that this fails, not skips, elsewhere."""

import os
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections, transaction

from permits.models import Application, ApplicationStatus
from signing.models import IssuedNumber, NumberCounter
from signing.numbering import number_allocate
from tests.factories import PermitTypeFactory, UserFactory

from .conftest import make_series

REQUIRED = os.environ.get("PINTU_REQUIRE_SERVICES") == "1"
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql" and not REQUIRED, reason="needs PostgreSQL (make test-services)"
)

THREADS = 8
PER_THREAD = 25
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


class Abandon(Exception):
    """Raised after allocating to roll the numbering transaction back."""


@pytest.mark.services
@on_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_allocations_with_rollbacks_are_gap_free():
    assert connection.vendor == "postgresql"
    permit_type = PermitTypeFactory()
    series = make_series(permit_types=[permit_type])
    applicant, clerk = UserFactory(), UserFactory()
    # One application per allocation; the status can only be given in the constructor (protected FSM field).
    Application.objects.bulk_create(
        Application(
            permit_type=permit_type,
            applicant=applicant,
            status=ApplicationStatus.PENOMORAN,
            number=f"UJI-2603-{index:06d}",
        )
        for index in range(THREADS * PER_THREAD)
    )
    applications = list(Application.objects.filter(permit_type=permit_type).order_by("pk"))
    assert len(applications) == THREADS * PER_THREAD

    barrier = threading.Barrier(THREADS)
    committed: list[int] = []
    abandoned: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(batch: list[Application]) -> None:
        try:
            barrier.wait()
            for index, application in enumerate(batch):
                try:
                    with transaction.atomic():
                        issued = number_allocate(application=application, by=clerk, now=NOW)
                        if index % 5 == 4:  # a fifth of them: the rest of the transaction fails
                            raise Abandon
                except Abandon:
                    with lock:
                        abandoned.append(application.pk)
                else:
                    with lock:
                        committed.append(issued.sequence)
        except BaseException as exc:  # reported to the main thread, which asserts on it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=work, args=(applications[n * PER_THREAD : (n + 1) * PER_THREAD],))
        for n in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    expected = THREADS * PER_THREAD * 4 // 5
    assert len(committed) == expected and len(abandoned) == THREADS * PER_THREAD - expected
    assert sorted(committed) == list(range(1, expected + 1))  # no duplicates, no gaps
    register = list(IssuedNumber.objects.filter(series=series, year=2026).values_list("sequence", "number"))
    assert sorted(sequence for sequence, _ in register) == list(range(1, expected + 1))
    assert len({number for _, number in register}) == expected
    assert not IssuedNumber.objects.filter(application_id__in=abandoned).exists()
    assert NumberCounter.objects.get(series=series, year=2026).last_value == expected
