"""Backup and restore of the database (`DATABASES["default"]`), for `manage.py pintu_backup database` and
`pintu_restore database`.

PostgreSQL goes through `pg_dump --format=custom` / `pg_restore`, run with the connection parameters of
`DATABASES["default"]` (the password only in the child's PGPASSWORD, never on a command line or in output);
SQLite through sqlite3's online backup API, both ways. A restore refuses a target that already holds Pintu
data unless forced.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from .backup_common import BackupError, Summary, private_output, readable_file, size_text

# Tables of these apps hold Pintu's own data; rows in any of them make a database "not empty".
PINTU_APPS = ("accounts", "permits", "workflow", "signing", "complaints")
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
        with private_output(path) as temporary, temporary.open("wb") as output:
            _pg_run(args, env, params.get("PASSWORD") or "", stdout=output)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with private_output(path) as temporary:
            target = sqlite3.connect(temporary)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
    else:
        raise BackupError(f"Database backups support PostgreSQL and SQLite, not {connection.vendor}.")
    size = path.stat().st_size
    return Summary(
        f"Wrote {path}: database {_database_label(connection)}, {size_text(size)}.", content_bytes=size
    )


def _file_header(path: Path, length: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(length)


def database_restore(path: Path, *, force: bool = False) -> Summary:
    connection = _connection()
    path = readable_file(path)
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
        f"Restored database {_database_label(connection)} from {path} ({size_text(size)}).",
        content_bytes=size,
        notes=["Run `manage.py migrate` if this code is newer than the backup."],
    )
