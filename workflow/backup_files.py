"""Backup and restore of the stored files, for `manage.py pintu_backup files` and `pintu_restore files`.

Every file of `storages["private"]` (and of `storages["default"]`, the public files) is read and written
through the Storage API only (listdir/open/save), so a local folder and an S3 bucket alike, one file at a
time, into a tar with member names `private/<name>` and `public/<name>`. Signers' own PKCS#12 files are
stored files (private storage) and travel with this backup. A restore writes nothing unless every file can
be written, and replaces a stored file with other content only when forced.
"""

import hashlib
import posixpath
import tarfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import Storage, storages

from .backup_common import (
    BackupError,
    Summary,
    files_text,
    private_output,
    readable_file,
    size_text,
    tar_for_reading,
)

CHUNK_SIZE = 1024 * 1024
# Tar prefix -> storage alias. "public" is storages["default"] (MEDIA_ROOT).
STORAGE_PREFIXES = {"private": "private", "public": "default"}

Progress = Callable[[str], None] | None


def storage_file_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in a storage, walking `listdir` (no local paths, so S3 works too)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local storage whose folder was never created holds no files
        return
    for name in sorted(files):
        if name not in ("", "."):
            yield posixpath.join(folder, name) if folder else name
    for name in sorted(folders):
        if name not in ("", "."):
            yield from storage_file_names(storage, posixpath.join(folder, name) if folder else name)


def _modified_time(storage: Storage, name: str) -> float:
    try:
        return storage.get_modified_time(name).timestamp()
    except (NotImplementedError, OSError, AttributeError):
        return time.time()


def files_backup(path: Path, *, progress: Progress = None) -> Summary:
    path = Path(path)
    counts = dict.fromkeys(STORAGE_PREFIXES, 0)
    content_bytes = 0
    with private_output(path) as temporary, tarfile.open(temporary, "w", format=tarfile.PAX_FORMAT) as tar:
        for prefix, alias in STORAGE_PREFIXES.items():
            storage = storages[alias]
            for name in storage_file_names(storage):
                info = tarfile.TarInfo(f"{prefix}/{name}")
                info.size = storage.size(name)
                info.mtime = _modified_time(storage, name)
                info.mode = 0o640
                with storage.open(name, "rb") as handle:
                    try:
                        tar.addfile(info, handle)  # copies exactly info.size bytes, chunk by chunk
                        changed = bool(handle.read(1))
                    except OSError as exc:
                        if exc.errno is not None:  # a real I/O error (e.g. a full disk), not tarfile's
                            raise  # "unexpected end of data" for a file that shrank
                        changed = True
                if changed:
                    raise BackupError(
                        f"{prefix}/{name} changed while it was being read; run the backup again."
                    )
                counts[prefix] += 1
                content_bytes += info.size
                if progress:
                    progress(f"{prefix}/{name} ({size_text(info.size)})")
    total = sum(counts.values())
    detail = ", ".join(f"{count} {prefix}" for prefix, count in counts.items())
    return Summary(
        f"Wrote {path}: {files_text(total)} ({detail}), {size_text(content_bytes)} of content, "
        f"archive {size_text(path.stat().st_size)}.",
        files=total,
        content_bytes=content_bytes,
    )


def _storage_name(member: tarfile.TarInfo) -> tuple[str, str]:
    """(storage alias, name in the storage) of a member of a files backup; refuses anything else."""
    prefix, _, name = member.name.partition("/")
    parts = name.split("/")
    if (
        not member.isreg()
        or prefix not in STORAGE_PREFIXES
        or not name
        or name.startswith("/")
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise BackupError(f"{member.name!r} is not a stored file of a Pintu files backup.")
    return STORAGE_PREFIXES[prefix], name


def _digest(handle) -> bytes:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK_SIZE):
        digest.update(chunk)
    return digest.digest()


def _same_content(storage: Storage, name: str, tar: tarfile.TarFile, member: tarfile.TarInfo) -> bool:
    if storage.size(name) != member.size:
        return False
    with storage.open(name, "rb") as stored, tar.extractfile(member) as archived:
        return _digest(stored) == _digest(archived)


def files_restore(path: Path, *, force: bool = False, progress: Progress = None) -> Summary:
    path = readable_file(path)
    with tar_for_reading(path) as tar:
        members = [(member, *_storage_name(member)) for member in tar.getmembers()]
        # First pass: nothing is written unless every file can be.
        identical, different = set(), []
        for member, alias, name in members:
            storage = storages[alias]
            if storage.exists(name):
                if _same_content(storage, name, tar, member):
                    identical.add(member.name)
                else:
                    different.append(member.name)
        if different and not force:
            shown = ", ".join(different[:5]) + (" …" if len(different) > 5 else "")
            raise BackupError(
                f"{len(different)} stored files already exist with other content ({shown}). Nothing was "
                "written. Run again with --force to replace them."
            )
        written = content_bytes = 0
        for member, alias, name in members:
            if member.name in identical:
                continue
            storage = storages[alias]
            if member.name in different:
                storage.delete(name)
            with tar.extractfile(member) as archived:
                content = File(archived, name=name)
                content.size = member.size  # not the tar's size, which File would guess from the name
                saved = storage.save(name, content)
            if saved != name:
                storage.delete(saved)
                raise BackupError(
                    f"The storage {alias!r} stored {member.name} as {saved!r} instead of {name!r}; the "
                    "database would not find it. The copy was removed; the restore stopped."
                )
            written += 1
            content_bytes += member.size
            if progress:
                progress(f"{member.name} ({size_text(member.size)})")
    notes = [f"{len(different)} existing files were replaced (--force)."] if different else []
    return Summary(
        f"Restored from {path}: {files_text(written)} written ({size_text(content_bytes)}), "
        f"{len(identical)} already present and identical.",
        files=written,
        content_bytes=content_bytes,
        notes=notes,
    )
