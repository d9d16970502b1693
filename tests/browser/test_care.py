"""In Chromium: the quick exit on the help pages (with and without JavaScript), and the
tracker's choice between the two ways on from integration.

The neutral site is outside the sandbox, so every request leaving the test server is
answered by Playwright's router with a stand-in page: the navigation and the history
are real, the network is not.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from guide.models import Stage
from journal.models import CheckIn, Journey, Role, Transition
from tests.browser.test_csp import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = os.environ.get("CARE_SHOTS")  # a folder: also take screenshots there
OUTSIDE = re.compile(r"^https?://(?!127\.0\.0\.1|localhost)")


def stand_in_for_the_outside_world(context):
    visited = []

    def answer(route):
        visited.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>")

    context.route(OUTSIDE, answer)
    return visited


@pytest.fixture
def guide(transactional_db):
    call_command("load_guide", verbosity=0)
    return {stage.slug: stage for stage in Stage.objects.all()}


@pytest.mark.parametrize("path", ["/help/", "/help/right-now/"])
def test_quick_exit_with_javascript_leaves_and_takes_the_page_out_of_the_history(
    live_server, page, guide, path
):
    visited = stand_in_for_the_outside_world(page.context)
    page.goto(live_server.url + "/")
    page.goto(live_server.url + path)
    length = page.evaluate("history.length")

    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(settings.QUICK_EXIT_URL)
    assert visited == [settings.QUICK_EXIT_URL]
    assert page.evaluate("history.length") == length  # replaced, not added

    page.go_back()
    assert page.url == live_server.url + "/"  # back skips the help page


def test_quick_exit_without_javascript_is_a_plain_link_that_still_leaves(
    live_server, browser, guide
):
    context = browser.new_context(java_script_enabled=False)
    visited = stand_in_for_the_outside_world(context)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.goto(live_server.url + "/help/")

    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(settings.QUICK_EXIT_URL)
    assert visited == [settings.QUICK_EXIT_URL]
    page.go_back()  # a plain link cannot rewrite the history: the page is still there
    assert page.url == live_server.url + "/help/"
    context.close()


def test_choosing_a_way_on_from_integration_then_moving_across(live_server, page, guide, owner):
    journey = Journey.start(owner, Role.NOT_SURE, guide["separation"])
    journey.move_to(guide["integration"])
    sign_in(page, live_server, owner)
    page.goto(live_server.url + "/journey/")

    choice = page.get_by_role("group", name=re.compile("Ways on from here"))
    expect(choice).to_be_visible()
    expect(choice.get_by_role("button")).to_have_text(["Move to Reunion", "Move to Peace apart"])
    page.get_by_label("A note for your timeline (optional)").fill("I have stopped waiting.")
    choice.get_by_role("button", name="Move to Peace apart").click()

    expect(page.get_by_role("heading", name="Peace apart", exact=True)).to_be_visible()
    expect(page.get_by_text("Peace apart is complete in itself")).to_be_visible()
    page.get_by_role("button", name="Move to Reunion instead").click()
    expect(page.get_by_role("heading", name="Reunion", exact=True)).to_be_visible()
    assert list(Transition.objects.for_owner(owner).values_list("to_stage__slug", flat=True)) == [
        "separation",
        "integration",
        "peace-apart",
        "reunion",
    ]

    if SHOTS:
        take_screenshots(page, live_server, owner, guide, Path(SHOTS))


def take_screenshots(page, live_server, owner, guide, folder):
    """The new pages and the tracker's choice, light and dark, at 375 and 1280 px."""
    Journey.objects.filter(owner=owner).update(stage=guide["integration"])
    CheckIn.record(owner, mood=1)
    folder.mkdir(parents=True, exist_ok=True)
    state = page.context.storage_state()
    pages = {
        "right-now": "/help/right-now/",
        "help": "/help/",
        "choice": "/journey/#move-heading",
        "dashboard": "/",
        "guide-stage": "/guide/stages/peace-apart/",
    }
    for scheme in ("light", "dark"):
        for width in (375, 1280):
            context = page.context.browser.new_context(
                storage_state=state, color_scheme=scheme, viewport={"width": width, "height": 900}
            )
            stand_in_for_the_outside_world(context)
            shot = context.new_page()
            for name, path in pages.items():
                shot.goto(live_server.url + path)
                if name == "choice":
                    shot.locator(".journey-move").screenshot(
                        path=str(folder / f"{name}-{scheme}-{width}.png")
                    )
                else:
                    shot.screenshot(
                        path=str(folder / f"{name}-{scheme}-{width}.png"), full_page=True
                    )
            context.close()
            visitor = page.context.browser.new_context(
                color_scheme=scheme, viewport={"width": width, "height": 900}
            )
            shot = visitor.new_page()
            for name, path in {"home": "/", "guide": "/guide/"}.items():
                shot.goto(live_server.url + path)
                shot.screenshot(path=str(folder / f"{name}-{scheme}-{width}.png"))
            visitor.close()
