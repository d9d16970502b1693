"""A new visitor signs up, confirms their address, signs out and in again (real Chromium)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "quiet-harbour-lights-7"


def confirmation_link():
    match = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    return match.group(0)


def test_visitor_signs_up_confirms_signs_out_and_signs_in_again(live_server, page):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Email").fill("river@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Verify your email address")).to_be_visible()

    # The confirmation link from the message that was sent, opened in the browser.
    link = confirmation_link().replace("http://testserver", live_server.url)
    link = re.sub(r"^https?://[^/]+", live_server.url, link)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()  # signed in

    page.locator("summary", has_text="Account").click()  # the account menu, a <details>
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()

    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill("river@example.com")
    page.get_by_label("Password").fill("not-my-password")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(
        page.get_by_text("The email address and/or password you specified are not correct.")
    ).to_be_visible()
    # The address typed is still there.
    expect(page.get_by_label("Email")).to_have_value("river@example.com")

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()  # signed in


def test_taken_email_is_answered_like_any_sign_up_in_the_browser(live_server, page, owner):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    # Nobody at the keyboard learns that the address has an account; its owner is told.
    expect(page.get_by_role("heading", name="Verify your email address")).to_be_visible()
    expect(page.get_by_text("already registered")).to_have_count(0)
    assert mail.outbox[-1].to == [owner.email]
    assert "Someone tried to sign up with your address" in mail.outbox[-1].subject
