# Pintu — the two commands: `make run` (set up and serve the embedded default) and `make test` (whole suite).
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= $(shell command -v python3.11 || command -v python3)
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages: WeasyPrint's Pango stack and fonts, gettext for translations, poppler for PDF checks.
APT_RUNTIME := gettext fonts-dejavu-core fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
# Browser tests drive Debian's Chromium; zbar decodes QR codes in PDFs.
APT_TEST := chromium zbar-tools
# The production run: nginx terminates TLS (openssl makes its throwaway certificate), its own Redis,
# pg_dump/pg_restore for the backup commands.
APT_PRODUCTION := nginx-light openssl redis-server postgresql-client
SERVICES_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/pintu
SERVICES_BROKER_URL ?= redis://127.0.0.1:6379/0
SERVICES_CACHE_URL ?= rediscache://127.0.0.1:6379/1

.PHONY: help run setup deps deps-test apt-runtime apt-test apt-production messages test test-services \
	test-production lint lock demo-reset

help:
	@echo "make run            set up everything and serve Pintu at http://$(HOST):$(PORT) (SQLite, demo data)"
	@echo "make test           run the whole test suite (and makemigrations --check)"
	@echo "make test-services  run the suite against the real PostgreSQL, Redis and a Celery worker"
	@echo "make test-production  run the production configuration (nginx+TLS, gunicorn, PostgreSQL, Redis,"
	@echo "                     Celery workers and beat, SMTP) and drive an application through it"
	@echo "make lint           ruff check, ruff format --check and the import contracts (import-linter)"
	@echo "make lock           recompute the hashed lock files from pyproject.toml"

define apt_ensure
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

apt-runtime:
	$(call apt_ensure,$(APT_RUNTIME))

apt-test:
	$(call apt_ensure,$(APT_TEST))

apt-production:
	$(call apt_ensure,$(APT_PRODUCTION))

# Installs exactly the hashed lock file (requirements-dev.txt: runtime + test tools; the image installs
# requirements.txt, the runtime alone). `make lock` recomputes both from pyproject.toml.
$(VENV)/.installed: requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Pintu needs Python 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements-dev.txt
	@touch $@

lock: deps
	$(VENV)/bin/uv pip compile -q --generate-hashes --python-version 3.11 --universal pyproject.toml -o requirements.txt
	$(VENV)/bin/uv pip compile -q --generate-hashes --python-version 3.11 --universal --extra dev pyproject.toml \
	  -o requirements-dev.txt

deps: apt-runtime $(VENV)/.installed

deps-test: deps apt-test

messages: deps
	@$(PY) manage.py compilemessages --ignore=.venv -v0

setup: deps messages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py pintu_seed
	$(PY) manage.py pintu_demo

run: setup
	@echo "Pintu: http://$(HOST):$(PORT)/  (akun demo: lihat README; kata sandi pintu-demo-2026)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: deps-test messages
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(PY) -m pytest $(PYTEST_ARGS)

test-services: deps messages apt-production
	DATABASE_URL=$(SERVICES_DATABASE_URL) CELERY_BROKER_URL=$(SERVICES_BROKER_URL) CACHE_URL=$(SERVICES_CACHE_URL) \
	  PINTU_REQUIRE_SERVICES=1 \
	  $(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

# The production configuration natively, as docker-compose.yml runs it (tests/production/stack.py).
test-production: deps-test messages apt-production
	PINTU_PRODUCTION_RUN=1 $(PY) -m pytest tests/production -s $(PYTEST_ARGS)

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
