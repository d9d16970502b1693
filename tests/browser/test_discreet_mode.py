"""Discreet mode in a real browser: what a shared device's tabs and inbox would show."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from guide.models import Article, Stage
from journal.models import Entry, Journey, Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

TELLING = re.compile(r"twin\s*flame|runner|chaser", re.IGNORECASE)
ENTRY_TITLE = "What I never said to him"


def test_with_discreet_mode_on_no_tab_or_email_gives_the_site_away(live_server, page, owner):
    call_command("load_guide", verbosity=0)
    stage = Stage.objects.published().first()
    Journey.start(owner, Role.RUNNER, stage, intention="Go gently")
    base = live_server.url
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()  # signed in

    # The person turns it on from the account's settings page.
    page.goto(base + "/journal/settings/")
    page.get_by_label("Discreet mode").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    expect(page.locator(".site-header .brand")).to_have_text("Notes")

    # Writing an entry with a telling title, the way they always do.
    page.goto(base + "/journal/new/")
    page.get_by_label("Title").fill(ENTRY_TITLE)
    page.get_by_label("What is on your mind?").fill("The runner in me wanted to leave.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name=ENTRY_TITLE)).to_be_visible()
    entry = Entry.objects.get(owner=owner)

    titles = {page.url: page.title()}
    article = Article.objects.published().first()
    for path in [
        "/",
        "/journal/",
        f"/journal/?q={ENTRY_TITLE.split()[0]}",
        entry.get_absolute_url(),
        f"/journal/{entry.public_id}/edit/",
        f"/journal/{entry.public_id}/delete/",
        "/journey/",
        "/journey/history/",
        "/guide/",
        article.get_absolute_url(),
        stage.get_absolute_url(),
        "/help/",
        "/accounts/email/",
        "/journal/settings/",
    ]:
        page.goto(base + path)
        titles[path] = page.title()
    for path, title in titles.items():
        assert title == "Notes", f"{path}: {title}"
        assert not TELLING.search(title) and ENTRY_TITLE not in title
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert icon.endswith("favicon-notes.svg")

    # An email the site sends them: a second address, then a password reset.
    page.goto(base + "/accounts/email/")
    page.get_by_label("Email").fill("second@example.com")
    page.get_by_role("button", name="Add email").click()
    expect(page.get_by_text("Confirmation email sent to second@example.com")).to_be_visible()
    page.locator("summary", has_text="Account").click()  # the account menu, a <details>
    page.get_by_role("button", name="Sign out").click()
    page.goto(base + "/accounts/password/reset/")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_role("button", name="Reset my password").click()
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/done/$"))
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.subject.startswith("[Notes] ")
        assert not TELLING.search(message.subject) and ENTRY_TITLE not in message.subject
        assert message.from_email == "Notes <hello@localhost>"

    # Signed out, the device shows the site as any visitor sees it.
    assert page.title().endswith("· Twin Flame Runner")
