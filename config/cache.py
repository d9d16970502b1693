"""The shared cache (Redis) is an optimisation, never a dependency.

Django's RedisCache raises when Redis cannot be reached, and every page that touches the
cache (cached guide pages, sessions' cache, rate limits, the time-zone cache) becomes a
500. This is Django's backend with one rule on top: while Redis is away the site carries
on without it.

- Reads miss and writes are dropped, so pages render uncached and sessions come from
  the database (sessions are `cached_db`).
- Rate limits (allauth's counters) count in this process's memory instead, so sign-in
  is never unlimited; a warning says so once per process.
- Every key written or deleted while Redis was away is deleted from Redis when it comes
  back, so nothing stale survives the outage (a session signed out meanwhile stays out).
- After a failure, Redis is left alone for RETRY_SECONDS, so an outage costs one failed
  connection per process every few seconds rather than one per cache call; the first
  call after that tries again, and hits resume without a restart.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 5
RATE_LIMIT_PREFIX = "allauth:rl:"  # allauth's rate-limit counters and their locks
MAX_MISSED_KEYS = 50_000


class Outage:
    """What one process knows about its Redis server being away (shared by its threads)."""

    def __init__(self, name):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0
        self.missed = set()  # made keys written or deleted meanwhile: stale in Redis
        self.overflowed = False
        self.local = LocMemCache(f"while-{name}-is-away", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
        self.warned_rate_limits = False

    def failed(self, error):
        with self.lock:
            if not self.down:
                logger.warning(
                    "Shared cache unreachable (%s): carrying on without it.", type(error).__name__
                )
            self.down, self.retry_at = True, time.monotonic() + RETRY_SECONDS

    def remember(self, made_keys):
        with self.lock:
            if len(self.missed) + len(made_keys) > MAX_MISSED_KEYS:
                self.overflowed = True
            else:
                self.missed.update(made_keys)

    def recovered(self, client):
        """Back up: delete what was written or deleted meanwhile, then use Redis again.
        False if Redis went away again while doing so."""
        with self.lock:
            if not self.down:
                return True
            missed, overflowed = list(self.missed), self.overflowed
            try:
                client.get_client(write=True).ping()
                if missed:
                    client.delete_many(missed)
            except UNREACHABLE:
                self.retry_at = time.monotonic() + RETRY_SECONDS
                return False
            self.down, self.missed, self.overflowed = False, set(), False
            self.local.clear()
        logger.warning("Shared cache reachable again; %d stale keys deleted.", len(missed))
        if overflowed:
            logger.error(
                "More than %d keys changed while the shared cache was away; some stale "
                "entries stay until they expire.",
                MAX_MISSED_KEYS,
            )
        return True

    def rate_limits_local(self):
        if not self.warned_rate_limits:
            self.warned_rate_limits = True
            logger.warning(
                "Shared cache unreachable: rate limits count per process until it returns."
            )
        return self.local


_outages = {}
_outages_lock = threading.Lock()


def outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, Outage(location))


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that treats an unreachable Redis as an empty cache."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.outage = outage_for(str(server))

    def ping(self):
        """True when Redis answers now (for /healthz); never raises."""
        if self.outage.down:
            return self.outage.recovered(self._cache)
        try:
            self._cache.get_client().ping()
        except UNREACHABLE as error:
            self.outage.failed(error)
            return False
        return True

    def _redis_usable(self):
        outage = self.outage
        if not outage.down:
            return True
        if time.monotonic() < outage.retry_at:
            return False
        return outage.recovered(self._cache)

    def _guarded(self, keys, call, fallback, writes=False, version=None):
        """call() against Redis; while it is away, fallback(store) where store is this
        process's memory for rate-limit keys and None for the rest."""
        if self._redis_usable():
            try:
                return call()
            except UNREACHABLE as error:
                self.outage.failed(error)
        if writes:
            self.outage.remember([self.make_and_validate_key(key, version) for key in keys])
        if keys and all(str(key).startswith(RATE_LIMIT_PREFIX) for key in keys):
            return fallback(self.outage.rate_limits_local())
        return fallback(None)

    # Each operation: Redis, or (while it is away) the local store or a plain miss.

    def get(self, key, default=None, version=None):
        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).get(key, default, version),
            lambda local: local.get(key, default, version) if local else default,
        )

    def get_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded(
            keys,
            lambda: super(ResilientRedisCache, self).get_many(keys, version),
            lambda local: local.get_many(keys, version) if local else {},
        )

    def has_key(self, key, version=None):
        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).has_key(key, version),
            lambda local: local.has_key(key, version) if local else False,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda local: local.add(key, value, timeout, version) if local else False,
            writes=True,
            version=version,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            lambda local: local.set(key, value, timeout, version) if local else None,
            writes=True,
            version=version,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            list(data),
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            lambda local: local.set_many(data, timeout, version) if local else list(data),
            writes=True,
            version=version,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
            lambda local: local.touch(key, timeout, version) if local else False,
            writes=True,
            version=version,
        )

    def delete(self, key, version=None):
        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).delete(key, version),
            lambda local: local.delete(key, version) if local else False,
            writes=True,
            version=version,
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._guarded(
            keys,
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            lambda local: local.delete_many(keys, version) if local else None,
            writes=True,
            version=version,
        )

    def incr(self, key, delta=1, version=None):
        def missing(local):
            if local:
                return local.incr(key, delta, version)
            raise ValueError(f"Key '{key}' not found.")

        return self._guarded(
            [key],
            lambda: super(ResilientRedisCache, self).incr(key, delta, version),
            missing,
            writes=True,
            version=version,
        )

    def clear(self):
        return self._guarded(
            [],
            lambda: super(ResilientRedisCache, self).clear(),
            lambda local: self.outage.local.clear(),
        )
