"""Every page type in real Chromium: no Content Security Policy report, no console error.

An init script records `securitypolicyviolation` events into window.__csp before any
page script runs; console errors and warnings and uncaught page errors are collected too.
Every page and every htmx swap is visited and checked; the test fails at the end with the
whole list, so one run shows every page that needs fixing.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.security.conftest import furnished  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile,
    line: event.lineNumber,
  });
});
"""


class Watcher:
    def __init__(self, page):
        self.page = page
        self.console = []
        self.problems = []
        self.visited = 0
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        page.on("response", self._response)

    def _response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.console.append(f"{response.status} for {response.url} ({self.page.url})")

    def _console(self, message):
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text} ({self.page.url})")

    def visit(self, url, expect_status=200):
        response = self.page.goto(url)
        if response.status != expect_status:
            self.problems.append(f"{url}: HTTP {response.status}")
        self.page.wait_for_load_state("networkidle")
        if expect_status != 200:  # Chromium reports the page's own status as an error.
            own = f"status of {expect_status}"
            self.console = [line for line in self.console if own not in line]
        self.check()

    def check(self, what=""):
        """Note this page's (or this swap's) reports; the test asserts once, at the end."""
        violations = self.page.evaluate("window.__csp.splice(0)")
        self.visited += 1
        where = f"{self.page.url}{' after ' + what if what else ''}"
        self.problems += [f"CSP report on {where}: {v}" for v in violations]
        self.problems += [f"{line} [{where}]" for line in self.console]
        self.console.clear()

    def assert_clean(self):
        assert not self.problems, f"{len(self.problems)} problem(s):\n" + "\n".join(self.problems)


def test_no_page_breaks_the_content_security_policy(live_server, page, furnished, superuser):  # noqa: F811
    base = live_server.url
    watcher = Watcher(page)
    entry, stage, article = furnished["entry"], furnished["stage"], furnished["article"]

    # Visitors: the public guide and the doors in.
    for path in [
        "/",
        "/guide/",
        f"/guide/{article.slug}/",
        f"/guide/stages/{stage.slug}/",
        "/guide/search/?q=runner",
        "/help/",
        "/help/right-now/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
    ]:
        watcher.visit(base + path)
    watcher.visit(base + "/no-such-page/", expect_status=404)

    # The owner: dashboard, journal, tracker, account and data pages.
    sign_in(page, live_server, furnished["owner"])
    for path in [
        "/",
        "/journal/",
        "/journal/?q=entry&mood=2",
        entry.get_absolute_url(),
        "/journal/new/",
        f"/journal/{entry.public_id}/edit/",
        f"/journal/{entry.public_id}/delete/",
        "/journal/draft/discard/",
        "/journal/settings/",
        "/journal/data/",
        "/journey/",
        "/journey/start/",
        "/journey/history/",
        "/journey/history/?days=365",
        "/journey/history/?year=2025",
        "/journal/letters/",
        "/journal/letters/new/",
        "/journal/letters/new/future/",
        f"/journal/letters/{furnished['letter'].public_id}/",
        f"/journal/letters/{furnished['letter'].public_id}/edit/",
        f"/journal/letters/{furnished['letter'].public_id}/let-go/",
        f"/journal/letters/{furnished['sealed_letter'].public_id}/",
        "/journal/reminders/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/sessions/",
        "/accounts/reauthenticate/",
    ]:
        watcher.visit(base + path)

    # htmx at work: every kind of swap on the dashboard, the journal and the tracker.
    # A control the browser itself gave an inline size (a dragged textarea corner, a zoom
    # extension) must not make htmx's settling copy that style attribute across a swap.
    resize = "el => { el.style.height = '9rem'; }"
    watcher.visit(base + "/")
    page.get_by_label("A few words (optional)").evaluate(resize)
    page.get_by_role("radio", name="Good", exact=True).check()
    expect(page.get_by_text("You checked in today:")).to_contain_text("Good")
    page.wait_for_load_state("networkidle")
    watcher.check("a check-in")
    page.get_by_label("A few words (optional)").fill("Better")
    page.get_by_label("A few words (optional)").press("Enter")
    page.wait_for_load_state("networkidle")
    watcher.check("a check-in note")

    watcher.visit(base + "/journal/")
    page.get_by_text("Quick note").click()
    quick = page.locator("#quick-entry")
    quick.get_by_label("What is on your mind?").evaluate(resize)
    quick.get_by_label("What is on your mind?").fill("A quick line")
    quick.get_by_role("button", name="Save entry").click()
    expect(page.locator("#quick-entry")).to_contain_text("Saved")
    page.wait_for_load_state("networkidle")
    watcher.check("a quick entry")
    page.get_by_label("Search your journal").press_sequentially("quick", delay=20)
    expect(page.locator("#entry-results")).to_contain_text("found")
    page.wait_for_load_state("networkidle")
    watcher.check("a search")
    page.get_by_text("Filter", exact=True).click()
    page.locator(".journal-filters").get_by_label("Mood").select_option(label="Low")
    page.wait_for_load_state("networkidle")
    watcher.check("a filter")
    page.go_back()
    page.wait_for_load_state("networkidle")
    watcher.check("going back through htmx history")

    watcher.visit(base + "/journey/")
    page.locator(".practice-toggle").first.click()
    page.wait_for_load_state("networkidle")
    watcher.check("ticking a practice")

    # An editor's desk: the admin index, a list and a change form.
    page.context.clear_cookies()
    sign_in(page, live_server, superuser)
    for path in [
        "/admin/",
        "/admin/guide/article/",
        f"/admin/guide/article/{article.pk}/change/",
        f"/admin/guide/stage/{stage.pk}/change/",
    ]:
        watcher.visit(base + path)
    watcher.assert_clean()
    print(f"CSP: {watcher.visited} page views and swaps, 0 reports")
