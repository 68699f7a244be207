# Pintu's image: the same for web, workers and beat (docker-compose.yml); `make test-production` runs the
# same commands natively on Debian bookworm, the image's base.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext fonts-dejavu-core fonts-noto-core libpango-1.0-0 \
    libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils postgresql-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The hashed lock file: the image installs exactly what CI tested.
COPY requirements.txt ./
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
COPY . .
# Build-time placeholders only: collectstatic and compilemessages read settings but open no database,
# broker or key. The real values come from the environment when a container starts.
RUN export DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
      CACHE_URL=locmemcache:// CELERY_BROKER_URL=redis://build-only PINTU_SITE_URL=https://build.invalid \
      PINTU_SEAL_PKCS12_PATH=/dev/null PINTU_SEAL_PASSPHRASE_FILE=/dev/null PINTU_STATIC_ROOT=/app/staticfiles \
 && python manage.py collectstatic --noinput -v0 \
 && python manage.py compilemessages --ignore=.venv -v0 \
 && useradd --system --uid 1000 --home-dir /srv/pintu pintu \
 && mkdir -p /srv/pintu/private /srv/pintu/public /srv/pintu/keys && chown -R pintu /srv/pintu
USER pintu
ENV PINTU_STATIC_ROOT=/app/staticfiles
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/sehat/', timeout=4)"]
CMD ["gunicorn", "--config", "config/deploy/gunicorn.py", "config.wsgi:application"]
