"""Redis stops under a running gunicorn and starts again (bench/fault_redis.py): no 5xx
for visitors or signed-in people, sign-in works and stays limited, /healthz says the
cache is down with a 200, and pages and sessions are cached again once it is back.

Runs on the suite's own database engine, so CI's PostgreSQL pass runs it on PostgreSQL.
"""

import shutil

import pytest
from django.db import connection

from bench import fault_redis
from tests.conftest import unavailable

pytestmark = pytest.mark.django_db


def test_redis_going_away_costs_no_page_and_caching_resumes():
    if not shutil.which("redis-server"):
        unavailable("redis-server is not installed (apt-get install redis-server)")
    db = "postgres" if connection.vendor == "postgresql" else "sqlite"
    report = fault_redis.run(db)
    assert report["before"]["ok"], report["before"]
    down = report["redis_down"]
    assert down["healthz"] == (200, {"status": "degraded", "database": "up", "cache": "down"})
    assert all(status < 500 for status in down["visitor_pages"].values()), down
    assert all(status < 500 for status in down["signed_in_pages"].values()), down
    assert down["sign_in"] == 302 and down["write_entry"] == 302, down
    assert down["failed_sign_ins_until_refused"] is not None, "sign-in became unlimited"
    assert down["ok"], down
    back = report["redis_back"]
    assert back["cached"]["guide_pages"] and back["cached"]["session"], back
    assert back["ok"], back
