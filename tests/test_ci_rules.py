"""Under CI=true a test never skips because a server or tool it needs is missing."""

import subprocess
from pathlib import Path

import pytest

import tests.conftest as conftest

ROOT = Path(__file__).resolve().parent.parent


def test_a_missing_server_fails_the_test_under_ci(monkeypatch):
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI=true but no Redis"):
        conftest.unavailable("no Redis")


def test_a_missing_server_skips_the_test_on_a_developers_machine(monkeypatch):
    monkeypatch.setattr(conftest, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception):
        conftest.unavailable("no Redis")


def test_ci_starts_redis_when_none_answers():
    script = (ROOT / ".ci" / "run").read_text()
    assert "redis-cli -h 127.0.0.1 -p 6379 ping" in script
    assert "redis-server --bind 127.0.0.1 --port 6379 --daemonize yes" in script
    assert subprocess.run(["bash", "-n", str(ROOT / ".ci" / "run")]).returncode == 0
