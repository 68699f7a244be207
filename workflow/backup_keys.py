"""Backup and restore of the office seal's key, for `manage.py pintu_backup keys` and `pintu_restore keys`.

The backup is a tar of the seal's PKCS#12 and its passphrase file (PINTU_SEAL_PKCS12_PATH,
PINTU_SEAL_PASSPHRASE_FILE), written with mode 0600 and meant to be kept apart from the other backups. A
restore writes both back to the configured paths (mode 0600, missing folders 0700), replacing a different
seal only when forced. Signers' own PKCS#12 files are stored files: they travel with backup_files.
"""

import io
import os
import tarfile
import tempfile
import time
from pathlib import Path

from django.conf import settings

from .backup_common import BackupError, Summary, private_output, readable_file, size_text, tar_for_reading

# Member names in a keys backup.
SEAL_PKCS12_MEMBER = "seal.p12"
SEAL_PASSPHRASE_MEMBER = "seal.passphrase"  # noqa: S105 (a member name, not a secret)
SEAL_MAX_BYTES = 1024 * 1024


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
    with private_output(path) as temporary, tarfile.open(temporary, "w", format=tarfile.PAX_FORMAT) as tar:
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
        f"Wrote {path} (mode 0600): the office seal's PKCS#12 and passphrase, {size_text(content_bytes)}.",
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
    path = readable_file(path)
    targets = _seal_paths()
    with tar_for_reading(path) as tar:
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
