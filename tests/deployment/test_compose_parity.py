"""docker-compose.yml cannot run on this machine (no Docker engine); `make test-production` runs its
commands natively. This keeps the two in step: same services, same commands, same variables, same nginx
template, same image command."""

import re
import shlex
from pathlib import Path

import pytest

from tests.production.stack import (
    APP_SERVICES,
    LOCAL_ONLY_VARIABLES,
    NGINX_TEMPLATE,
    ROOT,
    ProductionStack,
    compose,
    env_example_names,
)

SERVICES = compose()["services"]
# Only the worker healthchecks read this: the Celery node name to ping.
HEALTHCHECK_ONLY = {"WORKER_NAME"}


@pytest.fixture(scope="module")
def stack_environment(tmp_path_factory):
    stack = ProductionStack(root=tmp_path_factory.mktemp("parity"))
    stack.ports = {"redis": 1, "web": 2, "https": 3, "http": 4, "smtp": 5}
    return stack, stack.app_environment(database="pintu", private=stack.root / "private")


def test_every_service_built_from_the_image_is_started_by_the_production_run():
    built = {name for name, service in SERVICES.items() if service.get("build")}
    assert built == {"migrate", *APP_SERVICES}
    assert set(SERVICES) == built | {"postgres", "redis", "nginx"}


def test_the_production_run_sets_every_variable_compose_and_env_example_set(stack_environment):
    stack, environment = stack_environment
    compose_names = set()
    for name in ("migrate", *APP_SERVICES):
        compose_names |= set(SERVICES[name].get("environment") or {}) - HEALTHCHECK_ONLY
    expected = compose_names | env_example_names()
    started = {name for name in environment if name.startswith(("DJANGO_", "PINTU_", "CELERY_", "POSTGRES_"))}
    started |= {name for name in ("DATABASE_URL", "CACHE_URL") if name in environment}
    assert expected - started == set(), "set by compose/.env.example but not by the production run"
    assert started - expected - set(LOCAL_ONLY_VARIABLES) == set(), "set only by the production run"


def test_compose_values_that_are_not_addresses_are_the_same(stack_environment):
    _stack, environment = stack_environment
    app = SERVICES["web"]["environment"]
    assert environment["PINTU_PROXY_COUNT"] == app["PINTU_PROXY_COUNT"] == "1"
    assert environment["CACHE_URL"].startswith(app["CACHE_URL"].split("//")[0])
    assert environment["CELERY_BROKER_URL"].rsplit("/", 1)[1] == app["CELERY_BROKER_URL"].rsplit("/", 1)[1]


def test_nginx_uses_the_same_template_and_variables(stack_environment):
    stack, _environment = stack_environment
    nginx = SERVICES["nginx"]
    mounted = [volume.split(":")[0] for volume in nginx["volumes"]]
    assert "./" + str(NGINX_TEMPLATE.relative_to(ROOT)) in mounted
    template_variables = set(re.findall(r"\$\{(\w+)\}", NGINX_TEMPLATE.read_text()))
    assert template_variables == set(nginx["environment"]) == set(stack.nginx_variables())


def test_the_image_runs_the_web_command_and_the_worker_queues_cover_every_route():
    dockerfile = (ROOT / "Dockerfile").read_text()
    image_command = re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1)
    assert eval(image_command) == SERVICES["web"]["command"]  # noqa: S307 — a JSON list from our own file
    from django.conf import settings

    queues = set()
    for name in APP_SERVICES:
        command = SERVICES[name]["command"]
        if "worker" in command:
            queues |= set(command[command.index("--queues") + 1].split(","))
    routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    assert routed <= queues, f"queues without a worker: {routed - queues}"


def test_the_migrate_service_checks_the_deployment_before_migrating():
    command = SERVICES["migrate"]["command"]
    script = shlex.split(command[-1])
    assert script[:4] == ["python", "manage.py", "check", "--deploy"]
    assert "migrate" in script


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".env", ".venv", "var/", ".git"} <= ignored


def test_compose_file_parses_with_the_build_context_here():
    assert Path(ROOT / SERVICES["web"]["build"]).resolve() == ROOT
