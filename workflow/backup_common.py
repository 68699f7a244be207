"""What every kind of backup shares: the `BackupError` an operator reads, the `Summary` each backup and
restore returns to `manage.py pintu_backup` / `pintu_restore`, and the writing and reading of a backup file.

Every backup file is written under a temporary name with mode 0600 and renamed into place only when complete
(`private_output`), so that an interrupted backup never leaves a truncated file under the real name.
The kinds themselves live in backup_database, backup_files and backup_keys.
"""

import contextlib
import os
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is for the operator."""


@dataclass
class Summary:
    """What a backup or restore did: a one-line message, and counts for callers and tests."""

    message: str
    files: int = 0
    content_bytes: int = 0
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def size_text(count: int) -> str:
    return f"{count:,} bytes"


def files_text(count: int) -> str:
    return f"{count:,} file" if count == 1 else f"{count:,} files"


@contextlib.contextmanager
def private_output(path: Path) -> Iterator[Path]:
    """A new empty file (mode 0600) next to `path`, renamed onto `path` if the block succeeds and removed if
    it fails, so that an interrupted backup never leaves a truncated file under the real name."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give the name of the backup file to write.")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    temporary = Path(temporary)
    try:
        os.fchmod(handle, 0o600)
        os.close(handle)
        yield temporary
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def tar_for_reading(path: Path) -> Iterator[tarfile.TarFile]:
    """The tar at `path`, opened for random access; a damaged or foreign file becomes a BackupError."""
    try:
        with tarfile.open(path, "r:") as tar:
            yield tar
    except tarfile.TarError as exc:
        raise BackupError(f"{path} is not a readable tar file: {exc}") from None


def readable_file(path: Path) -> Path:
    """`path` as a Path, if it names an existing file; a BackupError otherwise."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a readable file.")
    return path
