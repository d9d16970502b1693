"""Letters in a real browser, with JavaScript on and off: write, seal, open, let go."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from journal.letters.models import Kind, Letter, Seal
from journal.models import Journey, Role
from tests.browser.test_privacy import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("BEYOND_SHOTS")  # a folder: also take screenshots there


@pytest.fixture
def guide(transactional_db):
    from django.core.management import call_command

    call_command("load_guide", verbosity=0)
    from guide.models import Stage

    return {stage.slug: stage for stage in Stage.objects.all()}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_unsent_letter_is_written_and_let_go(live_server, browser, javascript):
    person = UserFactory()
    page = browser.new_context(java_script_enabled=javascript).new_page()
    base = live_server.url
    sign_in(page, base, person.email)

    page.goto(base + "/journal/")
    page.get_by_role("link", name="Letters").click()
    page.get_by_role("link", name="Write an unsent letter").click()
    page.get_by_label("Your letter").fill("")
    page.get_by_role("button", name="Keep the letter").click()
    expect(page.get_by_text("Write a few words first.")).to_be_visible()
    page.get_by_label("Title (optional)").fill("To you")
    page.get_by_label("Your letter").fill("I wish you had stayed to talk.")
    page.get_by_role("button", name="Keep the letter").click()
    expect(page.get_by_text("Saved. Nobody will receive it; it is yours alone.")).to_be_visible()
    expect(page.get_by_text("I wish you had stayed to talk.")).to_be_visible()

    # Not in the journal list.
    page.goto(base + "/journal/")
    expect(page.get_by_text("To you")).to_have_count(0)

    # Put away, found again, then let go for good.
    page.goto(base + "/journal/letters/")
    page.get_by_role("link", name="To you", exact=True).click()
    page.get_by_role("link", name="Let it go").click()
    expect(page.get_by_text("This cannot be undone.")).to_be_visible()
    page.get_by_label("Put it away out of sight").check()
    page.get_by_role("button", name="Let it go").click()
    expect(page.get_by_text("The letter is put away.")).to_be_visible()
    expect(page.get_by_role("link", name="To you", exact=True)).to_have_count(0)
    page.get_by_role("link", name="Letters you put away").click()
    page.get_by_role("link", name="To you", exact=True).click()
    page.get_by_role("link", name="Let it go").click()
    page.get_by_label("Delete it for good").check()
    page.get_by_role("button", name="Let it go").click()
    expect(page.get_by_text("The letter is gone.")).to_be_visible()
    assert not Letter.objects.filter(owner=person).exists()


def test_a_letter_to_the_future_stays_sealed_until_the_next_move(live_server, page, guide):
    person = UserFactory()
    journey = Journey.start(person, Role.RUNNER, guide["separation"])
    base = live_server.url
    sign_in(page, base, person.email)

    page.goto(base + "/journal/letters/")
    page.get_by_role("link", name="Write to your future self").click()
    page.get_by_label("Your letter").fill("You are allowed to rest.")
    page.get_by_label("Until I next move stage").check()
    page.get_by_role("button", name="Seal the letter").click()
    expect(page.get_by_text("Sealed. It will wait for you.")).to_be_visible()
    expect(page.get_by_role("link", name="A sealed letter")).to_be_visible()
    page.get_by_role("link", name="A sealed letter").click()
    expect(page.get_by_text("It opens when you next move stage.")).to_be_visible()
    expect(page.get_by_text("You are allowed to rest.")).to_have_count(0)
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "letter-sealed.png"), full_page=True)

    journey.move_to(guide["integration"])
    page.goto(base + "/")
    expect(page.get_by_role("heading", name="A letter from you has opened")).to_be_visible()
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "dashboard-letter.png"), full_page=True)
    page.get_by_role("link", name="Read your letter").click()
    expect(page.get_by_text("You are allowed to rest.")).to_be_visible()
    page.goto(base + "/")
    expect(page.get_by_role("heading", name="A letter from you has opened")).to_have_count(0)


def test_a_dated_letter_says_when_it_opens_on_the_dashboard(live_server, page, guide):
    person = UserFactory()
    Journey.start(person, Role.CHASER, guide["separation"])
    opens = timezone.localdate() + datetime.timedelta(days=30)
    Letter.objects.create(owner=person, kind=Kind.FUTURE, seal=Seal.DATE, open_on=opens, body="x")
    sign_in(page, live_server.url, person.email)
    page.goto(live_server.url + "/")
    expect(page.get_by_text(f"A letter to yourself opens on {opens:%-d %B %Y}.")).to_be_visible()


def test_another_person_gets_404_for_a_letter(live_server, browser):
    owner, other = UserFactory(), UserFactory()
    letter = Letter.objects.create(owner=owner, kind=Kind.UNSENT, body="Only mine to read")
    page = browser.new_context().new_page()
    sign_in(page, live_server.url, other.email)
    for suffix in ("", "edit/", "let-go/"):
        response = page.goto(f"{live_server.url}/journal/letters/{letter.public_id}/{suffix}")
        assert response.status == 404
    expect(page.get_by_text("Only mine to read")).to_have_count(0)


@pytest.mark.skipif(not SHOTS, reason="set BEYOND_SHOTS to a folder to take screenshots")
def test_screenshots_of_the_new_pages(live_server, browser, guide):
    person = UserFactory()
    Journey.start(person, Role.CHASER, guide["separation"])
    unsent = Letter.objects.create(owner=person, kind=Kind.UNSENT, title="To you",
                                   body="I wish you had *stayed* to talk.")  # fmt: skip
    Letter.objects.create(owner=person, kind=Kind.FUTURE, seal=Seal.NEXT_STAGE, body="x")
    pages = {
        "letters": "/journal/letters/",
        "letter-new-future": "/journal/letters/new/future/",
        "letter-unsent": unsent.get_absolute_url(),
        "letter-let-go": f"/journal/letters/{unsent.public_id}/let-go/",
        "reminders": "/journal/reminders/",
        "data": "/journal/data/",
    }
    for scheme in ("light", "dark"):
        for width in (375, 1280):
            context = browser.new_context(
                viewport={"width": width, "height": 800}, color_scheme=scheme
            )
            page = context.new_page()
            sign_in(page, live_server.url, person.email)
            for name, path in pages.items():
                page.goto(live_server.url + path)
                assert page.evaluate("document.documentElement.scrollWidth") <= width, name
                shot = Path(SHOTS) / f"{name}-{width}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
            context.close()
