"""The one place where an application's status changes.

`transition_run` locks the row, checks that the actor may run the transition (django-rules predicates, the
same ones templates use for buttons), runs the FSM transition, saves, appends a TransitionLog row and runs
the effects in the same transaction. Effects only write rows (notifications, outbox messages); the outbox
hands its tasks to the broker after commit, so nothing leaves before the change is durable and nothing
is lost if the broker is down. Two officers acting at once: one wins, the other gets AlreadyProcessed.
"""

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from permits.models import Application
from permits.rules import may

from .models import TransitionLog

security_log = logging.getLogger("pintu.security")


class TransitionRefused(Exception):
    """The actor may not run this transition on this application now."""


class AlreadyProcessed(TransitionRefused):
    """Someone else moved the application on since the actor loaded it."""


def transition_run(
    *,
    application_id: int | None = None,
    complaint_id: int | None = None,
    transition: str,
    actor,
    actor_role: str,
    expected_status: str,
    permission: str | None,
    reason: str = "",
    details: dict[str, Any] | None = None,
    arguments: dict[str, Any] | None = None,
    effects: list[Callable[[Application, TransitionLog], None]] | tuple = (),
    now=None,
) -> Application:
    """Runs `transition` on an application (or, with complaint_id, a complaint). Raises AlreadyProcessed or
    TransitionRefused."""
    now = now or timezone.now()
    if complaint_id is not None:
        from complaints.models import Complaint

        queryset, subject_id, log_field = Complaint.objects.all(), complaint_id, "complaint"
    else:
        queryset = Application.objects.select_related("permit_type")
        subject_id, log_field = application_id, "application"
    with transaction.atomic():
        application = queryset.select_for_update(of=("self",)).get(pk=subject_id)
        if application.status != expected_status:
            log_refusal("already_processed", actor, application, transition, expected_status)
            raise AlreadyProcessed(application.status)
        # permission=None marks the system's own steps (no human actor), e.g. publishing the final SK.
        # The rule itself, not actor.has_perm: a superuser is no exception (permits.rules.may).
        if permission is not None and not may(actor, permission, application):
            log_refusal("not_permitted", actor, application, transition, expected_status)
            raise TransitionRefused(permission)
        method = getattr(application, transition)
        if not can_proceed(method):
            log_refusal("invalid_transition", actor, application, transition, expected_status)
            raise TransitionRefused(transition)
        from_status = application.status
        method(**(arguments or {}))
        application.save()
        log = TransitionLog.objects.create(
            **{log_field: application},
            transition=transition,
            from_status=from_status,
            to_status=application.status,
            actor=actor,
            actor_role=actor_role,
            reason=reason,
            details=details or {},
            created_at=now,
        )
        for effect in effects:
            effect(application, log)
    return application


def log_refusal(kind: str, actor, application: Application, transition: str, expected_status: str) -> None:
    # Ids and states only: no names, no reasons, nothing personal.
    security_log.warning(
        "transition refused: %s actor=%s application=%s transition=%s expected=%s actual=%s",
        kind,
        getattr(actor, "pk", None),
        application.pk,
        transition,
        expected_status,
        application.status,
    )
