"""Write an entry, edit it, find it by search and by tag, delete it: with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from journal.models import Entry
from tests.factories import PASSWORD
from tests.journal.factories import EntryFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()  # signed in


def results(page):
    return page.locator("#entry-results")


def test_journal_flow_with_htmx(live_server, page, owner):
    EntryFactory(owner=owner, title="Unrelated", body="Groceries and errands.")
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/journal/")

    # Write, inline: the new entry appears in the list without leaving the page.
    page.get_by_text("Quick note").click()
    quick = page.locator("#quick-entry")
    quick.get_by_label("Title").fill("Sea walk")
    quick.get_by_label("What is on your mind?").fill("Walked by the sea at dawn.")
    quick.get_by_label("Tags").fill("calm, sea")
    quick.get_by_role("button", name="Save entry").click()
    expect(page.locator("#quick-entry")).to_contain_text("Saved: Sea walk")
    expect(results(page)).to_contain_text("Sea walk")
    expect(page.locator("#quick-entry").get_by_label("Title")).to_have_value("")
    assert page.url == live_server.url + "/journal/"
    entry = Entry.objects.get(title="Sea walk")

    # Edit, inline on the entry's page.
    page.locator("#quick-entry").get_by_role("link", name="Sea walk").click()
    detail_url = live_server.url + entry.get_absolute_url()
    expect(page).to_have_url(detail_url)
    page.get_by_role("link", name="Edit").click()
    card = page.locator("#entry-card")
    expect(card.get_by_label("Title")).to_have_value("Sea walk")
    card.get_by_label("Title").fill("Sea walk, revisited")
    card.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Sea walk, revisited")).to_be_visible()
    assert page.url == detail_url

    # Find it by searching as you type; the search is kept in the URL.
    page.goto(live_server.url + "/journal/")
    page.get_by_label("Search your journal").press_sequentially("revisit", delay=30)
    expect(page).to_have_url(re.compile(r"q=revisit"))
    expect(results(page)).to_contain_text("Sea walk, revisited")
    expect(results(page)).not_to_contain_text("Unrelated")

    # Find it by tag, behind "Filter".
    page.goto(live_server.url + "/journal/")
    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Tag", exact=True).select_option("sea")
    expect(page).to_have_url(re.compile(r"tag=sea"))
    expect(results(page)).not_to_contain_text("Unrelated")
    expect(results(page)).to_contain_text("Sea walk, revisited")

    # Delete it, inline, after saying yes.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#entry-{entry.public_id}").get_by_role("link", name="Delete").click()
    expect(page.locator(f"#entry-{entry.public_id}")).to_have_count(0)
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert Entry.objects.filter(title="Unrelated").exists()


def test_journal_flow_without_javascript(live_server, browser, owner):
    EntryFactory(owner=owner, title="Unrelated", body="Groceries and errands.")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/journal/")

    page.get_by_text("Quick note").click()  # a <details>: opens without JavaScript
    quick = page.locator("#quick-entry")
    quick.get_by_label("Title").fill("Sea walk")
    quick.get_by_label("What is on your mind?").fill("Walked by the sea at dawn.")
    quick.get_by_label("Tags").fill("calm, sea")
    quick.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="Sea walk")).to_be_visible()
    entry = Entry.objects.get(title="Sea walk")

    page.get_by_role("link", name="Edit").click()
    expect(page).to_have_url(live_server.url + f"/journal/{entry.public_id}/edit/")
    page.get_by_label("Title").fill("Sea walk, revisited")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Sea walk, revisited")).to_be_visible()

    page.goto(live_server.url + "/journal/")
    page.get_by_label("Search your journal").fill("revisit")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=revisit"))
    expect(results(page)).to_contain_text("Sea walk, revisited")
    expect(results(page)).not_to_contain_text("Unrelated")

    page.goto(live_server.url + "/journal/")
    page.locator(f"#entry-{entry.public_id}").get_by_role("link", name="sea", exact=True).click()
    expect(page).to_have_url(re.compile(r"tag=sea"))
    expect(results(page)).to_contain_text("Sea walk, revisited")
    expect(results(page)).not_to_contain_text("Unrelated")

    page.locator(f"#entry-{entry.public_id}").get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", name="Delete this entry?")).to_be_visible()
    page.get_by_role("button", name="Delete the entry").click()
    expect(page.get_by_text("The entry is deleted.")).to_be_visible()
    assert not Entry.objects.filter(pk=entry.pk).exists()
    context.close()


def test_new_entry_draft_is_autosaved_and_restored(live_server, page, owner):
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/journal/new/")
    page.get_by_label("What is on your mind?").press_sequentially("Half a thought", delay=20)
    expect(page.locator("#draft-status")).to_contain_text("Draft saved", timeout=8000)
    page.goto(live_server.url + "/journal/new/")
    expect(page.get_by_label("What is on your mind?")).to_have_value("Half a thought")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name=re.compile(r"\d{4}"))).to_be_visible()
    page.goto(live_server.url + "/journal/new/")
    expect(page.get_by_label("What is on your mind?")).to_have_value("")
