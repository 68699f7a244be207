"""Pintu's production configuration, started natively on this machine as docker-compose.yml describes it.

The commands of `migrate`, `web`, `worker-pdf`, `worker-mail` and `beat` are read from docker-compose.yml
and run unchanged; their environment has the same variables as the compose file and `.env.example`, with
addresses on this machine instead of the compose network's (LOCAL_ONLY_VARIABLES lists what differs and
why). nginx renders the same template. PostgreSQL is the machine's (a fresh database of the run's own),
Redis, the SMTP server (aiosmtpd) and nginx are started here on free ports and stopped at the end."""

import contextlib
import getpass
import mailbox
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

import psycopg
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
NGINX_TEMPLATE = ROOT / "config" / "deploy" / "nginx.conf.template"
APP_SERVICES = ("web", "worker-pdf", "worker-mail", "beat")
SERVER_NAME = "pintu.localhost"  # Chromium resolves *.localhost to this machine
ADMIN_POSTGRES = os.environ.get("PINTU_PRODUCTION_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
# Set by this harness only: compose gets them from its network, its volumes or gunicorn's default bind.
LOCAL_ONLY_VARIABLES = {
    "PINTU_BIND": "gunicorn listens on 0.0.0.0:8000 inside its container; here on a free local port",
    "PINTU_STATIC_ROOT": "the image sets it in the Dockerfile (collectstatic at build time)",
    "DJANGO_EMAIL_PORT": "the office's SMTP server; here the run's own aiosmtpd",
    "DJANGO_EMAIL_USE_TLS": "aiosmtpd speaks plain SMTP on loopback",
    "DJANGO_SUPERUSER_PASSWORD": "createsuperuser --noinput reads it during setup",
    "DJANGO_SUPERUSER_USERNAME": "createsuperuser --noinput reads it during setup",
    "DJANGO_SUPERUSER_EMAIL": "createsuperuser --noinput reads it during setup",
}


def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def env_example_names() -> set[str]:
    """The variables .env.example sets (commented ones are documented but optional or set by compose)."""
    names = set()
    for line in ENV_EXAMPLE.read_text().splitlines():
        name = line.split("=", 1)[0].strip()
        if "=" in line and not line.startswith("#") and name.isupper() and " " not in name:
            names.add(name)
    return names


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception as exc:  # noqa: BLE001 — retried until the deadline, then reported
            last_error = exc
        time.sleep(0.3)
    raise TimeoutError(f"{what} did not come up in {timeout:.0f} s (last error: {last_error!r})")


@dataclass
class ProductionStack:
    root: Path
    ports: dict[str, int] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    database: str = ""
    kadis_passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    staff_password: str = field(default_factory=lambda: "Staf-" + secrets.token_urlsafe(12))

    # --- addresses -------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"https://{SERVER_NAME}:{self.ports['https']}"

    @property
    def maildir(self) -> Path:
        return self.root / "mail"

    def mails(self) -> list:
        return [message for _key, message in sorted(mailbox.Maildir(self.maildir, create=False).items())]

    # --- lifecycle -------------------------------------------------------------------------------------
    def start(self) -> None:
        for name in ("redis", "web", "https", "http", "smtp"):
            self.ports[name] = free_port()
        self.database = f"pintu_production_{os.getpid()}_{secrets.token_hex(3)}"
        self._create_database(self.database)
        self.env = self.app_environment(database=self.database, private=self.root / "private")
        self._start(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.ports["redis"]),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        self._start(
            "smtp",
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                f"127.0.0.1:{self.ports['smtp']}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(self.maildir),
            ],
        )
        self.setup()
        for service in APP_SERVICES:
            self._start(service, compose()["services"][service]["command"], env=self.env)
        self._start_nginx()
        wait_for(lambda: self.get("/sehat/").status == 200, timeout=90, what="Pintu behind nginx")

    def stop(self) -> None:
        for name, process in reversed(list(self.processes.items())):
            self._stop(name, process)
        self.processes.clear()
        for database in (self.database, f"{self.database}_restored"):
            self._drop_database(database)

    # --- environment -----------------------------------------------------------------------------------
    def app_environment(self, *, database: str, private: Path) -> dict[str, str]:
        """Every variable the compose file's app services and .env.example set, with values for this
        machine."""
        keys = self.root / "keys"
        if not keys.exists():
            self._make_pki(keys)
        redis = f"redis://127.0.0.1:{self.ports['redis']}"
        values = {
            # .env.example
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": SERVER_NAME,
            "DJANGO_CSRF_TRUSTED_ORIGINS": self.url,
            "PINTU_SITE_URL": self.url,
            "PINTU_SERVER_NAME": SERVER_NAME,
            "POSTGRES_PASSWORD": "trust-auth-on-this-machine",
            "DJANGO_EMAIL_HOST": "127.0.0.1",
            "DJANGO_EMAIL_HOST_USER": "",
            "DJANGO_EMAIL_HOST_PASSWORD": "",
            "DJANGO_DEFAULT_FROM_EMAIL": "Pintu DPMPTSP Uji <no-reply@pintu.localhost>",
            # docker-compose.yml, x-app environment
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "CELERY_BROKER_URL": f"{redis}/0",
            "CACHE_URL": f"{redis}/1".replace("redis://", "rediscache://"),
            "PINTU_PROXY_COUNT": "1",
            "PINTU_PRIVATE_MEDIA_ROOT": str(private),
            "PINTU_PUBLIC_MEDIA_ROOT": str(self.root / "public"),
            "PINTU_SEAL_PKCS12_PATH": str(keys / "segel.p12"),
            "PINTU_SEAL_PASSPHRASE_FILE": str(keys / "segel.passphrase"),
            "PINTU_BEAT_SCHEDULE_FILE": str(self.root / "celerybeat-schedule"),
            # this machine only (LOCAL_ONLY_VARIABLES)
            "PINTU_BIND": f"127.0.0.1:{self.ports['web']}",
            "PINTU_STATIC_ROOT": str(self.root / "static"),
            "DJANGO_EMAIL_PORT": str(self.ports["smtp"]),
            "DJANGO_EMAIL_USE_TLS": "false",
        }
        inherited = {
            k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PINTU_", "CELERY_"))
        }
        inherited.pop("DATABASE_URL", None)
        inherited.pop("CACHE_URL", None)
        # The image has its interpreter, celery and gunicorn on PATH; here they are the virtualenv's.
        inherited["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
        return {**inherited, **values}

    # --- setup, as the Dockerfile and the compose `migrate` service do it, then an operator's first day ----
    def setup(self) -> None:
        self.manage("collectstatic", "--noinput", "-v0")  # Dockerfile
        self.run(compose()["services"]["migrate"]["command"])  # the migrate service
        self.manage("pintu_seed")
        self.manage(
            "createsuperuser",
            "--noinput",
            env={
                "DJANGO_SUPERUSER_USERNAME": "admin",
                "DJANGO_SUPERUSER_EMAIL": "admin@pintu.localhost",
                "DJANGO_SUPERUSER_PASSWORD": self.staff_password,
            },
        )
        for username, role in (
            ("backoffice", "Back Office"),
            ("kasi", "Kepala Seksi"),
            ("kabid", "Kepala Bidang"),
            ("sekretaris", "Sekretaris"),
            ("kadis", "Kepala Dinas"),
            ("sekretariat", "Sekretariat"),
        ):
            self.manage(
                "pintu_staff_add",
                "--username",
                username,
                "--email",
                f"{username}@pintu.localhost",
                "--name",
                f"Petugas {role}",
                "--role",
                role,
                input=self.staff_password + "\n",
            )
        keys = self.root / "keys"
        self.manage("pintu_trust_root_add", "--name", "Root CA uji produksi", str(keys / "root.pem"))
        self.manage(
            "pintu_signer_add",
            str(keys / "kadis.p12"),
            "--username",
            "kadis",
            "--name",
            "Dr. Hj. Uji Produksi, M.Si.",
            "--position",
            "Kepala Dinas Penanaman Modal dan PTSP",
            "--nip",
            "197001012000031001",
        )
        self.manage("check", "--deploy", "--database", "default", "--fail-level", "WARNING")

    def _make_pki(self, folder: Path) -> None:
        from tests.deployment.production_env import throwaway_pki

        throwaway_pki(
            folder,
            organization="DPMPTSP Uji Produksi",
            signers={"kadis.p12": ("Dr. Hj. Uji Produksi, M.Si.", self.kadis_passphrase)},
        )

    # --- nginx -----------------------------------------------------------------------------------------
    def nginx_variables(self) -> dict[str, str]:
        tls = self.root / "tls"
        return {
            "PINTU_HTTP_PORT": str(self.ports["http"]),
            "PINTU_HTTPS_PORT": str(self.ports["https"]),
            "PINTU_HTTPS_PUBLIC_PORT": str(self.ports["https"]),
            "PINTU_SERVER_NAME": SERVER_NAME,
            "PINTU_TLS_CERTIFICATE": str(tls / "fullchain.pem"),
            "PINTU_TLS_KEY": str(tls / "privkey.pem"),
            "PINTU_UPSTREAM": f"127.0.0.1:{self.ports['web']}",
        }

    def _start_nginx(self) -> None:
        tls = self.root / "tls"
        tls.mkdir()
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                f"/CN={SERVER_NAME}",
                "-addext",
                f"subjectAltName=DNS:{SERVER_NAME}",
                "-keyout",
                str(tls / "privkey.pem"),
                "-out",
                str(tls / "fullchain.pem"),
            ],
            check=True,
            capture_output=True,
        )
        prefix = self.root / "nginx"
        prefix.mkdir()
        # The nginx image's templates folder substitutes only the variables it is given, as this does.
        server = Template(NGINX_TEMPLATE.read_text()).safe_substitute(self.nginx_variables())
        (prefix / "pintu.conf").write_text(server)
        # As root, nginx's workers would switch to `nobody`, who cannot enter this run's private folder.
        user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
        (prefix / "nginx.conf").write_text(
            user + "daemon off;\nworker_processes 1;\npid nginx.pid;\nerror_log stderr warn;\n"
            "events { worker_connections 256; }\n"
            "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
            "  client_body_temp_path tmp-body; proxy_temp_path tmp-proxy;\n"
            "  fastcgi_temp_path tmp-fastcgi; uwsgi_temp_path tmp-uwsgi; scgi_temp_path tmp-scgi;\n"
            "  include pintu.conf;\n}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self._start("nginx", [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf")])

    # --- processes -------------------------------------------------------------------------------------
    def manage(self, *args: str, env: dict | None = None, input: str | None = None) -> str:
        return self.run([sys.executable, "manage.py", *args], env=env, input=input)

    def run(
        self,
        command: list[str],
        *,
        env: dict | None = None,
        input: str | None = None,
        base_env: dict | None = None,
    ) -> str:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env={**(base_env or self.env), **(env or {})},
            input=input,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def _start(self, name: str, command: list[str], *, env: dict | None = None) -> None:
        (self.root / "logs").mkdir(exist_ok=True)
        with open(self.root / "logs" / f"{name}.log", "ab") as log:
            # Own session: stopping a service stops its children too (gunicorn and Celery fork workers).
            self.processes[name] = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env or {**os.environ},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def _stop(self, name: str, process: subprocess.Popen) -> None:
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def log(self, name: str) -> str:
        return (self.root / "logs" / f"{name}.log").read_text(errors="replace")

    # --- HTTP over TLS through nginx -----------------------------------------------------------------------
    def get(self, path: str, *, headers: dict | None = None, port: str = "https"):
        """A request to nginx on this machine with the public host name, without following redirects."""
        scheme = "https" if port == "https" else "http"
        request = urllib.request.Request(
            f"{scheme}://127.0.0.1:{self.ports[port]}{path}",
            headers={"Host": f"{SERVER_NAME}:{self.ports[port]}", **(headers or {})},
        )
        context = ssl.create_default_context(cafile=str(self.root / "tls" / "fullchain.pem"))
        context.check_hostname = False
        opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect())
        try:
            return opener.open(request, timeout=30)
        except urllib.error.HTTPError as answer:
            return answer

    # --- database ------------------------------------------------------------------------------------------
    def _create_database(self, name: str) -> None:
        with psycopg.connect(ADMIN_POSTGRES, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def _drop_database(self, name: str) -> None:
        if not name:
            return
        with psycopg.connect(ADMIN_POSTGRES, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
