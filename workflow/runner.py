"""The one place where an application's status changes.

`transition_run` locks the row, checks that the actor may run the transition (django-rules predicates, the
same ones templates use for buttons), runs the FSM transition, saves, appends a TransitionLog row and
schedules side effects after commit. Two officers acting at once: one wins, the other gets AlreadyProcessed.
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_fsm import can_proceed

from permits.models import Application

from .models import TransitionLog


class TransitionRefused(Exception):
    """The actor may not run this transition on this application now."""


class AlreadyProcessed(TransitionRefused):
    """Someone else moved the application on since the actor loaded it."""


def transition_run(
    *,
    application_id: int,
    transition: str,
    actor,
    actor_role: str,
    expected_status: str,
    permission: str,
    reason: str = "",
    arguments: dict[str, Any] | None = None,
    on_commit: list[Callable[[Application], None]] | tuple = (),
    now=None,
) -> Application:
    """Runs `transition` on the application. Raises AlreadyProcessed or TransitionRefused."""
    now = now or timezone.now()
    with transaction.atomic():
        application = (
            Application.objects.select_for_update().select_related("permit_type").get(pk=application_id)
        )
        if application.status != expected_status:
            raise AlreadyProcessed(application.status)
        if not actor.has_perm(permission, application):
            raise TransitionRefused(permission)
        method = getattr(application, transition)
        if not can_proceed(method):
            raise TransitionRefused(transition)
        from_status = application.status
        method(**(arguments or {}))
        application.save()
        TransitionLog.objects.create(
            application=application,
            transition=transition,
            from_status=from_status,
            to_status=application.status,
            actor=actor,
            actor_role=actor_role,
            reason=reason,
            created_at=now,
        )
        for effect in on_commit:
            transaction.on_commit(lambda effect=effect: effect(application))
    return application
