"""The year at a glance and gentle reminders, in a real browser."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from journal.models import CheckIn, Journey, Profile, Role
from journal.reminders.models import ReminderSettings
from journal.reminders.sending import send_due
from tests.browser.test_letters_flow import guide  # noqa: F401  (fixture)
from tests.browser.test_privacy import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("BEYOND_SHOTS")
CHART_LABEL_SIZES = """
[...document.querySelectorAll('.chart-label')]
  .filter((el) => el.getBoundingClientRect().width > 0)
  .map((el) => [el.textContent, parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a])
"""
LABELS_OVERLAP = """(svg) => {
  const boxes = [...svg.querySelectorAll('.chart-label')].map((el) => el.getBoundingClientRect())
    .filter((box) => box.width > 0);
  return boxes.some((a, i) => boxes.slice(i + 1).some((b) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
}"""


def test_the_year_in_pixels_is_drawn_with_a_table_and_reads_in_both_themes(
    live_server,
    browser,
    guide,  # noqa: F811
):
    person = UserFactory()
    journey = Journey.start(person, Role.CHASER, guide["separation"])
    today = timezone.localdate()
    first = today.replace(month=1, day=1)
    days = [first + datetime.timedelta(days=n) for n in range((today - first).days + 1)]
    CheckIn.objects.bulk_create(
        CheckIn(owner=person, day=day, mood=(n * 7 // 5) % 5 + 1)
        for n, day in enumerate(days)
        if n % 4
    )
    journey.move_to(guide["integration"])
    for scheme in ("light", "dark"):
        for width in (375, 1280):
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            sign_in(page, live_server.url, person.email)
            page.goto(live_server.url + "/journey/history/")
            # Across on a wide screen, standing on end (a column a month) on a phone.
            year = page.locator("svg.year-svg" if width > 700 else "svg.year-tall-svg")
            expect(year).to_be_visible()
            expect(page.locator(".chart-year svg:visible")).to_have_count(1)
            small = [
                (text, size) for text, size in page.evaluate(CHART_LABEL_SIZES) if size < 12 - 0.05
            ]
            assert not small, f"chart labels under 12 px at {width} px: {small}"
            assert not year.evaluate(LABELS_OVERLAP), f"the year's labels overlap at {width} px"
            expect(page.locator("rect.year-day")).to_have_count(
                len(days) + ((today.replace(month=12, day=31) - today).days)
            )
            expect(page.locator("rect.year-move")).to_have_count(1)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            if SHOTS:
                year.scroll_into_view_if_needed()
                section = page.locator("section", has=year)
                section.screenshot(path=str(Path(SHOTS) / f"year-{width}-{scheme}.png"))
            context.close()
    page = browser.new_page()
    sign_in(page, live_server.url, person.email)
    page.goto(live_server.url + "/journey/history/")
    page.get_by_text("The days, as a list").click()
    expect(page.get_by_role("row", name=re.compile(rf"^{today:%-d %B %Y}"))).to_be_visible()
    page.get_by_role("link", name=f"← {today.year - 1}").click()
    expect(page.get_by_role("heading", name=f"{today.year - 1} at a glance")).to_be_visible()


def test_reminders_are_turned_on_then_stopped_from_the_email_without_signing_in(
    live_server, browser
):
    person = UserFactory()
    Profile.objects.create(owner=person, timezone="Pacific/Auckland")
    page = browser.new_page()
    sign_in(page, live_server.url, person.email)
    page.goto(live_server.url + "/journal/settings/")
    page.get_by_role("link", name="Reminders").click()
    expect(page.get_by_text("Pacific/Auckland")).to_be_visible()
    page.get_by_label("Remind me to check in, every day").check()
    page.get_by_label("At what time").fill("08:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved. You can change or stop reminders")).to_be_visible()
    assert ReminderSettings.objects.get(owner=person).check_in

    # 08:00 in Auckland on 5 March is 19:00 UTC on 4 March.
    assert send_due(datetime.datetime(2026, 3, 4, 19, 0, tzinfo=datetime.UTC)) == 1
    link = re.search(r"https?://\S+/reminders/unsubscribe/\S+/", mail.outbox[-1].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    stranger = browser.new_page()  # no session at all
    stranger.goto(live_server.url + path)
    expect(stranger.get_by_role("heading", name="Stop these reminders?")).to_be_visible()
    stranger.get_by_role("button", name="Stop the reminders").click()
    expect(stranger.get_by_role("heading", name="Reminders stopped")).to_be_visible()
    assert not ReminderSettings.objects.get(owner=person).check_in
    stranger.goto(live_server.url + path)
    expect(stranger.get_by_role("heading", name="Already stopped")).to_be_visible()
