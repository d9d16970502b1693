"""allauth's pages in the site's voice: sentence case, labels without colons, no choice
that is not a choice."""

import re

import pytest
from allauth.account.models import EmailAddress

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/sessions/",
    "/accounts/reauthenticate/",
]
VISITOR_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-no-such-key/",
]
WORDS = re.compile(r"<(h[1-3]|label|button)\b[^>]*>(.*?)</\1>", re.S)


def texts(html):
    main = html[html.index("<main") : html.index("</main>")]
    for tag, inner in WORDS.findall(main):
        yield tag, " ".join(re.sub(r"<[^>]+>", " ", inner).split())


def title_case_words(text):
    """Capitalised words after the first, other than "I" and names of things."""
    names = {"I", "Twin", "Flame", "Runner", "Day", "One", "JSON"}
    return [word for word in text.split()[1:] if word[:1].isupper() and word not in names]


@pytest.fixture
def reauthenticated_client(owner_client):
    # A sensitive page (two-factor set-up) asks for the password unless it was just given.
    response = owner_client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302
    return owner_client


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_pages_speak_in_sentence_case_without_colons(reauthenticated_client, path):
    response = reauthenticated_client.get(path, follow=True)
    assert response.status_code == 200
    for tag, text in texts(response.text):
        assert not title_case_words(text), f"{path} <{tag}> {text!r} is in Title Case"
        assert not (tag == "label" and text.endswith(":")), f"{path} label {text!r}"


@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_visitor_account_pages_speak_in_sentence_case(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    for tag, text in texts(response.text):
        assert not title_case_words(text), f"{path} <{tag}> {text!r} is in Title Case"
        assert not (tag == "label" and text.endswith(":")), f"{path} label {text!r}"


def test_an_expired_reset_link_says_so_plainly(client):
    response = client.get("/accounts/password/reset/key/1-no-such-key/", follow=True)
    assert "This link no longer works" in response.text
    assert "Bad token" not in response.text


def test_one_address_offers_no_make_primary(owner_client):
    assert "Make primary" not in owner_client.get("/accounts/email/").text


def test_a_second_verified_address_can_be_made_primary(owner_client, owner):
    EmailAddress.objects.create(user=owner, email="second@example.com", verified=True)
    assert "Make primary" in owner_client.get("/accounts/email/").text
