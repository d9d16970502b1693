"""Errors get calm pages in the site's style, never a bare traceback."""

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_unknown_page_gets_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


def test_a_database_outage_gets_a_503_page_that_says_to_retry(client, monkeypatch):
    from django.db import connection

    def down(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "cursor", down)
    client.raise_request_exception = False
    response = client.get("/guide/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "back in a moment" in response.content.decode()


def test_an_unexpected_error_gets_the_friendly_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(SessionMiddleware, "process_request", broken)
    client.raise_request_exception = False
    response = client.get("/guide/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_a_form_sent_without_a_valid_csrf_token_gets_a_clear_403(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "a@example.com", "password": "x"})
    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()
