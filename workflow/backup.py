"""Backup and restore of what a Pintu installation cannot rebuild: the database, the stored files and the
office seal's key. `manage.py pintu_backup` / `pintu_restore` (workflow/management/commands) call these
functions; each returns a `Summary` for the operator or raises `BackupError` with a message meant for them.

- database: PostgreSQL through `pg_dump --format=custom` / `pg_restore` run with the connection parameters of
  `DATABASES["default"]` (the password only in the child's PGPASSWORD, never on a command line or in
  output); SQLite through sqlite3's online backup API, both ways.
- files: every file of `storages["private"]` (and of `storages["default"]`, the public files) read and
  written through the Storage API only (listdir/open/save), so a local folder and an S3 bucket alike, one
  file at a time, into a tar with member names `private/<name>` and `public/<name>`.
- keys: the seal's PKCS#12 and its passphrase file (PINTU_SEAL_PKCS12_PATH, PINTU_SEAL_PASSPHRASE_FILE).
  Signers' own PKCS#12 files are stored files (private storage) and travel with the files backup.

Every backup file is written under a temporary name with mode 0600 and renamed into place only when complete.
"""

import contextlib
import hashlib
import io
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

CHUNK_SIZE = 1024 * 1024
# Tables of these apps hold Pintu's own data; rows in any of them make a database "not empty".
PINTU_APPS = ("accounts", "permits", "workflow", "signing", "complaints")
# Tar prefix -> storage alias. "public" is storages["default"] (MEDIA_ROOT).
STORAGE_PREFIXES = {"private": "private", "public": "default"}
# Member names in a keys backup.
SEAL_PKCS12_MEMBER = "seal.p12"
SEAL_PASSPHRASE_MEMBER = "seal.passphrase"  # noqa: S105 (a member name, not a secret)
SEAL_MAX_BYTES = 1024 * 1024
# OPTIONS of a PostgreSQL DATABASES entry that libpq also reads from the environment.
LIBPQ_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}
SQLITE_HEADER = b"SQLite format 3\x00"
PG_CUSTOM_HEADER = b"PGDMP"

Progress = Callable[[str], None] | None


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


# Shared helpers ------------------------------------------------------------------------------------------


def _size(count: int) -> str:
    return f"{count:,} bytes"


def _files(count: int) -> str:
    return f"{count:,} file" if count == 1 else f"{count:,} files"


@contextlib.contextmanager
def _private_output(path: Path) -> Iterator[Path]:
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
def _tar_for_reading(path: Path) -> Iterator[tarfile.TarFile]:
    """The tar at `path`, opened for random access; a damaged or foreign file becomes a BackupError."""
    try:
        with tarfile.open(path, "r:") as tar:
            yield tar
    except tarfile.TarError as exc:
        raise BackupError(f"{path} is not a readable tar file: {exc}") from None


def _readable_file(path: Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a readable file.")
    return path


def _connection():
    return connections[DEFAULT_DB_ALIAS]


def _database_label(connection) -> str:
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f'SQLite "{params["NAME"]}"'
    where = params.get("HOST") or "local socket"
    if params.get("PORT"):
        where = f"{where}:{params['PORT']}"
    return f'PostgreSQL "{params["NAME"]}" on {where}'


def pintu_tables_with_rows(connection=None) -> list[str]:
    """The tables of Pintu's apps that exist in the database and hold at least one row."""
    connection = connection or _connection()
    existing = set(connection.introspection.table_names())
    found: list[str] = []
    with connection.cursor() as cursor:
        for label in PINTU_APPS:
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                table = model._meta.db_table
                if table in existing and table not in found:
                    cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
                    if cursor.fetchone() is not None:
                        found.append(table)
    return found


def _refuse_unless_empty(connection, force: bool) -> None:
    try:
        non_empty = pintu_tables_with_rows(connection)
    except DatabaseError as exc:
        message = str(exc).strip()
        password = connection.settings_dict.get("PASSWORD")
        if password:
            message = message.replace(str(password), "********")
        raise BackupError(
            f"Cannot open the target database {_database_label(connection)} (create it first if it does not "
            f"exist): {message}"
        ) from None
    if non_empty and not force:
        non_empty.sort()
        shown = ", ".join(non_empty[:5]) + (" …" if len(non_empty) > 5 else "")
        raise BackupError(
            f"The target database {_database_label(connection)} already holds Pintu data (rows in {shown}). "
            "A restore replaces it. Run again with --force if that is what you want."
        )


# Database ------------------------------------------------------------------------------------------------


def pg_invocation(program: str, settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """The start of a pg_dump/pg_restore command line for a DATABASES entry, and the environment of the
    child: host, port and user as options, the password only as PGPASSWORD. The database name is added by
    the caller (pg_dump and pg_restore take it differently)."""
    args = [program, "--no-password"]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in LIBPQ_OPTION_VARIABLES.items():
        if options.get(option):
            env[variable] = str(options[option])
    return args, env


def _pg_program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client programs, of the server's major "
            "version or newer (Debian/Ubuntu package: postgresql-client)."
        )
    return path


def _pg_run(args: list[str], env: dict[str, str], password: str, **kwargs) -> None:
    result = subprocess.run(args, env=env, stderr=subprocess.PIPE, check=False, **kwargs)  # noqa: S603
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        if password:
            message = message.replace(password, "********")
        program = Path(args[0]).name
        raise BackupError(f"{program} failed (exit status {result.returncode}): {message}")


def database_backup(path: Path) -> Summary:
    connection = _connection()
    path = Path(path)
    if connection.vendor == "postgresql":
        params = connection.settings_dict
        args, env = pg_invocation(_pg_program("pg_dump"), params)
        args += ["--format=custom", "--no-owner", "--dbname", str(params["NAME"])]
        with _private_output(path) as temporary, temporary.open("wb") as output:
            _pg_run(args, env, params.get("PASSWORD") or "", stdout=output)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with _private_output(path) as temporary:
            target = sqlite3.connect(temporary)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
    else:
        raise BackupError(f"Database backups support PostgreSQL and SQLite, not {connection.vendor}.")
    size = path.stat().st_size
    return Summary(
        f"Wrote {path}: database {_database_label(connection)}, {_size(size)}.", content_bytes=size
    )


def _file_header(path: Path, length: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(length)


def database_restore(path: Path, *, force: bool = False) -> Summary:
    connection = _connection()
    path = _readable_file(path)
    size = path.stat().st_size
    if connection.vendor == "postgresql":
        if _file_header(path, len(PG_CUSTOM_HEADER)) != PG_CUSTOM_HEADER:
            raise BackupError(f"{path} is not a PostgreSQL backup (pg_dump custom format).")
        program = _pg_program("pg_restore")
        _refuse_unless_empty(connection, force)
        connection.close()  # pg_restore drops and recreates the tables: hold no connection of our own
        params = connection.settings_dict
        args, env = pg_invocation(program, params)
        args += ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname", str(params["NAME"])]
        _pg_run([*args, str(path)], env, params.get("PASSWORD") or "", stdout=subprocess.DEVNULL)
    elif connection.vendor == "sqlite":
        if _file_header(path, len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"{path} is not an SQLite database.")
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is a damaged SQLite database.")
            _refuse_unless_empty(connection, force)
            connection.ensure_connection()
            if connection.in_atomic_block:
                raise BackupError("Cannot restore inside a transaction.")
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        raise BackupError(f"Database restores support PostgreSQL and SQLite, not {connection.vendor}.")
    return Summary(
        f"Restored database {_database_label(connection)} from {path} ({_size(size)}).",
        content_bytes=size,
        notes=["Run `manage.py migrate` if this code is newer than the backup."],
    )


# Stored files --------------------------------------------------------------------------------------------


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
    with _private_output(path) as temporary, tarfile.open(temporary, "w", format=tarfile.PAX_FORMAT) as tar:
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
                    progress(f"{prefix}/{name} ({_size(info.size)})")
    total = sum(counts.values())
    detail = ", ".join(f"{count} {prefix}" for prefix, count in counts.items())
    return Summary(
        f"Wrote {path}: {_files(total)} ({detail}), {_size(content_bytes)} of content, "
        f"archive {_size(path.stat().st_size)}.",
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
    path = _readable_file(path)
    with _tar_for_reading(path) as tar:
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
                progress(f"{member.name} ({_size(member.size)})")
    notes = [f"{len(different)} existing files were replaced (--force)."] if different else []
    return Summary(
        f"Restored from {path}: {_files(written)} written ({_size(content_bytes)}), "
        f"{len(identical)} already present and identical.",
        files=written,
        content_bytes=content_bytes,
        notes=notes,
    )


# Signing keys --------------------------------------------------------------------------------------------


def _seal_paths() -> dict[str, tuple[str, Path]]:
    """Tar member -> (setting name, configured path)."""
    return {
        SEAL_PKCS12_MEMBER: ("PINTU_SEAL_PKCS12_PATH", Path(settings.PINTU_SEAL_PKCS12_PATH)),
        SEAL_PASSPHRASE_MEMBER: ("PINTU_SEAL_PASSPHRASE_FILE", Path(settings.PINTU_SEAL_PASSPHRASE_FILE)),
    }


KEYS_WARNING = (
    "{path} holds the office seal's private key AND its passphrase: whoever has it can seal documents as "
    "the office. Store it apart from the database and files backups (another medium, another place), "
    "never next to them."
)


def keys_backup(path: Path) -> Summary:
    path = Path(path)
    content_bytes = 0
    with _private_output(path) as temporary, tarfile.open(temporary, "w", format=tarfile.PAX_FORMAT) as tar:
        for member_name, (setting, source) in _seal_paths().items():
            try:
                data = source.read_bytes()
            except OSError as exc:
                raise BackupError(f"{setting} ({source}) cannot be read: {exc.strerror}.") from None
            info = tarfile.TarInfo(member_name)
            info.size = len(data)
            info.mtime = time.time()
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(data))
            content_bytes += len(data)
    return Summary(
        f"Wrote {path} (mode 0600): the office seal's PKCS#12 and passphrase, {_size(content_bytes)}.",
        files=2,
        content_bytes=content_bytes,
        warnings=[KEYS_WARNING.format(path=path)],
    )


def _make_private_folders(folder: Path) -> None:
    """Creates `folder` and its missing parents with mode 0700 (existing ones are left as they are)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700)
        created.chmod(0o700)  # mkdir's mode is narrowed by the umask only, but be exact


def _write_private(target: Path, data: bytes) -> None:
    _make_private_folders(target.parent)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def keys_restore(path: Path, *, force: bool = False) -> Summary:
    path = _readable_file(path)
    targets = _seal_paths()
    with _tar_for_reading(path) as tar:
        members = {member.name: member for member in tar.getmembers()}
        if set(members) != set(targets) or not all(m.isreg() for m in members.values()):
            raise BackupError(f"{path} is not a Pintu keys backup (expected {', '.join(targets)}).")
        if any(member.size > SEAL_MAX_BYTES for member in members.values()):
            raise BackupError(f"{path} is not a Pintu keys backup (a member is too large).")
        contents = {}
        for name, member in members.items():
            with tar.extractfile(member) as handle:
                contents[name] = handle.read()
    different = [
        str(target)
        for name, (_setting, target) in targets.items()
        if target.exists() and target.read_bytes() != contents[name]
    ]
    if different and not force:
        raise BackupError(
            f"{' and '.join(different)} already exist with other content: restoring would replace the seal "
            "key in use. Nothing was written. Run again with --force to replace them."
        )
    for name, (_setting, target) in targets.items():
        _write_private(target, contents[name])
    written = ", ".join(str(target) for _setting, target in targets.values())
    return Summary(
        f"Restored the office seal to {written} (mode 0600).",
        files=2,
        content_bytes=sum(len(data) for data in contents.values()),
        notes=["Check it with `manage.py check --deploy`: it opens the seal with its passphrase."],
    )
