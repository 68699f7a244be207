"""Checks that only mean something against the real services; `make test-services` sets
PINTU_REQUIRE_SERVICES=1 so that they fail, rather than skip, when PostgreSQL or Redis is not in use."""

import os
import threading

import pytest
from django.conf import settings
from django.db import connection, connections

from permits import services
from permits.models import Application, ApplicationStatus
from tests.factories import PermitTypeFactory, RequirementFactory, UserFactory
from tests.files import pdf_upload
from workflow.models import TransitionLog
from workflow.runner import AlreadyProcessed

REQUIRED = os.environ.get("PINTU_REQUIRE_SERVICES") == "1"
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql" and not REQUIRED, reason="needs PostgreSQL (make test-services)"
)


@pytest.mark.services
@pytest.mark.skipif(not REQUIRED, reason="only in `make test-services`")
def test_the_services_run_really_uses_postgresql_redis_and_the_broker():
    assert connection.vendor == "postgresql"
    from django.core.cache import cache

    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    cache.set("pintu-probe", "ok", 10)
    assert cache.get("pintu-probe") == "ok"
    from config.celery import app

    assert settings.CELERY_BROKER_URL.startswith("redis://") and not settings.CELERY_TASK_ALWAYS_EAGER
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)


@pytest.mark.services
@on_postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_make_exactly_one_transition():
    applicant = UserFactory()
    permit_type = PermitTypeFactory()
    requirement = RequirementFactory(permit_type=permit_type)
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    services.document_upload(
        application=application, requirement=requirement, uploaded_file=pdf_upload(), by=applicant
    )

    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def submit():
        try:
            copy = Application.objects.get(pk=application.pk)
            barrier.wait()
            services.application_submit(application=copy, by=applicant)
            outcomes.append("ok")
        except (AlreadyProcessed, services.ApplicationNotEditable):
            outcomes.append("already")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "already", "already", "ok"]
    assert TransitionLog.objects.filter(application=application).count() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.VERIFIKASI_BERKAS


@pytest.mark.services
@on_postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_deciding_at_once_exactly_one_wins():
    from accounts.roles import Role
    from permits.models import ReviewStatus
    from workflow import services as workflow_services

    applicant = UserFactory()
    permit_type = PermitTypeFactory()
    requirement = RequirementFactory(permit_type=permit_type)
    application = services.application_start(permit_type=permit_type, applicant=applicant)
    services.document_upload(
        application=application, requirement=requirement, uploaded_file=pdf_upload(), by=applicant
    )
    services.application_submit(application=application, by=applicant)
    officer_a, officer_b = UserFactory(roles=[Role.BACK_OFFICE]), UserFactory(roles=[Role.BACK_OFFICE])
    workflow_services.documents_review(
        application_id=application.pk,
        expected_status=ApplicationStatus.VERIFIKASI_BERKAS,
        by=officer_a,
        judgements=[
            workflow_services.DocumentJudgement(document_id=d.pk, status=ReviewStatus.SESUAI)
            for d in application.documents.all()
        ],
    )
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approve(officer):
        try:
            barrier.wait()
            workflow_services.application_approve(
                application_id=application.pk, expected_status=ApplicationStatus.VERIFIKASI_BERKAS, by=officer
            )
            outcomes.append("ok")
        except AlreadyProcessed:
            outcomes.append("already")
        finally:
            connections.close_all()

    def reject(officer):
        try:
            barrier.wait()
            workflow_services.application_reject(
                application_id=application.pk,
                expected_status=ApplicationStatus.VERIFIKASI_BERKAS,
                by=officer,
                reason="Tidak memenuhi syarat.",
            )
            outcomes.append("ok")
        except AlreadyProcessed:
            outcomes.append("already")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=(officer_a,)),
        threading.Thread(target=reject, args=(officer_b,)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "ok"]
    decisions = TransitionLog.objects.filter(application=application).exclude(transition="submit")
    assert decisions.count() == 1
    application.refresh_from_db()
    assert application.status in (ApplicationStatus.VERIFIKASI_KASI, ApplicationStatus.DITOLAK)
