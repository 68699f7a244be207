"""A cache outage is not an outage: Django's Redis cache, made to fail soft.

Pintu's cache holds only rate-limit counters (django-ratelimit, allauth) and short-lived markers; sessions
and lockouts live in the database. So when Redis cannot be reached, every cache operation logs one warning
(no traceback) and answers as if the cache were empty, and the page goes on. Rate limits then fail open:
django-ratelimit and allauth count nothing they cannot store.

`add()` is the one answer that needs care. It reports True ("stored") on failure, because its callers use it
to take a lock or to claim "first time": allauth's rate-limit lock would otherwise spin for a second and then
refuse the sign-in with a 429, and a "send this e-mail once" marker would silently drop the e-mail.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# A dead Redis must cost milliseconds, not the operating system's connect timeout. redis-py does not retry
# on a connection of the pool that Django builds, so one failed operation costs at most one of these.
# Options given in CACHE_URL (`?socket_timeout=1`) win.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}


def fail_soft_cache_config(config: dict) -> dict:
    """`config` is one entry of CACHES as django-environ builds it from CACHE_URL: a Redis one (redis://,
    rediss://, rediscache://) gets the fail-soft backend, any other is returned as it is."""
    if config.get("BACKEND") != "django.core.cache.backends.redis.RedisCache":
        return config
    return {**config, "BACKEND": "config.fail_soft_cache.FailSoftRedisCache"}


class FailSoftRedisCache(RedisCache):
    """Every operation that fails with a Redis error logs a warning and returns what an empty cache
    would (`add()`: True, see the module's docstring). Other errors, such as `incr()` of a missing key
    (ValueError), are raised as Django's backend raises them."""

    def __init__(self, server, params):
        super().__init__(server, {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}})

    def _fail_soft(self, operation: str, fallback, call, *args):
        try:
            return call(*args)
        except RedisError as error:
            # The key is not logged: rate-limit keys carry addresses and sign-in names.
            logger.warning("Cache %s failed, going on without the cache: %s", operation, error)
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft("add", True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._fail_soft("get", default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft("set", None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._fail_soft("delete", False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._fail_soft("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._fail_soft("has_key", False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        return self._fail_soft("incr", None, super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._fail_soft("set_many", list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._fail_soft("delete_many", None, super().delete_many, keys, version)

    def clear(self):
        return self._fail_soft("clear", False, super().clear)
