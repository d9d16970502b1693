"""The database goes away under a running site, then comes back.

    uv run python bench/fault_db.py [--db sqlite|postgres|both] [--port N]

Starts gunicorn (production settings, 2 workers) on a throw-away database and checks:
before the fault the site and /healthz answer 200; while the database is gone every
page that reads it is the calm 503 page and /healthz answers 503 {"database": "down"};
once it is back, both answer 200 again without a restart. Each phase gives up after 30 s.

A fault is a context manager per dependency in FAULTS: the dependency is gone inside it.
"""

import argparse
import contextlib
import json
import shutil
import sys
import time
from pathlib import Path

if not __package__:  # run as a file (python bench/fault_db.py): import it as the package
    sys.path[0] = str(Path(__file__).resolve().parents[1])
from bench import harness  # noqa: E402

PG_DATABASE = "twinflame_fault"  # its own: the benchmarks recreate theirs when they start
# Pages that read the database; the support page is also served from the page cache
# and the sign-in form needs no database to show, so those may stay 200 in an outage.
DB_PAGES = ["/", "/guide/", "/guide/search/?q=runner"]
OTHER_PAGES = ["/help/", "/accounts/login/"]
PHASE_SECONDS = 30


@contextlib.contextmanager
def sqlite_down(env):
    """The database file moved aside and a directory in its place: SQLite cannot open it
    (and cannot quietly create an empty database there)."""
    path = Path(env["SQLITE_PATH"])
    aside = path.with_name("aside")
    aside.mkdir()
    for file in [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]:
        if file.exists():
            shutil.move(file, aside / file.name)
    path.mkdir()
    try:
        yield
    finally:
        path.rmdir()
        for file in aside.iterdir():
            shutil.move(file, path.parent / file.name)
        aside.rmdir()


@contextlib.contextmanager
def postgres_down(env):
    """The database refuses new connections and its open ones are terminated."""
    harness.pg_admin(f"ALTER DATABASE {PG_DATABASE} WITH ALLOW_CONNECTIONS false")
    sql = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s"
    harness.pg_admin(sql + " AND pid <> pg_backend_pid()", (PG_DATABASE,))
    try:
        yield
    finally:
        harness.pg_admin(f"ALTER DATABASE {PG_DATABASE} WITH ALLOW_CONNECTIONS true")


FAULTS = {"sqlite": sqlite_down, "postgres": postgres_down}


def observe(base):
    """/healthz and every page: {"healthz", "healthz_body", "pages", "calm_503_page"}."""
    status, _, body = harness.fetch(base + "/healthz")
    seen = {"healthz": status, "healthz_body": body.decode()[:80], "pages": {}}
    seen["calm_503_page"] = True
    for path in DB_PAGES + OTHER_PAGES:
        status, _, text = harness.fetch(base + path)
        seen["pages"][path] = status
        if status == 503:
            seen["calm_503_page"] &= b"back in a moment" in text
    if seen["healthz"] == 503:
        seen["healthz_body"] = json.loads(body)
    return seen


def wait_for(base, status):
    """Observe until /healthz and the database pages all answer status (the other pages
    200 or status) or the phase times out; the last observation, with "ok" and "seconds"."""
    started = time.monotonic()
    while True:
        seen = observe(base)
        pages = seen["pages"]
        seen["ok"] = seen["healthz"] == status and all(pages[p] == status for p in DB_PAGES)
        seen["ok"] &= all(pages[p] in (200, status) for p in OTHER_PAGES)
        seen["seconds"] = round(time.monotonic() - started, 1)
        if seen["ok"] or seen["seconds"] > PHASE_SECONDS:
            return seen
        time.sleep(0.5)


def run(db, port=0):
    """{"database", "before", "down", "after", "ok"}: the observations of each phase."""
    report = {"database": db}
    with harness.workdir() as tmp:
        env = harness.site_env(db, tmp, pg_name=PG_DATABASE)
        env["LOG_LEVEL"] = "CRITICAL"  # The outage's 503 log lines would drown the report.
        harness.prepare_database(env)
        with harness.gunicorn(env, 2, port) as base:
            report["before"] = wait_for(base, 200)
            with FAULTS[db](env):
                report["down"] = wait_for(base, 503)
                report["down"]["ok"] &= report["down"]["calm_503_page"]
            report["after"] = wait_for(base, 200)
    if db == "postgres":
        harness.pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    report["ok"] = all(report[phase]["ok"] for phase in ("before", "down", "after"))
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    reports = [run(db, args.port + n if args.port else 0) for n, db in enumerate(databases)]
    print(json.dumps(reports, indent=2))
    return 0 if all(report["ok"] for report in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
