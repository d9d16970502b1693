"""Production settings cannot be weakened by accident: no test flag, no silent typo, no
missing site address; and the README lists every variable the settings read."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "PATH": "",
    "SECRET_KEY": "p" * 60,
    "ALLOWED_HOSTS": "example.org",
    "SITE_URL": "https://example.org",
}


def load_settings(env, expression):
    """Import the real settings in a fresh interpreter with only `env`."""
    code = f"import config.settings as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT
    )


def test_a_testing_flag_in_the_environment_weakens_nothing():
    env = {**PRODUCTION, "TESTING": "1"}
    expression = (
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS, s.ADMIN_REQUIRE_MFA, s.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN"
    )
    result = load_settings(env, expression)
    assert result.stdout.strip() == "True True True 31536000 True False", result.stderr


def test_a_testing_flag_does_not_stand_in_for_a_secret_key():
    env = {**PRODUCTION, "TESTING": "1"}
    del env["SECRET_KEY"]
    result = load_settings(env, "s.SECRET_KEY")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_settings_source_reads_no_test_flag():
    source = (ROOT / "config" / "settings.py").read_text()
    assert "TESTING" not in source


@pytest.mark.parametrize("value", ["ture", "2", "maybe", "nope"])
def test_a_yes_no_typo_stops_the_start_up_naming_the_variable(value):
    result = load_settings({**PRODUCTION, "DEBUG": value}, "s.DEBUG")
    assert result.returncode != 0
    assert f"DEBUG={value!r} is not a yes/no value" in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("TRUE", True), (" yes ", True), ("on", True), ("0", False), ("off", False),
     ("False", False), ("no", False), ("", False)],
)  # fmt: skip
def test_yes_no_words_are_read_in_any_case(value, expected):
    result = load_settings({**PRODUCTION, "SECURE_COOKIES": "1", "DEBUG": value}, "s.DEBUG")
    assert result.stdout.strip() == str(expected), result.stderr


def test_a_number_that_is_not_one_stops_the_start_up():
    result = load_settings({**PRODUCTION, "SECURE_HSTS_SECONDS": "1y"}, "s.SECURE_HSTS_SECONDS")
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS='1y' is not a whole number" in result.stderr


def test_production_refuses_to_start_without_the_site_address():
    env = {key: value for key, value in PRODUCTION.items() if key != "SITE_URL"}
    result = load_settings(env, "s.SITE_URL")
    assert result.returncode != 0
    assert "SITE_URL must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize("value", ["example.org", "https://example.org/guide", "ftp://x.org"])
def test_a_site_address_that_is_not_an_origin_is_refused(value):
    result = load_settings({**PRODUCTION, "SITE_URL": value}, "s.SITE_URL")
    assert result.returncode != 0
    assert "must be the site's origin" in result.stderr


def test_the_site_address_loses_its_trailing_slash():
    result = load_settings({**PRODUCTION, "SITE_URL": "https://example.org/"}, "s.SITE_URL")
    assert result.stdout.strip() == "https://example.org"


def test_development_gets_a_local_site_address_without_setting_one():
    result = load_settings({"PATH": "", "DEBUG": "1"}, "s.SITE_URL")
    assert result.stdout.strip() == "http://127.0.0.1:8000", result.stderr


def test_the_readme_settings_table_lists_every_variable_the_settings_read():
    source = (ROOT / "config" / "settings.py").read_text()
    read = set(re.findall(r'(?:environ\.get|env\w*)\(\s*"([A-Z_]+)"', source))
    assert {"SITE_URL", "ADMIN_REQUIRE_MFA", "SECURE_COOKIES", "CACHE_PREFIX"} <= read
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Settings") : readme.index("\n## ", readme.index("## Settings"))]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    listed = set(re.findall(r"`([A-Z][A-Z_]+)`", " ".join(first_cells)))
    assert read - listed == set(), "missing from the README's settings table"
    assert listed - read == set(), "in the README's table but never read"


def test_the_readme_says_how_to_make_an_editor():
    readme = (ROOT / "README.md").read_text()
    assert "manage.py make_editor" in readme


def test_without_redis_sessions_are_cached_in_the_database_cache_every_process_shares():
    # A per-process cache would keep a signed-out session alive in the other workers.
    expression = "s.SESSION_ENGINE, s.SESSION_CACHE_ALIAS, s.CACHES['sessions']['BACKEND']"
    result = load_settings(PRODUCTION, expression)
    assert result.stdout.split() == [
        "django.contrib.sessions.backends.cached_db",
        "sessions",
        "django.core.cache.backends.db.DatabaseCache",
    ], result.stderr


def test_with_a_shared_cache_sessions_are_cached_there():
    env = {**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:6379/0"}
    result = load_settings(env, "s.SESSION_ENGINE, s.SESSION_CACHE_ALIAS, 'sessions' in s.CACHES")
    assert result.stdout.split() == [
        "django.contrib.sessions.backends.cached_db",
        "default",
        "False",
    ], result.stderr
