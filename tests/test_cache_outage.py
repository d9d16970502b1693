"""The shared cache is an optimisation, not a dependency (config.cache): with Redis away
every page answers, sessions come from the database, sign-in stays rate limited per
process, /healthz says "cache": "down" with a 200, and hits resume when it is back."""

import logging
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

import config.cache
from bench.fault_redis import free_port
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def redis_cache(url):
    # The per-process fragments cache stays as the site has it; only the shared one moves.
    return {
        "fragments": settings.CACHES["fragments"],
        "pages": settings.CACHES["pages"],
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }


@pytest.fixture(autouse=True)
def _no_outage_left_behind(monkeypatch):
    monkeypatch.setattr(config.cache, "_outages", {})


@pytest.fixture
def redis_away(settings):
    """The cache points at a port where nothing listens."""
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{free_port()}/0")


@pytest.fixture
def shared_cache(settings, redis_server):
    settings.CACHES = redis_cache(redis_server.url)
    return redis_server


@pytest.fixture
def guide(db):
    call_command("load_guide", verbosity=0)


# --- The site with Redis away ---------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/guide/", "/guide/stages/separation/", "/help/"])
def test_guide_pages_render_uncached_while_redis_is_away(redis_away, guide, path):
    assert Client().get(path).status_code == 200
    assert Client().get(path).status_code == 200


def test_signing_in_and_the_journal_work_from_the_database(redis_away, owner):
    client = Client()
    response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/journal/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/journal/").status_code == 302


def test_sign_in_is_still_limited_counting_in_this_process(owner, redis_away, caplog):
    # (The person exists before the outage: saving them touches the cache too.)
    client = Client()
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        for _ in range(5):
            client.post("/accounts/login/", {"login": owner.email, "password": "wrong"})
        response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session
    per_process = [r for r in caplog.records if "rate limits count per process" in r.message]
    assert len(per_process) == 1, "said once per process, not once per attempt"
    unreachable = [r for r in caplog.records if "Shared cache unreachable (" in r.message]
    assert len(unreachable) == 1, "said once per outage"


def test_healthz_says_the_cache_is_down_but_stays_200(redis_away, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "up", "cache": "down"}


def test_healthz_is_503_only_for_the_database(redis_away, client, monkeypatch):
    from django.db import connection
    from django.db.utils import OperationalError

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "down"}


# --- With a real Redis that goes and comes back ------------------------------------


def test_a_live_redis_is_used_and_healthz_says_so(shared_cache, client):
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"
    assert any(key.endswith(":greeting") for key in shared_cache.keys("*"))
    assert client.get("/healthz").json()["cache"] == "up"


def test_hits_resume_without_a_restart_when_redis_comes_back(shared_cache, monkeypatch):
    monkeypatch.setattr(config.cache, "RETRY_SECONDS", 0)
    shared_cache.stop()
    cache.set("page", "rendered while away")
    assert cache.get("page") is None
    assert cache.get_many(["page", "other"]) == {}
    assert cache.add("page", "x") is False
    assert cache.delete("page") is False
    with pytest.raises(ValueError):
        cache.incr("counter")

    shared_cache.start()
    cache.set("page", "rendered again")
    assert cache.get("page") == "rendered again"
    assert any(key.endswith(":page") for key in shared_cache.keys("*"))


def test_redis_is_left_alone_for_a_few_seconds_after_a_failure(shared_cache, monkeypatch):
    calls = []
    real_client = cache._cache.get_client

    def unreachable(*args, **kwargs):
        calls.append(1)
        raise RedisConnectionError("connection refused")

    monkeypatch.setattr(cache._cache, "get_client", unreachable)
    for _ in range(20):
        cache.get("anything")
    assert len(calls) == 1
    monkeypatch.setattr(cache._cache, "get_client", real_client)


def test_a_value_changed_while_redis_was_away_is_not_served_stale(shared_cache, monkeypatch):
    # A network cut rather than a restart: Redis keeps what it held.
    monkeypatch.setattr(config.cache, "RETRY_SECONDS", 0)
    cache.set("zone:7", "Europe/Paris")
    cache.set("session:abc", {"user": 7})
    real_client = cache._cache.get_client

    def unreachable(*args, **kwargs):
        raise RedisConnectionError("connection refused")

    monkeypatch.setattr(cache._cache, "get_client", unreachable)
    cache.set("zone:7", "Asia/Tokyo")  # the person changed their time zone meanwhile
    cache.delete("session:abc")  # and signed out
    monkeypatch.setattr(cache._cache, "get_client", real_client)

    assert cache.get("zone:7") is None  # a miss: read again from the database
    assert cache.get("session:abc") is None


def test_rate_limit_counts_while_away_do_not_outlive_the_outage(shared_cache, monkeypatch):
    monkeypatch.setattr(config.cache, "RETRY_SECONDS", 0)
    shared_cache.stop()
    key = "allauth:rl:allauth.account:login_failed:5/300s:abc"
    cache.set(key, [1.0, 2.0], 300)
    assert cache.get(key) == [1.0, 2.0]  # counted in this process meanwhile
    shared_cache.start()
    assert cache.get(key) is None
