"""Two gunicorn instances sharing PostgreSQL and Redis act as one site.

Runs where the suite runs on PostgreSQL and Redis answers (CI's second run).
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import unavailable
from tests.factories import PASSWORD

REDIS = "redis://127.0.0.1:6379/0"
pytestmark = pytest.mark.django_db(transaction=True)


def redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


# The SQLite pass leaves these to the PostgreSQL pass; there, a missing Redis is a
# skip on a developer's machine and a failure in CI (.ci/run starts one).
needs_pg_and_redis = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass (DATABASE_URL)"
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def instances():
    if not redis_up():
        unavailable("no Redis answers on 127.0.0.1:6379 (.ci/run starts one)")
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": REDIS,
        "CACHE_PREFIX": f"two-instances-{uuid.uuid4().hex}",
        "SECRET_KEY": "two-instances-shared-secret-" + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "site.test",
        "DEBUG": "0",
    }
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    ping = urllib.request.Request(
                        f"http://127.0.0.1:{port}/healthz", headers=Browser.headers
                    )
                    urllib.request.urlopen(ping, timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail(f"gunicorn on port {port} did not answer /healthz")
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)


class Browser:
    """One person's browser behind a load balancer: one cookie jar, one Host name,
    whichever instance answers."""

    headers = {"Host": "site.test"}

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def get(self, url):
        return self.open(urllib.request.Request(url, headers=self.headers))

    def post(self, url, data):
        html = self.get(url)[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        headers = {**self.headers, "Referer": url}
        return self.open(urllib.request.Request(url, data=body, headers=headers))

    def open(self, request):
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@needs_pg_and_redis
def test_a_session_made_on_one_instance_is_valid_on_the_other(instances, owner):
    first, second = instances
    browser = Browser()
    status, _ = browser.post(
        f"{first}/accounts/login/", {"login": owner.email, "password": PASSWORD}
    )
    assert status == 302
    status, html = browser.get(f"{second}/journal/settings/")
    assert status == 200
    assert "Your time zone" in html


@needs_pg_and_redis
def test_failed_sign_ins_count_across_both_instances(instances, owner):
    first, second = instances
    browser = Browser()
    for attempt in range(5):
        url = (first, second)[attempt % 2]
        status, html = browser.post(
            f"{url}/accounts/login/", {"login": owner.email, "password": "wrong"}
        )
        assert "Too many failed login attempts" not in html
    # The sixth try, on either instance, is refused even with the right password.
    status, html = browser.post(
        f"{first}/accounts/login/", {"login": owner.email, "password": PASSWORD}
    )
    assert "Too many failed login attempts" in html
    status, html = browser.post(
        f"{second}/accounts/login/", {"login": owner.email, "password": PASSWORD}
    )
    assert "Too many failed login attempts" in html
