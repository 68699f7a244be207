"""Errors every app raises alike."""


class NotFound(Exception):
    """No such object for this user (it may exist, but they may not see it)."""
