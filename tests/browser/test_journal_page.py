"""The journal page leads with entries; the quick form saves into the list, and says so."""

import datetime

import pytest
from playwright.sync_api import expect

from journal.models import Entry
from tests.browser.helpers import sign_in
from tests.journal.factories import EntryFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_quick_form_puts_the_entry_in_the_list_updates_the_count_and_says_saved(
    live_server, page, owner
):
    EntryFactory(owner=owner, title="An older day", entry_date=datetime.date(2026, 1, 2))
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/journal/")
    expect(page.locator("#journal-stats")).to_contain_text("1 entry")
    page.get_by_text("Quick note").click()
    quick = page.locator("#quick-entry")
    quick.get_by_label("Title").fill("Sea walk")
    quick.get_by_label("What is on your mind?").fill("Walked by the sea at dawn.")
    quick.get_by_role("button", name="Save entry").click()

    expect(page.locator("#quick-entry")).to_contain_text("Saved: Sea walk")
    expect(page.locator("#quick-entry").get_by_label("Title")).to_have_value("")
    expect(page.locator("#journal-stats")).to_contain_text("2 entries")
    items = page.locator("#entry-results .entry-item h3")
    expect(items).to_have_text(["Sea walk", "An older day"])  # in the list, newest first
    expect(page.locator("#quick-entry .entry-item")).to_have_count(0)  # not inside the form
    assert Entry.objects.filter(title="Sea walk").exists()


def test_the_first_entry_shows_without_scrolling_at_1280_by_800(live_server, page, owner):
    for n in range(5):
        EntryFactory(owner=owner, title=f"Day {n}", mood=3, tags=["calm"])
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/journal/")
    first = page.locator("#entry-results .entry-item").first.bounding_box()
    assert first["y"] + first["height"] <= 800
    expect(page.get_by_label("Search your journal")).to_be_visible()
    expect(page.get_by_label("Tag", exact=True)).to_be_hidden()  # behind "Filter"
    page.get_by_text("Filter", exact=True).click()
    expect(page.get_by_label("Tag", exact=True)).to_be_visible()
