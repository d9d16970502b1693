"""Nobody at the keyboard can learn whether an address has an account here.

Each account flow is run twice, once with an address that has an account and once with
one that does not; what the person sees (status, templates, the page's words, where
they were sent) must be the same, the address itself aside.
"""

import re
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

TAKEN = "owner@example.com"  # the `owner` persona's address
FREE = "nobody-here@example.com"
NEW_PASSWORD = "calm-river-stones-9"


class _VisibleText(HTMLParser):
    """The words a page shows, and the values typed into its visible fields."""

    def __init__(self):
        super().__init__()
        self.words, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") != "hidden" and attrs.get("value"):
            self.words.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.words.append(data)


def seen(response, address):
    """What the person sees after a flow, with the address they typed blanked out."""
    parser = _VisibleText()
    parser.feed(response.content.decode())
    text = re.sub(r"\s+", " ", " ".join(parser.words)).strip()
    return {
        "status": response.status_code,
        "redirects": list(getattr(response, "redirect_chain", [])),
        "templates": [t.name for t in response.templates],
        "text": text.replace(address, "ADDRESS"),
    }


def same_for_both(flow, **kwargs):
    """Run `flow(client, address)` for a taken and a free address; return both views."""
    taken = seen(flow(Client(), TAKEN, **kwargs), TAKEN)
    free = seen(flow(Client(), FREE, **kwargs), FREE)
    assert taken["text"], "the page must show something to compare"
    return taken, free


# --- Sign-up ----------------------------------------------------------------


def sign_up(client, address):
    data = {"email": address, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    return client.post("/accounts/signup/", data, follow=True)


def test_sign_up_with_a_taken_address_looks_like_any_sign_up(owner):
    taken, free = same_for_both(sign_up)
    assert taken == free
    assert taken["redirects"] == [("/accounts/confirm-email/", 302)]
    assert "already" not in taken["text"].lower()


def test_sign_up_with_a_taken_address_makes_no_account_and_tells_its_owner(owner):
    sign_up(Client(), TAKEN)
    assert User.objects.filter(email__iexact=TAKEN).count() == 1
    assert EmailAddress.objects.filter(email__iexact=TAKEN).count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [TAKEN]
    assert message.subject.endswith("Someone tried to sign up with your address")
    assert "You already have an account with it, so nothing new was made" in message.body
    assert "/accounts/password/reset/" in message.body
    assert "there is nothing you need to do" in message.body


def test_a_sign_up_with_a_free_address_still_asks_to_confirm_it():
    sign_up(Client(), FREE)
    assert mail.outbox[0].to == [FREE]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


# --- Password reset ---------------------------------------------------------


def reset_password(client, address):
    return client.post("/accounts/password/reset/", {"email": address}, follow=True)


def test_password_reset_never_says_whether_an_address_has_an_account(owner):
    taken, free = same_for_both(reset_password)
    assert taken == free
    assert taken["redirects"] == [("/accounts/password/reset/done/", 302)]


def test_a_reset_for_an_address_without_an_account_is_answered_kindly(owner):
    reset_password(Client(), FREE)
    assert mail.outbox[0].to == [FREE]
    assert "There is no account with this address, so nothing has happened." in (
        mail.outbox[0].body
    )


# --- Adding (changing) an email address -------------------------------------


def signed_in_newcomer(client):
    """The same signed-in person for both runs: the one from the run before is gone."""
    User.objects.filter(email="a-person@example.com").delete()
    client.force_login(UserFactory(email="a-person@example.com"))
    return client


def add_address(client, address):
    client = signed_in_newcomer(client)
    return client.post("/accounts/email/", {"email": address, "action_add": ""}, follow=True)


def test_adding_a_taken_address_looks_like_adding_a_free_one(owner):
    taken, free = same_for_both(add_address)
    assert taken == free
    assert "Confirmation email sent to ADDRESS" in taken["text"]
    # The owner's address is still theirs alone (verified), whatever was typed.
    assert EmailAddress.objects.get(email=TAKEN, verified=True).user == owner


# --- Resending a verification email -----------------------------------------


def resend(client, address):
    return client.post("/accounts/email/", {"email": address, "action_send": ""}, follow=True)


def test_resending_to_someone_elses_address_looks_like_resending_to_a_free_one(owner):
    taken, free = same_for_both(lambda client, address: resend(signed_in_newcomer(client), address))
    assert taken == free
    assert len(mail.outbox) == 0


def test_resending_to_an_added_taken_address_looks_like_a_free_one(owner):
    def add_then_resend(client, address):
        add_address(client, address)
        return resend(client, address)

    taken, free = same_for_both(add_then_resend)
    assert taken == free


# --- Signing in ---------------------------------------------------------------


def sign_in(client, address, attempts=1):
    for _ in range(attempts):
        response = client.post("/accounts/login/", {"login": address, "password": "not-it-9"})
    return response


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(owner):
    taken, free = same_for_both(sign_in)
    assert taken == free
    assert "The email address and/or password you specified are not correct." in taken["text"]


def test_repeated_failures_are_slowed_down_the_same_way_for_both(owner):
    taken, free = same_for_both(sign_in, attempts=7)
    assert taken == free
    assert "Too many failed login attempts" in taken["text"]


def test_a_second_account_with_a_taken_address_is_never_made_by_any_route(owner):
    """The unique-address rule still holds: enumeration prevention never bends it."""
    for _ in range(2):
        sign_up(Client(), TAKEN)
        sign_up(Client(), TAKEN.upper())
    assert User.objects.count() == 1


def test_a_new_account_is_still_made_by_a_plain_sign_up():
    sign_up(Client(), FREE)
    assert User.objects.filter(email=FREE).exists()


def test_an_existing_account_is_untouched_by_a_sign_up_with_its_address(owner):
    password_before = User.objects.get(pk=owner.pk).password
    sign_up(Client(), TAKEN)
    assert User.objects.get(pk=owner.pk).password == password_before


def test_a_setting_that_would_reveal_accounts_is_warned_about(settings):
    from journal.accounts.checks import sign_up_hides_who_has_an_account

    assert sign_up_hides_who_has_an_account(None) == []
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"
    assert [w.id for w in sign_up_hides_who_has_an_account(None)] == ["journal.W001"]


def test_both_sign_ups_do_the_same_slow_work(owner, monkeypatch):
    """A password hash is the slow part of a sign-up: a taken address costs one too."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    hashed = []
    original = MD5PasswordHasher.encode
    monkeypatch.setattr(
        MD5PasswordHasher,
        "encode",
        lambda self, *a, **k: hashed.append(1) or original(self, *a, **k),
    )
    sign_up(Client(), TAKEN)
    taken, hashed[:] = len(hashed), []
    sign_up(Client(), FREE)
    assert taken == len(hashed) >= 1
