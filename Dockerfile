FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext fonts-dejavu-core fonts-noto-core libpango-1.0-0 \
    libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY . .
# Build-time only values: collectstatic and compilemessages need settings but no real secret or database.
RUN DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    CACHE_URL=locmemcache:// python manage.py collectstatic --noinput \
 && DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    CACHE_URL=locmemcache:// python manage.py compilemessages --ignore=.venv \
 && useradd --system --uid 1000 pintu && mkdir -p /srv/pintu && chown pintu /srv/pintu
USER pintu
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]
