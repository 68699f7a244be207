"""What happens after a transition commits: notifications (in-app and e-mail through the outbox)."""


def after_transition(application, log) -> None:
    from .notifications import notify_transition

    notify_transition(log_id=log.pk)
