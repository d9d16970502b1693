"""Bringing a Day One journal across, in a real browser."""

import pytest
from playwright.sync_api import expect

from journal.models import Entry
from tests.browser.test_privacy import sign_in
from tests.factories import UserFactory
from tests.journal.test_other_apps import DAYONE, JRNL, dayone_zip

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_day_one_zip_and_a_jrnl_file_come_across_once(live_server, page, tmp_path):
    person = UserFactory()
    archive = tmp_path / "Day One export.zip"
    archive.write_bytes(dayone_zip())
    (tmp_path / "jrnl.json").write_bytes(JRNL)
    (tmp_path / "broken.json").write_bytes(DAYONE[:200])
    sign_in(page, live_server.url, person.email)
    page.goto(live_server.url + "/journal/data/")
    section = page.locator("section", has_text="Bring your journal from Day One or jrnl")

    section.get_by_label("Day One").check()
    section.get_by_label("The exported file").set_input_files(tmp_path / "broken.json")
    section.get_by_role("button", name="Import from the app").click()
    expect(page.get_by_text("not readable JSON, so not a Day One export")).to_be_visible()
    assert not Entry.objects.filter(owner=person).exists()

    section = page.locator("section", has_text="Bring your journal from Day One or jrnl")
    expect(section.get_by_label("Day One")).to_be_checked()
    section.get_by_label("The exported file").set_input_files(archive)
    section.get_by_role("button", name="Import from the app").click()
    expect(page.get_by_text("Imported 3 entries from Day One")).to_be_visible()
    expect(page.get_by_text("2 photos or other attachments were left out")).to_be_visible()

    section = page.locator("section", has_text="Bring your journal from Day One or jrnl")
    section.get_by_label("jrnl").check()
    section.get_by_label("The exported file").set_input_files(tmp_path / "jrnl.json")
    section.get_by_role("button", name="Import from the app").click()
    expect(page.get_by_text("Imported 2 entries from jrnl")).to_be_visible()

    page.goto(live_server.url + "/journal/?tag=starred")
    expect(page.get_by_role("link", name="A quieter morning", exact=True)).to_be_visible()
    assert Entry.objects.filter(owner=person).count() == 5
