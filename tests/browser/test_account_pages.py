"""allauth's pages in the site's design: legible in both colour schemes and on a phone."""

import pytest
from allauth.usersessions.models import UserSession
from playwright.sync_api import expect

from tests.accounts.sessions import live_session_key
from tests.browser.helpers import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0"
CHROME_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg-no/1.0 SomeVeryLongTokenWithoutSpaces"
)


def test_the_mfa_qr_code_has_a_light_quiet_zone_in_dark_mode(live_server, browser, owner):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/accounts/2fa/totp/activate/")
    if "/reauthenticate/" in page.url:
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    qr = page.locator(".qr-code")
    expect(qr.locator("img")).to_be_visible()
    background = qr.evaluate("el => getComputedStyle(el).backgroundColor")
    padding = qr.evaluate("el => parseFloat(getComputedStyle(el).paddingTop)")
    page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)"
    assert padding >= 16  # the quiet zone a camera needs around the code
    assert page_background != background  # the page itself really is dark
    context.close()


def test_sessions_fit_a_phone_and_name_devices_as_people_say_them(live_server, page, owner):
    UserSession.objects.create(
        user=owner,
        ip="203.0.113.7",
        session_key=live_session_key(owner),
        user_agent=FIREFOX_ANDROID,
    )
    UserSession.objects.create(
        user=owner,
        ip="198.51.100.23",
        session_key=live_session_key(owner),
        user_agent=CHROME_WINDOWS,
    )
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/accounts/sessions/")
    main = page.locator("main")
    expect(main).to_contain_text("Firefox on Android")
    expect(main).to_contain_text("Chrome on Windows")
    expect(main).to_contain_text("from 203.0.113.7")
    expect(main).not_to_contain_text("Mozilla/5.0")
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
