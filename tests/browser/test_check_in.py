"""The daily check-in records only the mood the person chose, however the form is sent."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from guide.models import Stage
from journal.models import CheckIn, Journey, Role
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def onboarded(owner):
    call_command("load_guide", verbosity=0)
    Journey.start(owner, Role.CHASER, Stage.objects.get(slug="separation"))
    return owner


def test_enter_in_the_note_never_records_a_mood_nobody_chose(live_server, page, onboarded):
    sign_in(page, live_server, onboarded)
    page.goto(live_server.url + "/")
    note = page.get_by_label("A few words (optional)")
    note.fill("Tired but steady")
    note.press("Enter")
    expect(page.get_by_text("Choose how you are today; your words are kept.")).to_be_visible()
    expect(page.get_by_label("A few words (optional)")).to_have_value("Tired but steady")
    assert not CheckIn.objects.for_owner(onboarded).exists()  # not "Very low"


def test_choosing_good_then_enter_in_the_note_records_good_with_the_note(
    live_server, page, onboarded
):
    sign_in(page, live_server, onboarded)
    page.goto(live_server.url + "/")
    page.get_by_role("radio", name="Good", exact=True).check()  # one tap saves it (htmx)
    expect(page.get_by_text("You checked in today:")).to_contain_text("Good")
    note = page.get_by_label("A few words (optional)")
    note.fill("A walk helped")
    with page.expect_response("**/journey/check-in/"):
        note.press("Enter")
    expect(page.get_by_text("You checked in today:")).to_contain_text("A walk helped")
    expect(page.get_by_role("radio", name="Good", exact=True)).to_be_checked()
    check_in = CheckIn.objects.for_owner(onboarded).get()
    assert (check_in.mood, check_in.note) == (4, "A walk helped")


def test_without_javascript_choosing_and_pressing_enter_records_the_choice(
    live_server, browser, onboarded
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, onboarded)
    page.goto(live_server.url + "/")
    page.get_by_role("radio", name="Very good").check()
    page.get_by_label("A few words (optional)").fill("Sunlight")
    page.get_by_label("A few words (optional)").press("Enter")
    expect(page.get_by_text("Checked in.")).to_be_visible()
    check_in = CheckIn.objects.for_owner(onboarded).get()
    assert (check_in.mood, check_in.note) == (5, "Sunlight")
    context.close()


def test_mood_choices_are_large_touch_targets_and_never_wrap(live_server, page, onboarded):
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, onboarded)
    page.goto(live_server.url + "/")
    for value in range(1, 6):
        box = page.locator(f"label.mood-{value}").bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, value
    very_good = page.locator("label.mood-5")
    assert very_good.evaluate("el => el.scrollWidth <= el.clientWidth")  # "Very good" on one line


@pytest.mark.parametrize("width", [375, 1280])
def test_very_good_is_never_left_alone_on_a_row(live_server, page, onboarded, width):
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, onboarded)
    page.goto(live_server.url + "/")
    boxes = [page.locator(f"label.mood-{value}").bounding_box() for value in range(1, 6)]
    rows = {}
    for box in boxes:
        rows.setdefault(round(box["y"]), []).append(box)
    sizes = sorted(len(row) for row in rows.values())
    assert sizes in ([1, 1, 1, 1, 1], [2, 3]), sizes  # a column, or three then two
    assert all(box["height"] >= 44 for box in boxes)
