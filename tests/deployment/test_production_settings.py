"""Production refuses to start half-configured, and `check --deploy` names each unsafe item."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.deployment.production_env import production_environment

ROOT = Path(__file__).resolve().parents[2]


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def production_env(tmp_path):
    return production_environment(tmp_path)


def test_every_missing_variable_is_named_at_once(production_env):
    for name in ("DJANGO_SECRET_KEY", "PINTU_SITE_URL", "PINTU_SEAL_PKCS12_PATH", "CELERY_BROKER_URL"):
        production_env.pop(name)
    result = manage(production_env, "check")
    assert result.returncode != 0
    for name in ("DJANGO_SECRET_KEY", "PINTU_SITE_URL", "PINTU_SEAL_PKCS12_PATH", "CELERY_BROKER_URL"):
        assert name in result.stderr
    assert "DATABASE_URL" not in result.stderr.split("not set:")[1].split(".")[0]


def test_complete_configuration_passes_check_deploy_with_the_database(production_env):
    assert manage(production_env, "migrate", "-v0").returncode == 0
    roots = manage(
        production_env, "pintu_trust_root_add", "--name", "Root Uji", production_env["PINTU_TRUST_ROOT_PEM"]
    )
    assert roots.returncode == 0, roots.stderr
    result = manage(production_env, "check", "--deploy", "--database", "default", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    demo = manage(production_env, "pintu_demo")
    assert demo.returncode != 0 and "refused" in demo.stderr


def test_check_deploy_names_each_unsafe_item(production_env, tmp_path):
    production_env["PINTU_SITE_URL"] = "http://127.0.0.1:8000"
    Path(production_env["PINTU_SEAL_PASSPHRASE_FILE"]).write_text("salah")
    result = manage(production_env, "check", "--deploy")
    assert result.returncode != 0
    assert "pintu.E001" in result.stderr and "PINTU_SITE_URL" in result.stderr
    assert "pintu.E013" in result.stderr  # the seal does not open with that passphrase
    production_env["PINTU_SEAL_PKCS12_PATH"] = str(tmp_path / "tidak-ada.p12")
    assert "pintu.E010" in manage(production_env, "check", "--deploy").stderr


def test_seal_without_a_trust_root_it_chains_to_is_an_error(production_env, tmp_path):
    assert manage(production_env, "migrate", "-v0").returncode == 0
    result = manage(production_env, "check", "--deploy", "--database", "default")
    assert "pintu.E021" in result.stderr  # no trust root at all
    other = production_environment(tmp_path / "lain")["PINTU_TRUST_ROOT_PEM"]
    assert manage(production_env, "pintu_trust_root_add", "--name", "Root lain", other).returncode == 0
    result = manage(production_env, "check", "--deploy", "--database", "default")
    assert "pintu.E022" in result.stderr  # a root, but not the seal's


def test_loose_passphrase_file_is_a_warning(production_env):
    Path(production_env["PINTU_SEAL_PASSPHRASE_FILE"]).chmod(0o644)
    result = manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0 and "pintu.W012" in result.stderr


def test_static_files_collect_with_the_manifest_storage(production_env, tmp_path):
    """The image runs collectstatic with production settings; every reference in CSS/JS must resolve."""
    result = manage(production_env, "collectstatic", "--noinput", "-v0")
    assert result.returncode == 0, result.stderr
    static_root = Path(production_env["PINTU_STATIC_ROOT"])
    assert (static_root / "staticfiles.json").is_file()
