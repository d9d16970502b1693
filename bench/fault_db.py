"""The database goes away under a running site, then comes back.

    uv run python bench/fault_db.py [--db sqlite|postgres|both]

Starts gunicorn (production settings, 2 workers) on a throw-away database and checks:
before the fault the site and /healthz answer 200; while the database is gone every
page is the calm 503 page and /healthz answers 503 {"database": "down"}; once it is
back, both answer 200 again without a restart. Bounded: each phase gives up after 30 s.

The fault: for SQLite the database file is moved away and a directory put in its place
(SQLite cannot open it, and cannot quietly create an empty database there); for
PostgreSQL the database stops accepting connections (ALLOW_CONNECTIONS false) and its
open connections are terminated.
"""

import argparse
import json
import shutil
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import PG_ADMIN_URL, gunicorn, prepare_database, site_env, workdir  # noqa: E402

# Its own database: the benchmarks drop and recreate theirs whenever they start.
PG_DATABASE = "twinflame_fault"

# Pages that read the database; the support page is also served from the page cache
# and the sign-in form needs no database to show, so those may stay 200 in an outage.
DB_PAGES = ["/", "/guide/", "/guide/search/?q=runner"]
OTHER_PAGES = ["/help/", "/accounts/login/"]
PAGES = DB_PAGES + OTHER_PAGES
PHASE_SECONDS = 30


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def observe(base):
    """(healthz status, healthz body, {page: status}, every page showed the 503 text)."""
    status, body = fetch(base + "/healthz")
    pages, calm = {}, True
    for path in PAGES:
        page_status, text = fetch(base + path)
        pages[path] = page_status
        if page_status == 503:
            calm = calm and "back in a moment" in text
    return status, body, pages, calm


def wait_for(base, healthy):
    """Observe until every answer is 200 (healthy) or 503 (down), or the phase times out."""
    wanted = 200 if healthy else 503
    deadline = time.monotonic() + PHASE_SECONDS
    while True:
        seen = observe(base)
        status, _body, pages, _calm = seen
        others_fine = all(pages[path] in (200, wanted) for path in OTHER_PAGES)
        if status == wanted and all(pages[p] == wanted for p in DB_PAGES) and others_fine:
            return True, seen
        if time.monotonic() > deadline:
            return False, seen
        time.sleep(0.5)


class SqliteFault:
    def __init__(self, env):
        self.path = Path(env["SQLITE_PATH"])
        self.aside = self.path.with_name("aside")

    def break_(self):
        self.aside.mkdir()
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                shutil.move(source, self.aside / source.name)
        self.path.mkdir()  # Where the file was, something SQLite cannot open.

    def repair(self):
        self.path.rmdir()
        for moved in self.aside.iterdir():
            shutil.move(moved, self.path.parent / moved.name)
        self.aside.rmdir()


class PostgresFault:
    def _admin(self, *statements):
        import psycopg

        url = PG_ADMIN_URL.replace("postgres://", "postgresql://")
        with psycopg.connect(url, autocommit=True) as conn:
            for statement in statements:
                sql, params = statement if isinstance(statement, tuple) else (statement, None)
                conn.execute(sql, params)

    def break_(self):
        self._admin(
            f"ALTER DATABASE {PG_DATABASE} WITH ALLOW_CONNECTIONS false",
            (
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (PG_DATABASE,),
            ),
        )

    def repair(self):
        self._admin(f"ALTER DATABASE {PG_DATABASE} WITH ALLOW_CONNECTIONS true")

    def create(self, env):
        self._admin(
            f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)", f"CREATE DATABASE {PG_DATABASE}"
        )
        env["DATABASE_URL"] = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + PG_DATABASE
        prepare_database("existing", env)

    def drop(self):
        self._admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def run(db, port):
    report = {"database": db}
    with workdir() as tmp:
        env = site_env(db, tmp)
        env["LOG_LEVEL"] = "CRITICAL"  # The outage's 503 log lines would drown the report.
        if db == "sqlite":
            prepare_database(db, env)
            fault = SqliteFault(env)
        else:
            fault = PostgresFault()
            fault.create(env)
        with gunicorn(env, port, workers=2) as base:
            ok_before, seen = wait_for(base, healthy=True)
            report["before"] = {"healthz": seen[0], "pages": seen[2], "ok": ok_before}
            fault.break_()
            try:
                started = time.monotonic()
                ok_down, seen = wait_for(base, healthy=False)
                report["down"] = {
                    "healthz": seen[0],
                    "healthz_body": json.loads(seen[1]) if seen[0] == 503 else seen[1][:80],
                    "pages": seen[2],
                    "calm_503_page": seen[3],
                    "seconds_to_notice": round(time.monotonic() - started, 1),
                    "ok": ok_down and seen[3],
                }
            finally:
                fault.repair()
            started = time.monotonic()
            ok_after, seen = wait_for(base, healthy=True)
            report["after"] = {
                "healthz": seen[0],
                "pages": seen[2],
                "seconds_to_recover": round(time.monotonic() - started, 1),
                "ok": ok_after,
            }
    if db == "postgres":
        fault.drop()
    report["ok"] = all(report[phase]["ok"] for phase in ("before", "down", "after"))
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    reports = [run(db, args.port + n) for n, db in enumerate(databases)]
    print(json.dumps(reports, indent=2))
    return 0 if all(report["ok"] for report in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
