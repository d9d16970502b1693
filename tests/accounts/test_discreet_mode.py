"""Discreet mode: on a shared device, the site a person uses is just "Notes"."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from guide.models import Article, Stage
from journal.models import Entry, Journey, Profile, Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# Words that would tell someone glancing at a tab, the history or an inbox what this is.
TELLING = re.compile(r"twin\s*flame|runner|chaser", re.IGNORECASE)
ENTRY_TITLE = "The night I almost wrote to him"


def title_of(page):
    """The <title> of a response or of a page's HTML."""
    html = page if isinstance(page, str) else page.content.decode()
    return re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)


def turn_on_discreet_mode(client):
    response = client.post("/journal/settings/", {"timezone": "UTC", "discreet": "on"})
    assert response.status_code == 302


@pytest.fixture
def discreet_client(owner_client, owner):
    turn_on_discreet_mode(owner_client)
    return owner_client


@pytest.fixture
def pages(owner):
    """Every kind of page a signed-in person opens, with one of their entries."""
    call_command("load_guide", verbosity=0)
    entry = Entry.objects.create(owner=owner, title=ENTRY_TITLE, body="I did not send it.")
    article, stage = Article.objects.published().first(), Stage.objects.published().first()
    Journey.start(owner, Role.CHASER, stage, intention="Go gently")
    return [
        "/",
        "/journal/",
        "/journal/new/",
        entry.get_absolute_url(),
        f"/journal/{entry.public_id}/edit/",
        f"/journal/{entry.public_id}/delete/",
        "/journal/?q=night",
        "/journal/settings/",
        "/journal/data/",
        "/journey/",
        "/journey/start/",
        "/journey/history/",
        "/guide/",
        article.get_absolute_url(),
        stage.get_absolute_url(),
        "/guide/search/?q=runner",
        "/help/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/sessions/",
        "/journal/no-such-page/",
    ]


def test_discreet_mode_is_off_until_the_person_turns_it_on(owner_client, owner):
    response = owner_client.get("/journal/")
    assert title_of(response) == "Journal · Twin Flame Runner"
    assert Profile.objects.get_or_create(owner=owner)[0].discreet is False


def test_the_setting_is_saved_on_the_settings_page(owner_client, owner):
    turn_on_discreet_mode(owner_client)
    assert Profile.objects.get(owner=owner).discreet is True
    page = owner_client.get("/journal/settings/").content.decode()
    assert 'name="discreet"' in page and "checked" in page
    owner_client.post("/journal/settings/", {"timezone": "UTC"})  # an unticked box
    assert Profile.objects.get(owner=owner).discreet is False


def test_every_page_title_is_just_notes(discreet_client, pages):
    for url in pages:
        response = discreet_client.get(url)
        assert response.status_code in (200, 404), url
        assert not response.get("Location"), url
        title = title_of(response)
        assert title == "Notes", f"{url}: {title}"


def test_no_page_head_or_header_names_the_site_or_an_entry(discreet_client, pages):
    for url in pages:
        html = discreet_client.get(url).content.decode()
        head = html[: html.index("</head>")]
        header = re.search(r'<header class="site-header">.*?</header>', html, re.DOTALL).group(0)
        assert 'class="brand"' in header and ">Notes</a>" in header, url
        assert "favicon-notes.svg" in head and "img/favicon.svg" not in head, url
        description = re.search(r'<meta name="description" content="([^"]*)"', head).group(1)
        for text in (title_of(head), description, header):
            assert not TELLING.search(text), f"{url}: {text[:80]}"
            assert ENTRY_TITLE not in text, url


def test_the_entry_title_never_reaches_the_tab_but_stays_on_the_page(discreet_client, owner):
    entry = Entry.objects.create(owner=owner, title=ENTRY_TITLE, body="Still mine.")
    response = discreet_client.get(entry.get_absolute_url())
    assert ENTRY_TITLE not in title_of(response)
    assert f"<h1>{ENTRY_TITLE}</h1>" in response.content.decode()


def test_visitors_and_other_people_see_the_site_as_it_is(discreet_client, other_user):
    visitor = Client()
    assert title_of(visitor.get("/help/")).endswith("· Twin Flame Runner")
    someone_else = Client()
    someone_else.force_login(other_user)
    response = someone_else.get("/journal/")
    assert title_of(response) == "Journal · Twin Flame Runner"
    assert ">Twin Flame Runner</a>" in response.content.decode()


def test_turning_it_on_reaches_the_persons_other_devices(client, owner):
    other_device = Client()
    other_device.force_login(owner)
    assert title_of(other_device.get("/journal/")) != "Notes"
    client.force_login(owner)
    turn_on_discreet_mode(client)
    assert title_of(other_device.get("/journal/")) == "Notes"


def test_discreet_mode_costs_no_query_per_page(discreet_client):
    def queries(client):
        # The first visit makes a plain person's profile (dropping their kept user row);
        # from the second on, both people's settings come with their kept user.
        client.get("/journal/settings/")
        client.get("/journal/settings/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/journal/settings/")
        return len(captured)

    plain = Client()
    plain.force_login(UserFactory())
    assert queries(discreet_client) == queries(plain)


# --- Email -------------------------------------------------------------------------


def test_email_to_a_discreet_person_has_a_plain_sender_and_subject(discreet_client, owner):
    Client().post("/accounts/password/reset/", {"email": owner.email})
    message = mail.outbox[-1]
    assert message.to == [owner.email]
    assert message.from_email == "Notes <hello@localhost>"
    assert message.subject == "[Notes] Password Reset Email"
    assert not TELLING.search(message.subject + message.from_email)
    assert message.body.startswith("Hello,")
    assert not TELLING.search(message.body)


def test_every_account_email_to_a_discreet_person_is_plain(discreet_client, owner):
    Client().post(
        "/accounts/signup/",
        {"email": owner.email, "password1": "calm-river-9x", "password2": "calm-river-9x"},
    )
    discreet_client.post("/accounts/email/", {"email": "second@example.com", "action_add": ""})
    Client().post("/accounts/password/reset/", {"email": owner.email})
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert message.subject.startswith("[Notes] "), message.subject
        assert message.from_email == "Notes <hello@localhost>"
        assert not TELLING.search(message.subject + message.from_email + message.body)


def test_email_to_everyone_else_still_names_the_site(discreet_client):
    other = UserFactory(email="plain@example.com")
    Client().post("/accounts/password/reset/", {"email": other.email})
    message = mail.outbox[-1]
    assert message.subject == "[Twin Flame Runner] Password Reset Email"
    assert message.from_email == "Twin Flame Runner <hello@localhost>"
    assert message.body.startswith("Hello from Twin Flame Runner,")


# --- The authenticator app ---------------------------------------------------------


def totp_url(client):
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    return response.context["totp_url"]


def test_the_authenticator_app_entry_of_a_discreet_person_says_notes(client, owner):
    client.force_login(owner)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert "issuer=Twin%20Flame%20Runner" in totp_url(client)
    turn_on_discreet_mode(client)
    url = totp_url(client)
    assert "issuer=Notes" in url and not TELLING.search(url.replace("%20", " "))
