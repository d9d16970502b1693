"""Script in an entry never runs in a real browser: on the list, the page, and after htmx swaps."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.journal.factories import EntryFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOAD = "\n\n".join(
    [
        "<script>window.xss = 1; document.title = 'pwned'</script>",
        "<img src=x onerror=\"window.xss = 2; document.title = 'pwned'\">",
        "[click me](javascript:window.xss=3)",
        '<svg onload="window.xss = 4"></svg>',
        '<a href="javascript:window.xss=5">link</a>',
        '<details open ontoggle="window.xss = 6"></details>',
    ]
)


def assert_nothing_ran(page):
    assert page.evaluate("typeof window.xss") == "undefined"
    assert "pwned" not in page.title()
    sources = page.evaluate(
        "Array.from(document.scripts).map(s => s.getAttribute('src') || 'INLINE')"
    )
    assert all(src.startswith("/static/") for src in sources), sources
    handlers = page.evaluate(
        """Array.from(document.querySelectorAll('*')).flatMap(el =>
             Array.from(el.attributes).filter(a => a.name.startsWith('on')).map(a => a.name))"""
    )
    assert handlers == []
    links = page.evaluate("Array.from(document.links).map(a => a.href)")
    assert not [href for href in links if href.lower().startswith("javascript:")]


def test_xss_payloads_in_an_entry_do_not_run(live_server, page, owner):
    entry = EntryFactory(owner=owner, title="<script>window.xss=9</script>", body=PAYLOAD)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(owner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.locator("summary", has_text="Account")).to_be_visible()  # signed in

    page.goto(live_server.url + "/journal/")
    expect(page.locator(f"#entry-{entry.public_id}")).to_contain_text("window.xss")
    assert_nothing_ran(page)

    page.goto(live_server.url + entry.get_absolute_url())
    expect(page.locator(".entry-body")).to_contain_text("window.xss = 1")
    assert_nothing_ran(page)
    # markdown-it and nh3 both refuse javascript: links: no link is left to click.
    expect(page.get_by_role("link", name="click me")).to_have_count(0)

    # After an htmx swap (inline edit, then cancel) the card is still inert.
    page.get_by_role("link", name="Edit").click()
    expect(page.locator("#entry-card").get_by_role("button", name="Save changes")).to_be_visible()
    assert_nothing_ran(page)
    page.locator("#entry-card").get_by_role("link", name="Cancel").click()
    expect(page.locator(".entry-body")).to_contain_text("window.xss = 1")
    assert_nothing_ran(page)
