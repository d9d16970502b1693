"""Kept whole pages in a real browser: one shared device, two people, one after the other.
Each sees only their own journal, a failed form keeps what was typed, and what was saved
shows on the next visit although the page had been kept."""

import pytest
from playwright.sync_api import expect

from journal.models import Entry
from tests.browser.test_privacy import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_next_person_on_a_shared_browser_never_gets_the_first_ones_kept_page(live_server, page):
    first, second = UserFactory(), UserFactory()
    Entry.objects.create(owner=first, title="Only mine", body="The letter I never sent.")
    base = live_server.url

    sign_in(page, base, first.email)
    for _ in range(3):  # kept after the first visit
        page.goto(base + "/journal/")
        expect(page.get_by_role("link", name="Only mine", exact=True)).to_be_visible()
    page.locator("summary", has_text="Account").click()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, second.email)
    page.goto(base + "/journal/")
    expect(page.get_by_role("heading", name="Your journal")).to_be_visible()
    expect(page.get_by_text("Only mine")).to_have_count(0)
    expect(page.get_by_text("The letter I never sent.")).to_have_count(0)

    # Bad input: no words at all. The form says so and keeps the title typed.
    page.goto(base + "/journal/new/")
    page.get_by_label("Title").fill("Second thoughts")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Second thoughts")
    page.locator("textarea[name=body]").fill("Quiet evening, no messages sent.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Quiet evening, no messages sent.")).to_be_visible()

    page.goto(base + "/journal/")  # the kept list was retired by the save
    expect(page.get_by_role("link", name="Second thoughts", exact=True)).to_be_visible()
    expect(page.get_by_text("Only mine")).to_have_count(0)
