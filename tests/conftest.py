import os
import shutil

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HAVE_CHROMIUM = bool(shutil.which(CHROMIUM))
IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason):
    """A test whose server or tool is missing: skipped on a developer's machine, a
    failure under CI=true, where everything a test needs must be there."""
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def redis_server():
    """A private redis-server (never the shared one) that a test may stop and start."""
    from bench.fault_redis import RedisServer, free_port

    if not shutil.which("redis-server"):
        unavailable("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    if HAVE_CHROMIUM:
        return
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if IN_CI and browser_items:
        raise pytest.UsageError(
            f"CI=true but no Chromium at {CHROMIUM}: browser tests must run in CI."
        )
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: `apt-get install chromium` to run browser tests"
    )
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


# --- Personas --------------------------------------------------------------


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.com")


@pytest.fixture
def other_user(db):
    return UserFactory(email="other@example.com")


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture
def other_client(client, other_user):
    client.force_login(other_user)
    return client


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits, cached pages and fragments live in caches: start every test clean."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    # The database cache lives in the test database, which each test rolls back.
    for cache in caches.all(initialized_only=False):
        if not isinstance(cache, DatabaseCache):
            cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        if not isinstance(cache, DatabaseCache):
            cache.clear()


@pytest.fixture
def render_every_time(settings):
    """No kept whole pages: for tests that count what rendering a page costs."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
