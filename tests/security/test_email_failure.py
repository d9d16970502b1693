"""A mail server that is down never loses a sign-up, and the person is told what to do."""

import json
import logging
import smtplib

import pytest
from django.contrib.auth import get_user_model

from journal.accounts.adapters import EMAIL_NOT_SENT
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


class BrokenMailer:
    """An email backend whose server refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise smtplib.SMTPException("server down")

    def close(self):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPException("server down")


class RefusedMailer(BrokenMailer):
    def send_messages(self, messages):
        raise ConnectionRefusedError("nothing listens on port 25")


@pytest.fixture(params=["BrokenMailer", "RefusedMailer"])
def broken_mail(request, settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.{request.param}"}}


def test_a_failed_email_does_not_lose_the_sign_up(client, broken_mail, caplog):
    client.raise_request_exception = False
    data = {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
    with caplog.at_level(logging.ERROR, logger="journal.accounts.adapters"):
        response = client.post("/accounts/signup/", data, follow=True)
    assert response.status_code == 200
    assert get_user_model().objects.filter(email="new@example.com").exists()
    assert "We could not send you an email just now" in response.text
    assert "new@example.com" not in json.dumps([r.getMessage() for r in caplog.records])
    assert any("Email not sent" in r.getMessage() for r in caplog.records)


def test_the_person_can_resend_once_mail_works_again(client, broken_mail, settings):
    data = {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
    client.post("/accounts/signup/", data)
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    from django.core import mail
    from django.core.cache import cache

    cache.clear()  # allauth allows one confirmation email per address every 3 minutes.
    response = client.post("/accounts/login/", {"login": "new@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_a_failed_password_reset_email_is_a_message_not_a_500(client, owner, broken_mail):
    client.raise_request_exception = False
    response = client.post("/accounts/password/reset/", {"email": owner.email}, follow=True)
    assert response.status_code == 200
    assert EMAIL_NOT_SENT[:40] in response.text.replace("&#x27;", "'")
