"""An editor (not a superuser) changes the guide in admin: draft, preview, publish."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from guide.models import Section
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NEW_WORDS = "Pulling away is often about fear, not about you."


@pytest.fixture
def shipped_guide():
    call_command("load_guide", stdout=StringIO())


@pytest.fixture
def editor_user(editor):
    return editor


def test_editor_drafts_previews_and_publishes_a_section(
    live_server, page, browser, shipped_guide, editor_user
):
    section = Section.objects.get(slug="why-runners-run")
    article_url = live_server.url + section.article.get_absolute_url()

    # Sign in to the admin through the site's sign-in form.
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Email").fill(editor_user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("link", name="Sections")).to_be_visible()
    expect(page.get_by_role("link", name="Users")).to_have_count(0)

    # Edit the section and keep it as a draft.
    page.get_by_role("link", name="Sections").click()
    page.get_by_role("link", name="Why runners run", exact=True).click()
    page.locator("#id_body").fill(NEW_WORDS)
    page.locator("#id_status").select_option("draft")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # The public does not see the draft; the editor's preview does, marked as a draft.
    anonymous = browser.new_context().new_page()
    anonymous.goto(article_url)
    expect(anonymous.get_by_role("heading", name="Why runners run")).to_have_count(0)
    preview = page.get_by_role("link", name="Preview draft").get_attribute("href")
    page.goto(live_server.url + preview)
    expect(page.get_by_text("Draft preview.")).to_be_visible()
    expect(page.get_by_text(NEW_WORDS)).to_be_visible()
    page.go_back()

    # Publish it: now everyone sees the new words.
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    anonymous.goto(article_url)
    expect(anonymous.get_by_text(NEW_WORDS)).to_be_visible()
    expect(anonymous.get_by_text("Draft preview.")).to_have_count(0)

    # The same editor cannot open the people in the admin.
    response = page.goto(live_server.url + "/admin/auth/user/")
    assert response.status == 403
