"""The one-tap daily mood: one per day in the person's own time zone, editable that day."""

import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from journal.models import CheckIn, Profile

pytestmark = pytest.mark.django_db


def test_a_check_in_is_saved_for_today(owner_client, owner, chaser_journey):
    response = owner_client.post("/journey/check-in/", {"mood": "4", "next": "/"})
    assert response.status_code == 302
    assert response.url == "/"
    check_in = CheckIn.objects.for_owner(owner).get()
    assert (check_in.day, check_in.mood) == (timezone.localdate(), 4)


def test_a_second_check_in_the_same_day_changes_the_first(owner_client, owner, chaser_journey):
    owner_client.post("/journey/check-in/", {"mood": "2"})
    owner_client.post("/journey/check-in/", {"mood": "3", "note": "Better after a walk"})
    check_in = CheckIn.objects.for_owner(owner).get()
    assert (check_in.mood, check_in.note) == (3, "Better after a walk")


def test_yesterdays_check_in_stays_as_it_was(owner_client, owner, chaser_journey):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    CheckIn.objects.create(owner=owner, day=yesterday, mood=1)
    owner_client.post("/journey/check-in/", {"mood": "5"})
    assert dict(CheckIn.objects.for_owner(owner).values_list("day", "mood")) == {
        yesterday: 1,
        timezone.localdate(): 5,
    }


def test_the_day_follows_the_persons_time_zone(client, owner, chaser_journey):
    Profile.objects.create(owner=owner, timezone="Pacific/Auckland")
    client.force_login(owner)
    # 23:30 in London on 10 March is already 11 March in Auckland.
    late_evening_utc = datetime.datetime(2026, 3, 10, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
        client.post("/journey/check-in/", {"mood": "3"})
    assert CheckIn.objects.for_owner(owner).get().day == datetime.date(2026, 3, 11)


def test_htmx_check_in_returns_only_the_check_in_card(owner_client, chaser_journey):
    response = owner_client.post(
        "/journey/check-in/", {"mood": "4"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="check-in"')
    assert re.search(
        r'<input type="radio" name="mood" value="4" id="mood-4" class="mood-radio" checked', html
    )
    assert "You checked in today: <strong>Good</strong>" in html


def test_the_swapped_check_in_form_still_returns_to_the_dashboard_without_javascript(
    owner_client, chaser_journey
):
    # The card htmx swaps in keeps working as a plain form: its "next" is the dashboard,
    # not the check-in address (a GET there is a blank 405 page).
    swapped = owner_client.post("/journey/check-in/", {"mood": "4"}, headers={"HX-Request": "true"})
    assert '<input type="hidden" name="next" value="/">' in swapped.content.decode()
    response = owner_client.post("/journey/check-in/", {"mood": "3", "next": "/"})
    assert response.status_code == 302
    assert response.url == "/"


def test_a_mood_outside_the_scale_gets_an_error_and_saves_nothing(
    owner_client, owner, chaser_journey
):
    response = owner_client.post(
        "/journey/check-in/", {"mood": "9", "note": "keep"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "Select a valid choice." in html
    assert 'value="keep"' in html
    assert not CheckIn.objects.for_owner(owner).exists()


def test_an_unsafe_next_address_is_ignored(owner_client, chaser_journey):
    response = owner_client.post("/journey/check-in/", {"mood": "3", "next": "https://evil.test/"})
    assert response.url == "/"


def test_a_run_of_low_moods_gently_offers_the_support_page(owner_client, owner, chaser_journey):
    today = timezone.localdate()
    for days_ago, mood in enumerate([3, 2, 4, 1]):
        CheckIn.objects.create(owner=owner, day=today - datetime.timedelta(days_ago + 1), mood=mood)
    assert "support page" not in owner_client.get("/").content.decode()
    html = owner_client.post(
        "/journey/check-in/", {"mood": "2"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert 'href="/help/"' in html
    assert "You don’t have to carry that on your own" in html


def test_low_moods_long_ago_do_not_count(owner, chaser_journey):
    today = timezone.localdate()
    moods = [4, 4, 3, 5, 4, 1, 1, 1]  # newest first: the low ones are older than the last five
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, day=today - datetime.timedelta(n), mood=m) for n, m in enumerate(moods)
    )
    assert not CheckIn.objects.for_owner(owner).low_run()


def test_the_come_back_streak_forgives_a_missed_day_or_two(owner, chaser_journey):
    today = timezone.localdate()
    came_back = [0, 1, 3, 4, 7, 8, 12]  # days ago; gaps of one and two days, then three
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, day=today - datetime.timedelta(n), mood=3) for n in came_back
    )
    assert chaser_journey.showing_up(today) == (6, today - datetime.timedelta(8))


def test_not_having_come_back_yet_today_keeps_the_streak(owner, chaser_journey):
    today = timezone.localdate()
    CheckIn.objects.create(owner=owner, day=today - datetime.timedelta(1), mood=3)
    assert chaser_journey.showing_up(today) == (1, today - datetime.timedelta(1))


def test_the_streak_never_scolds(owner_client, owner, chaser_journey):
    html = owner_client.get("/").content.decode().lower()
    assert "broke" not in html and "lost your streak" not in html
    assert "whenever you come back is the right time" in html


def test_a_note_without_a_mood_records_nothing_and_keeps_the_words(
    owner_client, owner, chaser_journey
):
    """Pressing Enter in the note sends no mood: nothing is recorded, the words stay."""
    response = owner_client.post("/journey/check-in/", {"note": "Tired but okay", "next": "/"})
    assert response.status_code == 400
    assert "Choose how you are today; your words are kept." in response.text
    assert 'value="Tired but okay"' in response.text
    assert not CheckIn.objects.for_owner(owner).exists()


def test_the_check_in_form_has_no_mood_that_a_keyboard_can_send_by_default(
    owner_client, chaser_journey
):
    """The form's first submit button (what Enter presses) carries no mood."""
    page = owner_client.get("/").text
    form = re.search(r'<form[^>]*action="/journey/check-in/".*?</form>', page, re.S).group(0)
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert 'name="mood"' not in first_button
    assert len(re.findall(r'type="radio" name="mood"', form)) == 5


def test_one_very_low_check_in_shows_a_gentle_line_with_the_help_link(
    owner_client, owner, chaser_journey
):
    html = owner_client.post(
        "/journey/check-in/", {"mood": "1"}, headers={"HX-Request": "true"}
    ).content.decode()
    note = html[html.index('<div class="gentle-note">') :]
    assert "That sounds like a very hard day." in note
    assert '<a href="/help/">Get help</a>' in note
    assert '<a href="/help/right-now/">Hurting right now?</a>' in note
    assert "That sounds like a very hard day." in owner_client.get("/").content.decode()


def test_the_very_low_line_goes_when_today_is_changed_to_another_mood(
    owner_client, owner, chaser_journey
):
    owner_client.post("/journey/check-in/", {"mood": "1"})
    owner_client.post("/journey/check-in/", {"mood": "3"})
    assert "That sounds like a very hard day." not in owner_client.get("/").content.decode()


def test_a_very_low_day_in_the_past_alone_shows_no_line(owner_client, owner, chaser_journey):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    CheckIn.objects.create(owner=owner, day=yesterday, mood=1)
    html = owner_client.get("/").content.decode()
    assert "gentle-note" not in html


def test_nobody_else_sees_someone_elses_very_low_day(client, owner, other_user, chaser_journey):
    from journal.models import Journey, Role

    CheckIn.record(owner, mood=1)
    Journey.start(other_user, Role.RUNNER, chaser_journey.stage)
    client.force_login(other_user)
    html = client.get("/").content.decode()
    assert "That sounds like a very hard day." not in html
    assert "gentle-note" not in html
