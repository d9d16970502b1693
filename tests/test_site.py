"""The site's frame: routes, layout, health check, headers."""

import subprocess
import sys

import pytest
from django.db.utils import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/", "/guide/", "/help/", "/accounts/login/", "/accounts/signup/"]
)
def test_public_pages_answer_for_visitors(client, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/journal/", "/journey/"])
def test_private_areas_send_visitors_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("path", ["/", "/guide/", "/accounts/login/", "/help/"])
def test_every_page_links_to_help_for_visitors(client, path):
    html = client.get(path).content.decode()
    assert 'href="/help/"' in html
    assert "Get help" in html


def test_navigation_shows_signed_out_state(client):
    html = client.get("/").content.decode()
    assert "Sign in" in html and "Sign up" in html
    assert "Sign out" not in html


def test_navigation_shows_signed_in_state(owner_client):
    html = owner_client.get("/guide/").content.decode()
    assert "Sign out" in html and 'href="/journal/"' in html
    assert "Sign in" not in html


def test_layout_has_landmarks_and_skip_link(client):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert '<html lang="en">' in html


def test_pages_have_no_inline_scripts_or_styles(client, owner_client):
    for c, path in [(client, "/"), (client, "/accounts/signup/"), (owner_client, "/journal/")]:
        html = c.get(path).content.decode()
        assert "style=" not in html
        assert "<script>" not in html
        for chunk in html.split("<script")[1:]:
            assert " src=" in chunk.split(">")[0] or 'type="application/json"' in chunk


def test_htmx_is_served_from_static_not_a_cdn(owner_client):
    html = owner_client.get("/journal/").content.decode()
    assert 'src="/static/vendor/htmx.min.js"' in html
    assert "unpkg" not in html and "cdn" not in html.lower()


def test_reading_pages_and_the_doors_in_load_no_htmx(client):
    """Public pages use no htmx: lighter on a phone (the guide's 60 KB budget)."""
    for path in ("/", "/guide/", "/help/", "/accounts/login/", "/accounts/signup/"):
        assert "htmx.min.js" not in client.get(path).content.decode(), path


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up", "cache": "up"}


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from django.db import connection

    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_responses_carry_a_strict_content_security_policy(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "base-uri 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_responses_carry_security_headers(client):
    headers = client.get("/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def _settings_value(env, expression):
    """Import the real settings in a fresh interpreter with the given environment."""
    code = f"import config.settings as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_value({"PATH": "", "DEBUG": "0"}, "s.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup();"
        "from django.db import connection; c=connection.cursor();"
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);"
        "c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0]);"
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    env = {"PATH": "", "DEBUG": "1", "SQLITE_PATH": str(tmp_path / "db.sqlite3")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["wal", "20000", "IMMEDIATE"], result.stderr


def test_database_url_selects_postgresql():
    env = {"PATH": "", "DEBUG": "1", "DATABASE_URL": "postgres://u@db.example:5432/app"}
    result = _settings_value(
        env, "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST']"
    )
    assert result.stdout.strip() == "django.db.backends.postgresql db.example"


def test_redis_url_selects_a_shared_cache():
    env = {"PATH": "", "DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/3"}
    result = _settings_value(env, "s.CACHES['default']['BACKEND']")
    assert result.stdout.strip() == "config.cache.ResilientRedisCache"


def test_ping_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/ping")
    assert response.content == b"ok"


@pytest.mark.parametrize("path", ["/healthz", "/ping"])
def test_health_and_ping_answer_only_reads(client, path):
    assert client.head(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_signed_in_pages_are_never_stored_by_the_browser(owner_client):
    cache_control = owner_client.get("/journal/").headers["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_public_pages_for_visitors_may_be_revalidated_not_forbidden(client):
    assert "no-store" not in client.get("/guide/").headers.get("Cache-Control", "")
