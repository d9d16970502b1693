"""The database goes away under a running gunicorn: calm 503s, /healthz says so, and the
site recovers by itself (bench/fault_db.py; run it with --db postgres for PostgreSQL)."""

from bench import fault_db


def test_sqlite_going_away_gives_503_and_the_site_recovers():
    report = fault_db.run("sqlite")
    assert report["before"]["ok"], report
    down = report["down"]
    assert down["healthz"] == 503 and down["healthz_body"]["database"] == "down", report
    assert all(down["pages"][path] == 503 for path in fault_db.DB_PAGES), report
    assert down["calm_503_page"], report
    assert report["after"]["ok"], report
