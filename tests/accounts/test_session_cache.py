"""Without Redis, sessions are cached in Django's database cache (the choice is checked in
tests/test_settings_env.py): shared by every process, so signing out anywhere ends the
session everywhere, and read with one plain SELECT instead of the ORM."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_sessions(settings):
    # The test overlay keeps sessions in local memory (browser tests share one process).
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"
    caches["sessions"].clear()


def test_a_signed_in_request_reads_its_session_from_the_cache_table(
    client, owner, production_sessions
):
    client.force_login(owner)
    client.get("/ping")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/journal/").status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "session_cache" in sql
    assert "django_session" not in sql


def test_a_session_ended_elsewhere_is_over_here_too(client, owner, production_sessions):
    client.force_login(owner)
    assert client.get("/journal/").status_code == 200
    # Another process (another worker, the sessions page on another device) ends it.
    SessionStore(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).delete()
    response = client.get("/journal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
