"""The year at a glance on /journey/history/: a square a day, coloured by the check-in."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal.journey.year import build_year, year_for
from journal.models import CheckIn, Journey, Profile, Role, Transition

pytestmark = pytest.mark.django_db


def squares(page):
    return re.findall(r'<rect class="year-day ([^"]*)"[^>]*data-day="([\d-]+)"', page)


def test_every_day_of_the_year_has_one_square():
    picture = build_year(2024, datetime.date(2024, 12, 31), {}, {})
    assert len(picture.squares) == 366
    assert {s.css_class for s in picture.squares} == {"year-day is-empty"}


def test_a_square_takes_the_days_mood_and_days_ahead_are_marked_future():
    today = datetime.date(2026, 3, 10)
    picture = build_year(2026, today, {datetime.date(2026, 3, 9): 4}, {})
    by_day = {s.day: s for s in picture.squares}
    assert by_day[datetime.date(2026, 3, 9)].css_class == "year-day mood-4"
    assert by_day[datetime.date(2026, 3, 10)].css_class == "year-day is-empty"
    assert by_day[datetime.date(2026, 3, 11)].css_class == "year-day is-future"
    assert by_day[datetime.date(2026, 3, 9)].label == "9 March: good"


def test_the_history_page_draws_the_year_with_check_ins_and_a_table(
    owner_client, owner, chaser_journey
):
    today = timezone.localdate()
    CheckIn.objects.create(owner=owner, day=today, mood=5)
    page = owner_client.get("/journey/history/").content.decode()
    drawn = dict((day, css) for css, day in squares(page))
    assert len(drawn) in (365, 366)
    assert drawn[today.isoformat()] == "mood-5"
    assert f"{today:%-d %B %Y}</th><td>5: Very good" in page
    assert 'style="' not in page.split('class="chart chart-year"')[1].split("</figure>")[0]


def test_stage_moves_are_ringed_on_the_day_they_happened_where_the_person_is(
    owner_client, owner, chaser_journey, guide
):
    Profile.objects.update_or_create(owner=owner, defaults={"timezone": "Pacific/Auckland"})
    # 20:00 UTC on 1 March is already 2 March in Auckland.
    moment = datetime.datetime(2025, 3, 1, 20, 0, tzinfo=datetime.UTC)
    Transition.objects.create(
        owner=owner, from_stage=guide["separation"], to_stage=guide["integration"],
        created_at=moment,
    )  # fmt: skip
    page = owner_client.get("/journey/history/?year=2025").content.decode()
    assert re.search(r'class="year-move"[^>]*data-day="2025-03-02"', page)
    assert "2 March 2025</th><td>–</td><td>Integration" in page


def test_a_year_out_of_range_or_unreadable_falls_back_to_this_year(owner_client, chaser_journey):
    this_year = timezone.localdate().year
    for value in ("abc", "99999", "1066", str(this_year + 1)):
        response = owner_client.get(f"/journey/history/?year={value}")
        assert response.status_code == 200
        assert f'data-year="{this_year}"' in response.content.decode()


def test_the_year_takes_the_same_queries_with_no_days_or_every_day(
    owner, chaser_journey, django_assert_num_queries
):
    year = timezone.localdate().year
    with django_assert_num_queries(2):
        empty = year_for(owner, year - 1)
    assert empty.check_in_count == 0
    first = datetime.date(year - 1, 1, 1)
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, day=first + datetime.timedelta(days=n), mood=n % 5 + 1)
        for n in range(365)
    )
    with django_assert_num_queries(2):
        full = year_for(owner, year - 1)
    assert full.check_in_count == 365


def test_the_history_page_query_count_does_not_grow_with_the_year(
    owner_client, owner, chaser_journey, render_every_time
):
    url = f"/journey/history/?year={timezone.localdate().year - 1}"
    owner_client.get(url)

    with CaptureQueriesContext(connection) as empty:
        owner_client.get(url)
    first = datetime.date(timezone.localdate().year - 1, 1, 1)
    CheckIn.objects.bulk_create(
        CheckIn(owner=owner, day=first + datetime.timedelta(days=n), mood=3) for n in range(365)
    )
    with CaptureQueriesContext(connection) as full:
        owner_client.get(url)
    assert len(full) == len(empty)


def test_another_persons_year_is_never_drawn(other_client, owner, other_user, chaser_journey):
    CheckIn.objects.create(owner=owner, day=timezone.localdate(), mood=1)
    Journey.start(other_user, Role.RUNNER, chaser_journey.stage)
    page = other_client.get("/journey/history/").content.decode()
    assert "mood-1" not in "".join(css for css, _ in squares(page))
