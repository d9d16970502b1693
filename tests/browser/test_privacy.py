"""A second person, in a real browser, cannot reach the first person's journal."""

import pytest
from playwright.sync_api import expect

from journal.models import Entry
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, base, email):
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()  # signed in


def test_second_person_sees_none_of_the_first_persons_journal(live_server, browser):
    first, second = UserFactory(), UserFactory()
    entry = Entry.objects.create(owner=first, title="Only mine", body="The letter I never sent.")
    base = live_server.url

    as_first = browser.new_context().new_page()
    sign_in(as_first, base, first.email)
    as_first.goto(f"{base}/journal/{entry.public_id}/")
    expect(as_first.get_by_text("The letter I never sent.")).to_be_visible()

    as_second = browser.new_context().new_page()
    sign_in(as_second, base, second.email)
    for path in [
        f"/journal/{entry.public_id}/",
        f"/journal/{entry.public_id}/edit/",
        f"/journal/{entry.public_id}/delete/",
    ]:
        response = as_second.goto(base + path)
        assert response.status == 404
        expect(as_second.get_by_role("heading", name="We couldn’t find that page")).to_be_visible()
    as_second.goto(f"{base}/journal/?q=letter")
    expect(as_second.get_by_text("Only mine")).to_have_count(0)
    expect(as_second.get_by_text("The letter I never sent.")).to_have_count(0)
    # The export is a download: fetch it with the second person's cookies.
    export = as_second.context.request.get(f"{base}/journal/data/export.json")
    assert export.ok
    assert "never sent" not in export.text() and "Only mine" not in export.text()
