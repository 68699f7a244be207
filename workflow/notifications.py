"""Placeholder until notifications land: see helper's implementation."""


def notify_transition(*, log_id: int) -> None:
    return None
