"""Uptime monitors and link checkers send HEAD: every public page answers it like GET,
the shared cached copy of a guide page included, with no body."""

import pytest
from django.core.management import call_command
from django.test import Client

from bench.fault_redis import VISITOR_PAGES

pytestmark = pytest.mark.django_db

# The visitor pages the Redis fault script checks, and the health check.
PUBLIC = [*VISITOR_PAGES, "/healthz"]


@pytest.fixture
def guide(db):
    call_command("load_guide", verbosity=0)


@pytest.mark.parametrize("path", PUBLIC)
def test_a_visitors_head_is_answered_like_get(guide, path):
    get = Client().get(path)
    head = Client().head(path)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def test_head_is_served_from_the_shared_cached_copy_with_its_etag(guide):
    first = Client().head("/guide/")
    again = Client().head("/guide/")
    assert first.status_code == again.status_code == 200
    assert again["ETag"] == first["ETag"] == Client().get("/guide/")["ETag"]
    revalidated = Client().head("/guide/", headers={"If-None-Match": first["ETag"]})
    assert revalidated.status_code == 304
