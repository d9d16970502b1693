"""What the benchmarks share: the real site under gunicorn (production settings, plain
HTTP on loopback) on a throw-away database, seeded people, HTTP helpers, and wrk."""

import contextlib
import datetime
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"  # gitignored
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PASSWORD = "bench-passphrase-2026-calm"
SEARCH_WORD = "river"  # in every 10th seeded entry
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VOCABULARY = str.split("""today I felt the distance again and chose to breathe slowly walked
outside wrote a letter I will not send called a friend made tea the light was kind""")


@contextlib.contextmanager
def fresh_site(db, pg_name="twinflame_bench"):
    """Environment for manage.py and gunicorn with a fresh database (migrated, guide and
    static files): SQLite in a temporary directory, or PostgreSQL pg_name recreated."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), LOG_LEVEL="WARNING")
    env.update(ALLOWED_HOSTS="127.0.0.1,localhost", SITE_URL="http://127.0.0.1:8000")
    env.update(ADMIN_REQUIRE_MFA="0")
    env.update(SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0", SECURE_HSTS_SECONDS="0")
    env.update(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
    env.update(ACCOUNT_EMAIL_VERIFICATION="none", DATABASE_URL="")
    if db == "postgres":
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{pg_name}"
        pg_admin(f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)")
        pg_admin(f"CREATE DATABASE {pg_name}")
    with tempfile.TemporaryDirectory(prefix="twinflame-bench-") as tmp:
        env["SQLITE_PATH"] = f"{tmp}/bench.sqlite3"
        for command in ("migrate --no-input -v0", "load_guide", "collectstatic --no-input -v0"):
            command = [sys.executable, "manage.py", *command.split()]
            subprocess.run(command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        yield env


def pg_admin(sql, params=None):
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql, params)


def django_setup(env):
    """Use the benchmark's database from this process too (for seeding and checks)."""
    os.environ.clear()
    os.environ.update(env)
    import django

    django.setup()


@contextlib.contextmanager
def gunicorn(env, workers):
    """The site under gunicorn's sync workers on a free port; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", str(workers)]
    command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60"]
    base, proc = f"http://127.0.0.1:{port}", subprocess.Popen(command, env=env, cwd=ROOT)
    try:
        deadline, up = time.monotonic() + 30, False
        while not up and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            with contextlib.suppress(OSError):  # not listening yet
                up = bool(fetch(base + "/healthz"))
        if not up:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
        proc.kill()  # if it is still there


def entry_body(n):
    words = [VOCABULARY[(n * 7 + i * 3) % len(VOCABULARY)] for i in range(60)]
    return " ".join(words[:20] + [SEARCH_WORD] * (n % 10 == 0) + words[20:]).capitalize() + "."


def seed(people):
    """Onboarded people {name: (journal entries, days of history)}, seeded in bulk;
    returns {name: email}. Entries are two a day, or one a day with history; a day of
    history is a check-in and a practice ticked."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from guide.models import Practice, Stage
    from journal.models import CheckIn, Entry, Journey, PracticeTick, Tag, Transition

    stages, today, now = list(Stage.objects.published()), timezone.localdate(), timezone.now()
    day, first, Tagged = datetime.timedelta(days=1), stages[0], Entry.tags.through
    practices = list(Practice.objects.filter(stage=first)) or list(Practice.objects.all())
    for name, (n_entries, n_days) in people.items():
        user = get_user_model().objects.create_user(name, f"{name}@example.com", PASSWORD)
        journey = Journey.objects.create(owner=user, role="runner", stage=first)
        tags = Tag.objects.bulk_create(Tag(owner=user, name=t) for t in ("calm", "hard", "tea"))
        entries = Entry.objects.bulk_create(
            Entry(
                owner=user,
                title=f"Day {i}" if i % 3 else "",
                body=entry_body(i),
                stage=first,
                mood=1 + i % 5,
                entry_date=today - day * (i if n_days else i // 2),
                created_at=now - i * day / 2,
            )
            for i in range(n_entries or n_days)
        )
        Tagged.objects.bulk_create(
            Tagged(entry=entry, tag=tags[i % 3]) for i, entry in enumerate(entries[::2])
        )
        CheckIn.objects.bulk_create(
            CheckIn(owner=user, day=today - i * day, mood=1 + i * 3 % 5) for i in range(n_days)
        )
        PracticeTick.objects.bulk_create(  # the newest tick of each practice is still done
            PracticeTick(
                owner=user,
                practice=practices[i % len(practices)],
                done_on=today - i * day,
                undone_on=None if i < len(practices) else today - (i - 1) * day,
            )
            for i in range(n_days)
        )
        if moves := (n_days + 49) // 50:  # to the next stage every 50 days, from n_days ago
            Transition.objects.bulk_create(
                Transition(
                    owner=user,
                    from_stage=stages[(k - 1) % len(stages)] if k else None,
                    to_stage=stages[k % len(stages)],
                    created_at=now - (n_days - 50 * k) * day,
                )
                for k in range(moves)
            )
            Journey.objects.filter(pk=journey.pk).update(stage=stages[(moves - 1) % len(stages)])
    return {name: f"{name}@example.com" for name in people}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as 3xx responses instead of being followed."""

    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None, data=None, jar=None):
    """(status, headers, body bytes) with no redirect followed and HTTP errors returned;
    data (a dict) makes it a form POST, jar keeps cookies. No answer raises OSError."""
    handlers = [NoRedirect()] + [urllib.request.HTTPCookieProcessor(jar)] * (jar is not None)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, body, {"Referer": url, **(headers or {})})
    try:
        response = urllib.request.build_opener(*handlers).open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read()


def sign_in(base, email, password=PASSWORD):
    """Sign in through allauth's form; returns the Cookie header value."""
    jar, url = http.cookiejar.CookieJar(), base + "/accounts/login/"
    token = TOKEN.search(fetch(url, jar=jar)[2].decode()).group(1)
    form = {"csrfmiddlewaretoken": token, "login": email, "password": password}
    if (status := fetch(url, data=form, jar=jar)[0]) != 302:
        raise RuntimeError(f"signing in {email} gave HTTP {status}")
    # Land on the page after signing in, as a browser does: it shows the "signed in"
    # message and clears its cookie, which would otherwise ride on every request.
    fetch(base + "/", jar=jar)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def wrk(url, seconds, connections, script, threads=2, args=(), headers=None):
    """wrk's output for `seconds` of load with a Lua script and its arguments. Installs the
    Debian package with apt-get when it is missing (as root), else exits saying so."""
    if not shutil.which("wrk") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing the Debian package with apt-get ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-yq", "wrk"], env=env, capture_output=True)
    if not shutil.which("wrk"):
        sys.exit("The benchmarks need wrk for load: install it (`apt-get install wrk`).")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
    command += [f"-H{name}: {value}" for name, value in (headers or {}).items()]
    command += ["--timeout", "30s", "-s", script, url, "--", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode:
        raise RuntimeError(f"wrk failed on {url}:\n{done.stdout}{done.stderr}")
    return done.stdout


def measure(url, seconds, connections, headers=None):
    """GET url under load: {"rps", "p50_ms", "p95_ms", "requests", "errors"}; an error is
    a socket error, a timeout or an HTTP status >= 400."""
    output = wrk(url, seconds, connections, ROOT / "bench" / "wrk_summary.lua", headers=headers)
    line = next((x for x in output.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result for {url}:\n{output}")
    row = json.loads(line.removeprefix("WRKJSON "))
    return row | {"rps": row["requests"] / row.pop("seconds")}


def fault_cli(run, doc):
    """The fault scripts' command line: `run(db)` on each database asked for, one JSON
    report, exit 1 unless every phase was ok."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    reports = [run(db) for db in databases]
    print(json.dumps(reports, indent=2))
    return 0 if all(report["ok"] for report in reports) else 1
