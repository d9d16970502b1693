"""Logs are structured and never carry what a person wrote, nor who they are."""

import io
import json
import logging
import sys

import pytest
from django.test import Client, RequestFactory

from config.logging import JsonFormatter, RedactingFormatter, redact
from journal.models import Entry
from tests.factories import PASSWORD, UserFactory

SECRET = "I still love them and I am scared"


def error_record():
    request = RequestFactory().post(f"/journal/new/?q={SECRET}", {"body": SECRET})
    try:
        raise ValueError(f"could not save {SECRET}")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        (request.path,),
        exc_info,
    )
    record.request = request
    record.status_code = 500
    return record


def test_error_log_line_is_json_with_path_status_and_exception_type():
    line = json.loads(JsonFormatter().format(error_record()))
    assert line["level"] == "ERROR"
    assert line["path"] == "/journal/new/"
    assert line["method"] == "POST"
    assert line["status"] == 500
    assert line["exception"] == "ValueError"
    assert any("test_logging.py" in frame for frame in line["stack"])


def test_error_log_line_carries_no_journal_text():
    assert SECRET not in JsonFormatter().format(error_record())


# --- A signed-in session, as the log sees it ------------------------------------------


@pytest.fixture
def log_output():
    """What the site's own console handler writes, in the format production uses."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    assert isinstance(handler.formatter, JsonFormatter)
    stream = handler.setStream(io.StringIO())
    try:
        yield handler.stream
    finally:
        handler.setStream(stream)


@pytest.mark.django_db
def test_a_signed_in_session_leaves_no_ids_addresses_or_ips_in_the_log(log_output, other_user):
    person = UserFactory(email="river.person@example.com")
    client = Client(REMOTE_ADDR="203.0.113.77")
    # A failed and a real sign-in, a reset request: allauth's flows, with the address.
    client.post("/accounts/login/", {"login": person.email, "password": "wrong"})
    client.post("/accounts/password/reset/", {"email": person.email})
    client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    client.post("/journal/new/", {"title": "T", "body": SECRET, "entry_date": "2024-01-01"})
    entry = Entry.objects.get(owner=person)
    client.get(entry.get_absolute_url())
    client.get(f"/journal/?q={SECRET}")
    client.post(f"/journal/{entry.public_id}/edit/", {"title": "T2", "body": SECRET,
                                                      "entry_date": "2024-01-02"})  # fmt: skip
    client.get(f"/journal/{entry.pk}/")  # the old numbered address
    client.post(f"/journal/{entry.pk}/delete/")  # refused: 405, logged
    client.post(f"/journal/{entry.public_id}/delete/")
    client.get(entry.get_absolute_url())  # gone: 404, logged
    theirs = Entry.objects.create(owner=other_user, title="Theirs", body="Not yours")
    client.get(theirs.get_absolute_url())  # someone else's: 404, logged
    client.get(f"/journal/{theirs.pk}/edit/")

    log = log_output.getvalue()
    lines = [json.loads(line) for line in log.splitlines()]
    # The session did leave lines (the 404s and the 405), so the absence below means something.
    assert any(line.get("status") == 404 for line in lines)
    assert "/journal/[id]/" in log and "/journal/[n]/" in log
    for kept_out in [
        str(entry.public_id), str(theirs.public_id), f"/{entry.pk}/", f"/{theirs.pk}/",
        person.email, other_user.email, "203.0.113", "127.0.0.1", SECRET, "Theirs",
    ]:  # fmt: skip
        assert kept_out not in log, kept_out


@pytest.mark.parametrize(
    ("message", "hidden"),
    [
        ("Not Found: /journal/6f1c2b1e-5d2a-4c1b-9a3e-1f2e3d4c5b6a/", "6f1c2b1e"),
        ("Not Found: /journal/1534/", "1534"),
        ('"GET /journal/?q=him HTTP/1.1" 200 5123', "q=him"),
        ("Forbidden for river@example.com", "river@example.com"),
        ("Invalid HTTP_HOST header from 198.51.100.23", "198.51.100.23"),
        ("Client at 2001:db8::42 refused", "2001:db8::42"),
    ],
)
def test_every_log_line_is_redacted_in_both_formats(message, hidden):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, message, (), None)
    assert hidden not in JsonFormatter().format(record)
    assert hidden not in RedactingFormatter("%(message)s").format(record)


def test_redaction_keeps_what_an_operator_needs():
    line = redact("Not Found: /guide/stages/separation/ at 10:00:00, status 404")
    assert line == "Not Found: /guide/stages/separation/ at 10:00:00, status 404"
