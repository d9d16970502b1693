"""Start the real site under gunicorn on a throw-away database, for benchmarks.

Production settings (DEBUG off, hashed and compressed static files), except that
it speaks plain HTTP on loopback.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def site_env(db, workdir):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1:8000",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ADMIN_REQUIRE_MFA": "0",
        "ACCOUNT_EMAIL_VERIFICATION": "none",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    if db == "sqlite":
        env["SQLITE_PATH"] = str(Path(workdir) / "bench.sqlite3")
    else:
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/twinflame_bench"
    return env


def prepare_database(db, env):
    if db == "postgres":
        import psycopg

        with psycopg.connect(
            PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
        ) as conn:
            conn.execute("DROP DATABASE IF EXISTS twinflame_bench WITH (FORCE)")
            conn.execute("CREATE DATABASE twinflame_bench")
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_guide"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(manage + command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def django_setup(env):
    """Use the benchmark's database from this process too (for seeding and checks)."""
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


@contextlib.contextmanager
def gunicorn(env, port, workers, threads=1):
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "config.wsgi",
            "-w", str(workers), "--threads", str(threads),
            "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "60",
        ],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def workdir():
    with tempfile.TemporaryDirectory(prefix="twinflame-bench-") as path:
        yield path
