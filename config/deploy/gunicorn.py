"""gunicorn's settings for Pintu, used by the image (docker-compose.yml) and by `make test-production` alike.
Addresses and sizes come from the environment; the defaults suit one 2-core host."""

import os

bind = os.environ.get("PINTU_BIND", "0.0.0.0:8000")  # noqa: S104 — inside the container, behind nginx
workers = int(os.environ.get("PINTU_WEB_WORKERS", "3"))
# Signing an SK (certification in the request) takes a few seconds; 60 s leaves room without hiding hangs.
timeout = int(os.environ.get("PINTU_WEB_TIMEOUT", "60"))
graceful_timeout = 30
# nginx is the only client; it sets X-Forwarded-Proto, which Django trusts (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("PINTU_FORWARDED_ALLOW_IPS", "*")
accesslog = "-"
errorlog = "-"
# Workers are recycled now and then so that a slow leak in a PDF library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
