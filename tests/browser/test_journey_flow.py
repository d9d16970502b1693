"""Sign up, begin as a chaser in separation, practise, write, check in and move on."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from journal.models import CheckIn, Entry, PracticeTick, Transition

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "quiet-harbour-lights-7"
SHOTS = os.environ.get("JOURNEY_SHOTS")  # a folder: also take dashboard screenshots there


@pytest.fixture
def guide(transactional_db):
    from django.core.management import call_command

    call_command("load_guide", verbosity=0)


def sign_up_and_confirm(page, live_server, email):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, link))
    page.get_by_role("button", name="Confirm").click()


def test_chaser_begins_practises_writes_checks_in_and_moves_on(live_server, page, guide):
    sign_up_and_confirm(page, live_server, "wren@example.com")

    # Straight after sign-up: onboarding.
    expect(page.get_by_role("heading", name="Let’s begin, gently")).to_be_visible()
    page.get_by_label("The chaser").check()
    page.get_by_label("Separation").check()
    page.get_by_label("Your intention (optional)").fill("To sleep through the night again")
    page.get_by_role("button", name="Begin").click()
    expect(page.get_by_role("heading", name="Separation", exact=True)).to_be_visible()

    # Two practices ticked in place (htmx), the count follows.
    for title in (
        "Go one day without checking their social media",
        "Spend one evening doing something just for you",
    ):
        toggle = page.get_by_role("button", name=title)
        toggle.click()
        expect(page.get_by_role("button", name=title)).to_have_attribute("aria-pressed", "true")
        expect(page.get_by_role("button", name=title)).to_be_focused()  # focus survives the swap
    expect(page.get_by_text("2 of 7 tried so far")).to_be_visible()
    # "What next" follows at once: it never suggests a practice just ticked.
    what_next = page.locator("#journey-next")
    expect(what_next).not_to_contain_text("Spend one evening doing something just for you")
    expect(what_next).not_to_contain_text("Go one day without checking their social media")
    assert page.url == live_server.url + "/journey/"  # no full-page reload

    # The chaser's prompt comes first; it opens a new journal entry linked to it.
    prompt = "When I feel the urge to reach out, what am I hoping to feel"
    expect(page.locator(".prompt-list li").first).to_contain_text(prompt)
    page.locator(".prompt-list li").first.get_by_role("link", name="Write about this").click()
    expect(page.get_by_text(prompt)).to_be_visible()
    page.get_by_label("What is on your mind?").fill("I wanted to feel chosen. I can choose me.")
    page.get_by_label("Mood").select_option(label="Low")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Saved. It is yours alone.")).to_be_visible()
    entry = Entry.objects.get(owner__email="wren@example.com")
    assert entry.prompt.text.startswith(prompt)

    # The daily check-in on the dashboard, one tap.
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Welcome", exact=True)).to_be_visible()
    page.get_by_role("radio", name="Okay", exact=True).check()
    expect(page.get_by_text("You checked in today:")).to_be_visible()
    expect(page.get_by_role("radio", name="Okay", exact=True)).to_be_checked()

    # Moving on, with a note.
    page.get_by_role("link", name="Go to your stage").click()
    page.get_by_label("A note for your timeline (optional)").fill("The urge to check has eased.")
    page.get_by_role("button", name="Move on to Integration").click()
    expect(page.get_by_role("heading", name="Integration", exact=True)).to_be_visible()

    # The timeline and the mood picture show all of it.
    page.get_by_role("link", name="Your timeline and pictures").click()
    moves = page.locator(".timeline-item")
    expect(moves).to_have_count(2)
    expect(moves.first).to_contain_text("From Separation to Integration")
    expect(moves.first).to_contain_text("The urge to check has eased.")
    expect(moves.last).to_contain_text("Began in Separation")
    today = timezone.localdate().isoformat()
    # The check-in is the day's mood; the entry's mood is its own mark, not averaged in.
    expect(page.locator(f".chart-mood .chart-point[data-day='{today}']")).to_have_attribute(
        "data-mood", "3"
    )
    expect(page.locator(f".chart-mood .chart-entry-mood[data-day='{today}']")).to_have_attribute(
        "data-mood", "2"
    )
    expect(page.locator(".chart-mood rect[data-stage='integration']")).to_have_count(1)
    expect(page.locator(".chart-practices rect[data-stage='separation']")).to_have_attribute(
        "data-done", "2"
    )

    if SHOTS:
        take_dashboard_screenshots(page, live_server, Path(SHOTS))


def take_dashboard_screenshots(page, live_server, folder):
    """A month of history, then the dashboard in both colour schemes at two widths."""
    owner = Entry.objects.get().owner
    today = timezone.localdate()
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, day=today - datetime.timedelta(n), mood=1 + (n * 7 // 3) % 5)
        for n in range(1, 27)
        if n % 6
    )
    # Began in separation four weeks ago, moved on six days ago.
    first, move = Transition.objects.for_owner(owner).order_by("created_at")
    Transition.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=27)
    )
    Transition.objects.filter(pk=move.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=6)
    )
    PracticeTick.set_done(owner, owner.journey.practices().first(), True)
    folder.mkdir(parents=True, exist_ok=True)
    state = page.context.storage_state()
    for scheme in ("light", "dark"):
        for width in (1280, 375):
            context = page.context.browser.new_context(
                storage_state=state, color_scheme=scheme, viewport={"width": width, "height": 900}
            )
            shot = context.new_page()
            shot.goto(live_server.url + "/")
            shot.screenshot(path=str(folder / f"dashboard-{scheme}-{width}.png"), full_page=True)
            shot.goto(live_server.url + "/journey/")
            shot.screenshot(path=str(folder / f"stage-{scheme}-{width}.png"), full_page=True)
            shot.goto(live_server.url + "/journey/history/?days=90")
            shot.screenshot(path=str(folder / f"history-{scheme}-{width}.png"), full_page=True)
            context.close()
