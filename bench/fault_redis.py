"""The shared cache (Redis) goes away under a running site, then comes back.

    uv run python bench/fault_redis.py [--db sqlite|postgres|both]

Starts its own redis-server (never the one other programs use) and gunicorn (production
settings, 2 workers, REDIS_URL pointing at that server) on a throw-away database, then:

- before: every page answers, guide pages and sessions are cached in Redis;
- Redis stopped: no 5xx on visitor and signed-in pages, /healthz 200 saying
  {"database": "up", "cache": "down"}, signing in, writing an entry and signing out work,
  and failed sign-ins are still limited (counted per process);
- Redis started again (empty): /healthz says the cache is up and guide pages and
  sessions are cached in Redis again, without restarting the site.

Each phase gives up after 30 s. Prints a JSON report; exits non-zero if a phase failed.
"""

import contextlib
import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

if not __package__:  # run as a file (python bench/fault_redis.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402

PASSWORD = harness.PASSWORD
EMAIL = "fault@example.com"
PROBE = "someone-else@example.com"  # an address guessed at, for the rate limit
CACHE_PREFIX = "faultredis"
VISITOR_PAGES = [
    "/",
    "/guide/",
    "/guide/stages/separation/",
    "/guide/search/?q=runner",
    "/help/",
    "/robots.txt",
    "/sitemap.xml",
    "/accounts/login/",
    "/accounts/signup/",
]
SIGNED_IN_PAGES = [
    "/",
    "/guide/",
    "/journal/",
    "/journal/new/",
    "/journal/settings/",
    "/journal/data/",
    "/journey/",
    "/journey/history/",
]
PHASE_SECONDS = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private redis-server on `port` (no persistence) that can be stopped and started."""

    def __init__(self, port):
        self.port, self.proc = port, None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self):
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--loglevel", "warning"]
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not self.answers():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def answers(self):
        try:
            return self.client().ping()
        except OSError:
            return False
        except Exception:  # redis.exceptions.ConnectionError
            return False

    def client(self):
        import redis

        return redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=1)

    def keys(self, pattern):
        return [key.decode() for key in self.client().scan_iter(match=pattern)]


@contextlib.contextmanager
def redis_server(port=None):
    server = RedisServer(port or free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


# --- A browser without a browser ---------------------------------------------


class Visitor:
    """One person's cookie jar; answers are (status, body text), redirects not followed."""

    def __init__(self, base):
        self.base, self.jar = base, http.cookiejar.CookieJar()

    def request(self, path, data=None):
        status, _, body = harness.fetch(self.base + path, data=data, jar=self.jar)
        return status, body.decode(errors="replace")

    def post_form(self, path, data):
        token = harness.TOKEN.search(self.request(path)[1])
        return self.request(path, {"csrfmiddlewaretoken": token.group(1) if token else ""} | data)

    def sign_in(self, email=EMAIL, password=PASSWORD):
        return self.post_form("/accounts/login/", {"login": email, "password": password})[0]

    @property
    def session_key(self):
        return next((c.value for c in self.jar if c.name == "sessionid"), None)


def statuses(visitor, paths):
    return {path: visitor.request(path)[0] for path in paths}


def healthz(base):
    status, body = Visitor(base).request("/healthz")
    return status, json.loads(body) if body.startswith("{") else body[:80]


def wait_until(check):
    """check() -> (done, seen); repeats until done or the phase times out."""
    deadline = time.monotonic() + PHASE_SECONDS
    while True:
        done, seen = check()
        if done or time.monotonic() > deadline:
            return done, seen
        time.sleep(0.5)


def cached_in_redis(redis, base, visitor):
    """Guide pages and this visitor's session are in Redis (after a guide visit)."""
    Visitor(base).request("/guide/")
    visitor.request("/journal/")
    pages = redis.keys(f"{CACHE_PREFIX}:*guide:page:*")
    sessions = redis.keys(f"{CACHE_PREFIX}:*{visitor.session_key}")
    return {"guide_pages": len(pages), "session": len(sessions)}


# --- The run -------------------------------------------------------------------


def create_person(env):
    code = (
        "from django.contrib.auth import get_user_model;"
        "from guide.models import Stage;"
        "from journal.models import Journey;"
        f"user = get_user_model().objects.create_user('fault', '{EMAIL}', '{PASSWORD}');"
        "Journey.start(user, 'not_sure', Stage.objects.published().first())"
    )
    manage = [sys.executable, "manage.py", "shell", "-c", code]
    subprocess.run(manage, env=env, check=True, cwd=harness.ROOT, stdout=subprocess.DEVNULL)


@contextlib.contextmanager
def site(db):
    """A fresh site (its own database: PostgreSQL's named for this process, so two runs
    never collide) with one person who has begun a journey."""
    pg_name = f"twinflame_fault_redis_{os.getpid()}"
    try:
        with harness.fresh_site(db, pg_name=pg_name) as env:
            create_person(env)
            yield env
    finally:
        if db == "postgres":
            harness.pg_admin(f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)")


def no_server_errors(found):
    return all(status < 500 for status in found.values())


def down_phase(base, person):
    """Everything a visitor and a signed-in person do, with Redis stopped."""
    seen = {"healthz": healthz(base)}
    seen["visitor_pages"] = statuses(Visitor(base), VISITOR_PAGES)
    seen["signed_in_pages"] = statuses(person, SIGNED_IN_PAGES)
    fresh = Visitor(base)
    seen["sign_in"] = fresh.sign_in()
    seen["journal_after_sign_in"] = fresh.request("/journal/")[0]
    entry = {"title": "Written while the cache was away", "body": "Still here.", "mood": "3"}
    seen["write_entry"] = fresh.post_form("/journal/new/", entry)[0]
    seen["sign_out"] = fresh.post_form("/accounts/logout/", {})[0]
    seen["journal_after_sign_out"] = fresh.request("/journal/")[0]
    # Wrong passwords for one address until allauth refuses: never unlimited.
    attempts, limited, prober = 0, False, Visitor(base)
    while attempts < 40 and not limited:
        attempts += 1
        answer = prober.post_form("/accounts/login/", {"login": PROBE, "password": "wrong"})
        limited = answer[0] == 429 or "Too many failed login attempts" in answer[1]
    seen["failed_sign_ins_until_refused"] = attempts if limited else None
    status, body = seen["healthz"]
    seen["ok"] = (
        status == 200
        and body == {"status": "degraded", "database": "up", "cache": "down"}
        and no_server_errors(seen["visitor_pages"])
        and no_server_errors(seen["signed_in_pages"])
        and seen["sign_in"] == 302
        and seen["journal_after_sign_in"] == 200
        and seen["write_entry"] == 302
        and seen["sign_out"] == 302
        and seen["journal_after_sign_out"] == 302
        and limited
    )
    return seen


def run(db):
    report = {"database": db}
    with site(db) as env, redis_server() as redis:
        env.update(REDIS_URL=redis.url, CACHE_PREFIX=CACHE_PREFIX, LOG_LEVEL="CRITICAL")
        with harness.gunicorn(env, 2) as base:
            person = Visitor(base)
            signed_in = person.sign_in()
            before = {"sign_in": signed_in, "healthz": healthz(base)}
            before["visitor_pages"] = statuses(Visitor(base), VISITOR_PAGES)
            before["signed_in_pages"] = statuses(person, SIGNED_IN_PAGES)
            before["cached"] = cached_in_redis(redis, base, person)
            before["ok"] = (
                signed_in == 302
                and before["healthz"][1].get("cache") == "up"
                and all(s == 200 for s in before["visitor_pages"].values())
                and all(s == 200 for s in before["signed_in_pages"].values())
                and all(before["cached"].values())
            )
            report["before"] = before

            redis.stop()
            started = time.monotonic()
            report["redis_down"] = down_phase(base, person)
            report["redis_down"]["seconds"] = round(time.monotonic() - started, 1)

            redis.start()  # empty: no persistence
            started = time.monotonic()
            back = Visitor(base)

            def recovered():
                # Until this worker sees Redis again, its own rate-limit counts still hold.
                if back.session_key is None:
                    back.sign_in()
                state = {"healthz": healthz(base), "cached": cached_in_redis(redis, base, back)}
                done = state["healthz"][1].get("cache") == "up" and all(state["cached"].values())
                return done, state

            ok, after = wait_until(recovered)
            after["pages"] = statuses(person, SIGNED_IN_PAGES)
            after["seconds_to_cache_again"] = round(time.monotonic() - started, 1)
            after["ok"] = ok and after["healthz"][0] == 200 and no_server_errors(after["pages"])
            report["redis_back"] = after
    report["ok"] = all(report[phase]["ok"] for phase in ("before", "redis_down", "redis_back"))
    return report


if __name__ == "__main__":
    sys.exit(harness.fault_cli(run, __doc__))
