"""Files in storage that database rows point at: the private storage, and saving, reading and removing them so
that storage and database never disagree.

- `private_files` is `storages["private"]` (a local folder or an S3-compatible bucket, by configuration),
  resolved at use rather than when the models load, so that changing `STORAGES` takes effect.
  `private_storage` returns it: the `storage=` of every private FileField.
- `stored_files_atomic()` is `transaction.atomic()` for services that store files: a file stored in it with
  `stored_file_save` is deleted again if the block rolls back (an exception, or a rollback that an inner
  block asked for). Nested in another `stored_files_atomic()`, its files are handed to the outer one, which
  deletes them if *it* rolls back. (Not seen: a plain `transaction.atomic()` around it that rolls back after
  this block succeeded; open the outer block with `stored_files_atomic()` too.)
- `stored_file_discard_on_commit` removes a file a row stops pointing at (a replaced draft, a deleted
  document) only once that change has committed: a rollback never leaves a committed row without its file.
- `stored_file_read` reads a whole stored file and closes it.

Nothing here assumes a local path: only the Storage API (save, open, delete) is used.
"""

import logging
import threading
from contextlib import ContextDecorator

from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, transaction
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

logger = logging.getLogger("pintu.storage")


class PrivateStorage(LazyObject):
    """`storages["private"]`, looked up on first use and again after the STORAGES setting changes."""

    def _setup(self):
        self._wrapped = storages["private"]


private_files = PrivateStorage()


def private_storage():
    # A callable, so that migrations name it rather than a backend; it returns a proxy that resolves
    # storages["private"] at each use (a local folder or an S3-compatible bucket, by configuration).
    return private_files


@receiver(setting_changed)
def _private_storage_reset(*, setting, **kwargs) -> None:
    if setting == "STORAGES":
        private_files._wrapped = empty


# The open `stored_files_atomic` blocks of this thread, innermost last, per database alias: each is the list
# of (storage, name) stored inside it so far.
_state = threading.local()


def _scopes(using: str) -> list[list[tuple[Storage, str]]]:
    stacks = _state.__dict__.setdefault("stacks", {})
    return stacks.setdefault(using, [])


class _StoredFilesAtomic(ContextDecorator):
    def __init__(self, using: str):
        self.using = using

    def _recreate_cm(self):
        # A decorated function gets a fresh block on every call (and in every thread).
        return type(self)(self.using)

    def __enter__(self):
        self._atomic = transaction.atomic(using=self.using)
        self._atomic.__enter__()
        self._stored: list[tuple[Storage, str]] = []
        _scopes(self.using).append(self._stored)
        return self

    def __exit__(self, exc_type, exc, traceback):
        scopes = _scopes(self.using)
        scopes.pop()
        connection = transaction.get_connection(self.using)
        # Django rolls the block back on an exception, or when an inner block marked it for rollback.
        rolls_back = exc_type is not None or connection.needs_rollback
        try:
            self._atomic.__exit__(exc_type, exc, traceback)
        except BaseException:
            _delete_all(self._stored)  # the commit (or releasing the savepoint) failed: nothing was kept
            raise
        if rolls_back:
            _delete_all(self._stored)
        elif scopes and connection.in_atomic_block:
            scopes[-1].extend(self._stored)  # kept only if the enclosing block commits too
        return False


def stored_files_atomic(using=None):
    """`transaction.atomic()` (as a context manager or decorator, with or without parentheses) that deletes,
    if the block rolls back, the files `stored_file_save` stored inside it."""
    if callable(using):
        return _StoredFilesAtomic(DEFAULT_DB_ALIAS)(using)
    return _StoredFilesAtomic(using or DEFAULT_DB_ALIAS)


def stored_file_save(field_file, name: str, content, *, using: str | None = None) -> None:
    """Stores `content` in `field_file` (without saving the row) inside the current `stored_files_atomic`
    block, which deletes the stored file again if it rolls back. Raises RuntimeError outside such a block."""
    scopes = _scopes(using or DEFAULT_DB_ALIAS)
    if not scopes:
        raise RuntimeError("stored_file_save must run inside stored_files_atomic()")
    field_file.save(name, content, save=False)
    scopes[-1].append((field_file.storage, field_file.name))


def stored_file_discard_on_commit(field_file, *, using: str | None = None) -> None:
    """Deletes the file once the current transaction commits (the row no longer points at it by then);
    on rollback the file stays, since the committed row still points at it. Raises RuntimeError outside a
    transaction, where there would be no commit to wait for."""
    name, storage = field_file.name, field_file.storage
    if not transaction.get_connection(using).in_atomic_block:
        raise RuntimeError("stored_file_discard_on_commit must run in the transaction that changes the row")
    if name:
        transaction.on_commit(lambda: _delete(storage, name), using=using, robust=True)


def stored_file_read(field_file) -> bytes:
    """The whole content of a stored file; the handle is closed again."""
    with field_file.storage.open(field_file.name, "rb") as handle:
        return handle.read()


def _delete_all(stored: list[tuple[Storage, str]]) -> None:
    for storage, name in reversed(stored):
        _delete(storage, name)


def _delete(storage: Storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception as exc:
        # Never mask the error that caused the rollback; the name is a random storage key, nothing personal.
        logger.warning("storage: could not delete %s: %s", name, type(exc).__name__)
