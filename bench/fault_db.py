"""The database goes away under a running site, then comes back (bench/README.md).

A fault is a context manager in FAULTS: inside it, its dependency is gone.
"""

import contextlib
import json
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
    """The file moved aside and a directory in its place (SQLite cannot open it, nor
    quietly create an empty database there)."""
    path, aside = Path(env["SQLITE_PATH"]), Path(env["SQLITE_PATH"]).with_name("aside")
    aside.mkdir()
    for file in path.parent.glob(f"{path.name}*"):  # with its -wal and -shm
        file.rename(aside / file.name)
    path.mkdir()
    try:
        yield
    finally:
        path.rmdir()
        for file in aside.iterdir():
            file.rename(path.parent / file.name)
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


def wait_for(base, wanted):
    """Observe /healthz and the pages until /healthz and DB_PAGES answer `wanted` (the
    others 200 or `wanted`) or the phase times out; returns the last observation."""
    started = time.monotonic()
    while True:
        status, _, body = harness.fetch(base + "/healthz")
        body = json.loads(body) if status == 503 else body.decode()[:80]
        seen = {"healthz": status, "healthz_body": body, "pages": {}, "calm_503_page": True}
        for path in DB_PAGES + OTHER_PAGES:
            status, _, text = harness.fetch(base + path)
            seen["pages"][path] = status
            seen["calm_503_page"] &= status != 503 or b"back in a moment" in text
        pages = seen["pages"]
        seen["ok"] = seen["healthz"] == wanted and all(pages[p] == wanted for p in DB_PAGES)
        seen["ok"] &= all(pages[p] in (200, wanted) for p in OTHER_PAGES)
        seen["seconds"] = round(time.monotonic() - started, 1)
        if seen["ok"] or seen["seconds"] > PHASE_SECONDS:
            return seen
        time.sleep(0.5)


def run(db):
    """{"database", "before", "down", "after": observations, "ok": all three as wanted}."""
    report = {"database": db}
    with harness.fresh_site(db, pg_name=PG_DATABASE) as env, harness.gunicorn(env, 2) as base:
        report["before"] = wait_for(base, 200)
        with FAULTS[db](env):
            report["down"] = wait_for(base, 503)
            report["down"]["ok"] &= report["down"]["calm_503_page"]
        report["after"] = wait_for(base, 200)
    if db == "postgres":
        harness.pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    report["ok"] = all(report[phase]["ok"] for phase in ("before", "down", "after"))
    return report


if __name__ == "__main__":
    sys.exit(harness.fault_cli(run, __doc__))
