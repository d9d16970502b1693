"""Every page type in real Chromium: no Content Security Policy violation, no console error.

An init script records `securitypolicyviolation` events into window.__csp before any
page script runs; console errors and warnings and uncaught page errors are collected too.
"""

import pytest
from django.test import Client

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


def sign_in(page, live_server, user):
    """The browser gets the session of a person signed in the usual way."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


class Watcher:
    def __init__(self, page):
        self.page = page
        self.console = []
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
        assert response.status == expect_status, f"{url}: {response.status}"
        self.page.wait_for_load_state("networkidle")
        if expect_status != 200:  # Chromium reports the page's own status as an error.
            own = f"status of {expect_status}"
            self.console = [line for line in self.console if own not in line]
        self.check()

    def check(self):
        violations = self.page.evaluate("window.__csp")
        self.visited += 1
        assert not violations, f"CSP violations on {self.page.url}: {violations}"
        assert not self.console, "\n".join(self.console)


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
        f"/journal/{entry.pk}/",
        "/journal/new/",
        f"/journal/{entry.pk}/edit/",
        f"/journal/{entry.pk}/delete/",
        "/journal/draft/discard/",
        "/journal/settings/",
        "/journal/data/",
        "/journey/",
        "/journey/start/",
        "/journey/history/",
        "/journey/history/?days=365",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/sessions/",
        "/accounts/reauthenticate/",
    ]:
        watcher.visit(base + path)

    # htmx at work: a quick entry from the list swaps a fragment in.
    watcher.visit(base + "/journal/")
    quick = page.locator("#quick-entry")
    quick.get_by_label("What is on your mind?").fill("A quick line")
    quick.get_by_role("button").first.click()
    page.wait_for_load_state("networkidle")
    watcher.check()

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
    print(f"CSP: {watcher.visited} page views, 0 violations")
