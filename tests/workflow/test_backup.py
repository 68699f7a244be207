"""Backup and restore (issue 8): `pintu_backup` / `pintu_restore` for the stored files, the seal key and the
database. The PostgreSQL round trip runs the commands as an operator would, in child processes, against two
databases of its own (make test-services)."""

import io
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from workflow import backup_database
from workflow.backup_common import BackupError

ROOT = Path(__file__).resolve().parents[2]
EVERY_BYTE = bytes(range(256)) * 64


def run(*args, **options):
    """Runs a management command in-process; returns (stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(*args, stdout=stdout, stderr=stderr, **options)
    return stdout.getvalue(), stderr.getvalue()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def local_storages(settings, tmp_path):
    """storages["private"] and storages["default"] in folders of this test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "public")},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return storages["private"], storages["default"]


STORED = {
    "documents/2026/07/ktp-9f2c.pdf": b"%PDF-1.7 ktp\n" + EVERY_BYTE,
    "signers/kadis-41aa.p12": EVERY_BYTE[::-1],
    "sk/final/503-IZIN-2026.pdf": b"%PDF-1.7 sk\n",
}


def save_all(storage, files):
    for name, data in files.items():
        assert storage.save(name, ContentFile(data)) == name


def test_files_round_trip(local_storages, tmp_path):
    private, public = local_storages
    save_all(private, STORED)
    save_all(public, {"forms/formulir-kosong.docx": b"PK blank form"})
    archive = tmp_path / "files.tar"

    out, _ = run("pintu_backup", "files", str(archive))

    assert "4 files (3 private, 1 public)" in out
    assert mode(archive) == 0o600, "applicants' documents: readable by the owner only"
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == sorted(
            [f"private/{name}" for name in STORED] + ["public/forms/formulir-kosong.docx"]
        )
    for name in STORED:
        private.delete(name)
    public.delete("forms/formulir-kosong.docx")

    out, _ = run("pintu_restore", "files", str(archive))

    assert "4 files written" in out
    for name, data in STORED.items():
        with private.open(name, "rb") as handle:
            assert handle.read() == data
    with public.open("forms/formulir-kosong.docx", "rb") as handle:
        assert handle.read() == b"PK blank form"


def test_files_restore_keeps_identical_files_and_refuses_different_ones_without_force(
    local_storages, tmp_path
):
    private, _public = local_storages
    save_all(private, STORED)
    archive = tmp_path / "files.tar"
    run("pintu_backup", "files", str(archive))
    changed = "signers/kadis-41aa.p12"
    private.delete(changed)
    save_all(private, {changed: b"another key"})
    private.delete("sk/final/503-IZIN-2026.pdf")

    with pytest.raises(CommandError, match="--force"):
        run("pintu_restore", "files", str(archive))
    assert not private.exists("sk/final/503-IZIN-2026.pdf"), "a refused restore writes nothing"
    with private.open(changed, "rb") as handle:
        assert handle.read() == b"another key"

    out, _ = run("pintu_restore", "files", str(archive), force=True)

    assert "2 files written" in out and "1 already present and identical" in out
    for name, data in STORED.items():
        with private.open(name, "rb") as handle:
            assert handle.read() == data


def test_files_restore_refuses_members_outside_the_storages(local_storages, tmp_path):
    private, _public = local_storages
    archive = tmp_path / "foreign.tar"
    with tarfile.open(archive, "w") as tar:
        for name in ("private/ok.txt", "private/../../escape.txt"):
            info = tarfile.TarInfo(name)
            info.size = 2
            tar.addfile(info, io.BytesIO(b"hi"))

    with pytest.raises(CommandError, match="not a stored file"):
        run("pintu_restore", "files", str(archive))
    assert not private.exists("ok.txt")


def test_files_round_trip_through_s3(settings, tmp_path):
    """Only the Storage API is used: the same commands back up and restore an S3 bucket (moto)."""
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    pytest.importorskip("storages.backends.s3")
    with moto.mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="pintu-private")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(tmp_path / "public")},
            },
            "private": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "pintu-private",
                    "region_name": "us-east-1",
                    "access_key": "testing",
                    "secret_key": "testing",
                    "default_acl": None,
                    "file_overwrite": False,
                },
            },
        }
        private = storages["private"]
        save_all(private, STORED)
        archive = tmp_path / "files.tar"

        out, _ = run("pintu_backup", "files", str(archive))
        assert "3 files (3 private, 0 public)" in out
        for name in STORED:
            private.delete(name)
        run("pintu_restore", "files", str(archive))

        for name, data in STORED.items():
            with private.open(name, "rb") as handle:
                assert handle.read() == data


@pytest.fixture
def seal(settings, tmp_path):
    pki = tmp_path / "pki"
    pki.mkdir()
    settings.PINTU_SEAL_PKCS12_PATH = str(pki / "segel.p12")
    settings.PINTU_SEAL_PASSPHRASE_FILE = str(pki / "segel.passphrase")
    Path(settings.PINTU_SEAL_PKCS12_PATH).write_bytes(EVERY_BYTE)
    Path(settings.PINTU_SEAL_PASSPHRASE_FILE).write_text("kata sandi segel\n")
    return Path(settings.PINTU_SEAL_PKCS12_PATH), Path(settings.PINTU_SEAL_PASSPHRASE_FILE)


def test_keys_round_trip(seal, settings, tmp_path):
    archive = tmp_path / "keys.tar"

    out, err = run("pintu_backup", "keys", str(archive))

    assert mode(archive) == 0o600
    assert "WARNING" in err and "apart from the database" in err
    assert str(archive) in out
    # A new host: the seal goes to its configured place, in folders that do not exist yet.
    settings.PINTU_SEAL_PKCS12_PATH = str(tmp_path / "new" / "keys" / "segel.p12")
    settings.PINTU_SEAL_PASSPHRASE_FILE = str(tmp_path / "new" / "keys" / "segel.passphrase")

    out, _ = run("pintu_restore", "keys", str(archive))

    restored_pkcs12 = Path(settings.PINTU_SEAL_PKCS12_PATH)
    restored_passphrase = Path(settings.PINTU_SEAL_PASSPHRASE_FILE)
    assert restored_pkcs12.read_bytes() == EVERY_BYTE
    assert restored_passphrase.read_text() == "kata sandi segel\n"
    assert mode(restored_pkcs12) == mode(restored_passphrase) == 0o600
    assert mode(restored_pkcs12.parent) == mode(restored_pkcs12.parent.parent) == 0o700
    assert "Restored the office seal" in out


def test_keys_restore_refuses_to_replace_a_different_seal_without_force(seal, tmp_path):
    pkcs12, passphrase = seal
    archive = tmp_path / "keys.tar"
    run("pintu_backup", "keys", str(archive))
    passphrase.write_text("a newer seal's passphrase\n")

    with pytest.raises(CommandError, match="--force"):
        run("pintu_restore", "keys", str(archive))
    assert passphrase.read_text() == "a newer seal's passphrase\n"

    run("pintu_restore", "keys", str(archive), force=True)
    assert passphrase.read_text() == "kata sandi segel\n" and mode(passphrase) == 0o600


def test_keys_backup_names_a_missing_seal(settings, tmp_path):
    settings.PINTU_SEAL_PKCS12_PATH = str(tmp_path / "missing.p12")
    settings.PINTU_SEAL_PASSPHRASE_FILE = str(tmp_path / "missing.passphrase")
    with pytest.raises(CommandError, match="PINTU_SEAL_PKCS12_PATH"):
        run("pintu_backup", "keys", str(tmp_path / "keys.tar"))
    assert list(tmp_path.iterdir()) == [], "no partial file is left behind"


def test_postgres_password_goes_only_into_the_child_environment():
    args, env = backup_database.pg_invocation(
        "pg_dump",
        {
            "NAME": "pintu",
            "USER": "pintu",
            "PASSWORD": "s3cret-password",
            "HOST": "db",
            "PORT": 5433,
            "OPTIONS": {"sslmode": "require"},
        },
    )
    assert args == ["pg_dump", "--no-password", "--host", "db", "--port", "5433", "--username", "pintu"]
    assert not any("s3cret" in arg for arg in args)
    assert env["PGPASSWORD"] == "s3cret-password" and env["PGSSLMODE"] == "require"


def test_missing_postgres_client_names_the_debian_package(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BackupError, match="postgresql-client"):
        backup_database._pg_program("pg_dump")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite copy; PostgreSQL is tested below")
@pytest.mark.django_db(transaction=True)
def test_sqlite_database_round_trip(tmp_path):
    from tests.factories import UserFactory

    UserFactory(username="cadangan")
    dump = tmp_path / "pintu.sqlite3"

    out, _ = run("pintu_backup", "database", str(dump))

    assert mode(dump) == 0o600 and dump.read_bytes().startswith(b"SQLite format 3\x00")
    assert "Wrote" in out
    with pytest.raises(CommandError, match="--force"):
        run("pintu_restore", "database", str(dump))
    from accounts.models import User

    User.objects.all().delete()
    UserFactory(username="setelah-cadangan")

    run("pintu_restore", "database", str(dump), force=True)

    assert list(User.objects.values_list("username", flat=True)) == ["cadangan"]


# PostgreSQL: the commands as an operator runs them -------------------------------------------------------


@pytest.fixture
def scratch_databases():
    """Two new, empty databases on the server of DATABASE_URL (dropped again afterwards); yields their
    URLs and the password they carry (a made-up one under trust authentication) to look for in output."""
    import psycopg

    server = urlsplit(os.environ["DATABASE_URL"])
    password = server.password or "never-printed-" + uuid.uuid4().hex[:8]
    netloc = f"{server.username or 'postgres'}:{password}@{server.hostname}:{server.port or 5432}"
    names = [f"pintu_backup_{uuid.uuid4().hex[:10]}_{role}" for role in ("source", "target")]
    with psycopg.connect(f"postgres://{netloc}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"postgres://{netloc}/{name}" for name in names], password
    finally:
        with psycopg.connect(f"postgres://{netloc}/postgres", autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def recording_shims(folder: Path) -> Path:
    """pg_dump and pg_restore wrappers that write down their arguments and whether PGPASSWORD was set."""
    folder.mkdir()
    for program in ("pg_dump", "pg_restore"):
        real = shutil.which(program)
        assert real, f"{program} is needed for this test (Debian: postgresql-client)"
        shim = folder / program
        shim.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" >> "{folder}/{program}.args"\n'
            f'[ -n "$PGPASSWORD" ] && echo yes >> "{folder}/{program}.pgpassword"\n'
            f'exec "{real}" "$@"\n'
        )
        shim.chmod(0o755)
    return folder


@pytest.mark.services
@pytest.mark.skipif(
    os.environ.get("PINTU_REQUIRE_SERVICES") != "1", reason="needs PostgreSQL (make test-services)"
)
def test_postgres_database_round_trip(scratch_databases, tmp_path):
    import psycopg

    (source_url, target_url), password = scratch_databases
    shims = recording_shims(tmp_path / "bin")

    def manage(database_url, *args):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url,
            "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert password not in result.stdout + result.stderr
        return result

    def usernames(database_url):
        with psycopg.connect(database_url) as conn:
            return [row[0] for row in conn.execute("SELECT username FROM accounts_user ORDER BY id")]

    assert manage(source_url, "migrate", "--noinput", "-v0").returncode == 0
    created = manage(
        source_url,
        "shell",
        "-c",
        "from accounts.models import User; User.objects.create_user(username='cadangan', "
        "email='cadangan@example.test', password='rahasia-uji-123', full_name='Uji Cadangan')",
    )
    assert created.returncode == 0, created.stderr
    dump = tmp_path / "pintu.dump"

    backed_up = manage(source_url, "pintu_backup", "database", str(dump))

    assert backed_up.returncode == 0, backed_up.stderr
    assert dump.read_bytes().startswith(b"PGDMP") and mode(dump) == 0o600
    assert "Wrote" in backed_up.stdout

    restored = manage(target_url, "pintu_restore", "database", str(dump))

    assert restored.returncode == 0, restored.stderr
    assert usernames(target_url) == ["cadangan"]

    refused = manage(target_url, "pintu_restore", "database", str(dump))

    assert refused.returncode != 0
    assert "already holds Pintu data" in refused.stderr and "--force" in refused.stderr
    forced = manage(target_url, "pintu_restore", "database", str(dump), "--force")
    assert forced.returncode == 0, forced.stderr
    assert usernames(target_url) == ["cadangan"]
    # The password reached pg_dump and pg_restore only through their environment.
    for program in ("pg_dump", "pg_restore"):
        assert password not in (shims / f"{program}.args").read_text()
        assert (shims / f"{program}.pgpassword").exists()
