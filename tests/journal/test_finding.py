"""Search, filters, "on this day", the count and the writing streak."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from journal.entries.search import search_terms
from journal.models import Entry, Profile, Tag

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("journal:entry_list")


def titles(response):
    return [entry.title for entry in response.context["page_obj"]]


def test_search_finds_words_in_title_and_body_and_only_the_owners(owner_client, owner, other_user):
    EntryFactory(owner=owner, title="By the sea", body="I walked for hours.")
    EntryFactory(owner=owner, title="Work", body="Meetings all day.")
    EntryFactory(owner=other_user, title="Their sea", body="walked too")
    assert titles(owner_client.get(LIST, {"q": "walked"})) == ["By the sea"]
    assert titles(owner_client.get(LIST, {"q": "sea"})) == ["By the sea"]
    assert titles(owner_client.get(LIST, {"q": "sea meetings"})) == []


def test_search_as_you_type_matches_the_start_of_a_word(owner_client, owner):
    EntryFactory(owner=owner, title="Evening", body="Walking helped.")
    assert titles(owner_client.get(LIST, {"q": "walk"})) == ["Evening"]


def test_search_ranks_the_better_match_first_on_postgresql(owner_client, owner):
    if connection.vendor != "postgresql":
        pytest.skip("ranking is PostgreSQL's; SQLite keeps date order")
    EntryFactory(owner=owner, title="Once", body="hope appeared once among many other words here")
    EntryFactory(
        owner=owner, title="Hope", body="hope hope hope", entry_date=datetime.date(2020, 1, 1)
    )
    assert titles(owner_client.get(LIST, {"q": "hope"})) == ["Hope", "Once"]


def test_search_uses_the_gin_index_on_postgresql(owner):
    if connection.vendor != "postgresql":
        pytest.skip("the full-text index exists on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'entry_search_gin'")
        assert "gin" in cursor.fetchone()[0].lower()
        cursor.execute("SET enable_seqscan = off")
        # Over all rows, as a large table would be; a tiny one prefers the owner index.
        query = Entry.objects.search("hope")
        plan = query.explain()
        cursor.execute("SET enable_seqscan = on")
    assert "entry_search_gin" in plan


@pytest.mark.parametrize("text", ["'", '"', "a & | ! (", "::*", "<script>", "x" * 300])
def test_odd_search_text_is_never_an_error(owner_client, owner, text):
    EntryFactory(owner=owner)
    assert owner_client.get(LIST, {"q": text}).status_code == 200


def test_search_terms_keep_words_only():
    assert search_terms("don't & (panic)!") == ["don", "t", "panic"]


def test_htmx_search_returns_only_the_results(owner_client, owner):
    EntryFactory(owner=owner, title="Tide", body="The tide came in.")
    response = owner_client.get(
        LIST, {"q": "tide"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="entry-results"
    )
    assert "<html" not in response.text and 'id="entry-results"' in response.text
    assert "Tide" in response.text


def test_filters_combine_and_stay_in_the_pagination_links(owner_client, owner, stage):
    hope = Tag.objects.create(owner=owner, name="hope")
    match = EntryFactory(
        owner=owner, title="Match", mood=4, stage=stage, entry_date=datetime.date(2024, 5, 3)
    )
    match.tags.add(hope)
    wrong_mood = EntryFactory(
        owner=owner, title="Wrong mood", mood=2, stage=stage, entry_date=datetime.date(2024, 5, 3)
    )
    wrong_mood.tags.add(hope)
    EntryFactory(
        owner=owner, title="No tag", mood=4, stage=stage, entry_date=datetime.date(2024, 5, 3)
    )
    too_old = EntryFactory(
        owner=owner, title="Too old", mood=4, stage=stage, entry_date=datetime.date(2023, 1, 1)
    )
    too_old.tags.add(hope)
    filters = {
        "tag": "hope",
        "mood": "4",
        "stage": "separation",
        "date_from": "2024-01-01",
        "date_to": "2024-12-31",
    }
    response = owner_client.get(LIST, filters)
    assert titles(response) == ["Match"]
    assert "tag=hope" in response.context["query_string"]
    assert "mood=4" in response.context["query_string"]
    assert titles(owner_client.get(LIST, {"tag": "HOPE"})) == ["Wrong mood", "Match", "Too old"]


def test_tag_filter_finds_only_tagged_entries(owner_client, owner):
    EntryFactory(owner=owner, title="Tagged", tags=["sleep"])
    EntryFactory(owner=owner, title="Untagged")
    assert titles(owner_client.get(LIST, {"tag": "sleep"})) == ["Tagged"]


@pytest.mark.parametrize("bad", [{"mood": "9"}, {"date_from": "yesterday"}, {"stage": "nowhere"}])
def test_a_bad_filter_is_shown_and_ignored_not_an_error(owner_client, owner, bad):
    EntryFactory(owner=owner, title="Still here")
    response = owner_client.get(LIST, bad)
    assert response.status_code == 200
    assert titles(response) == ["Still here"]


# --- Streak and on this day -----------------------------------------------------

TODAY = datetime.date(2026, 3, 11)


def write_on(owner, *days):
    Entry.objects.bulk_create([Entry(owner=owner, body="x", entry_date=day) for day in days])


def test_streak_counts_the_days_written_in_the_current_run(owner):
    write_on(
        owner,
        TODAY,
        TODAY - datetime.timedelta(1),
        TODAY - datetime.timedelta(2),
        TODAY - datetime.timedelta(4),
        TODAY - datetime.timedelta(9),
    )
    assert Entry.objects.for_owner(owner).writing_streak(TODAY) == 4


def test_not_yet_writing_today_keeps_yesterdays_streak(owner):
    write_on(owner, TODAY - datetime.timedelta(1), TODAY - datetime.timedelta(2))
    assert Entry.objects.for_owner(owner).writing_streak(TODAY) == 2


def test_a_missed_day_or_two_is_forgiven(owner):
    write_on(owner, TODAY - datetime.timedelta(2), TODAY - datetime.timedelta(3))
    assert Entry.objects.for_owner(owner).writing_streak(TODAY) == 2


def test_three_missed_days_start_a_new_run(owner):
    write_on(owner, TODAY - datetime.timedelta(3), TODAY - datetime.timedelta(4))
    assert Entry.objects.for_owner(owner).writing_streak(TODAY) == 0


def test_two_entries_on_one_day_count_once(owner):
    write_on(owner, TODAY, TODAY)
    assert Entry.objects.for_owner(owner).writing_streak(TODAY) == 1


def test_streak_is_the_owners_only(owner, other_user):
    write_on(other_user, TODAY)
    assert Entry.objects.for_owner(owner).writing_streak(TODAY) == 0


def test_on_this_day_finds_the_same_date_in_earlier_years(owner):
    write_on(
        owner,
        datetime.date(2025, 3, 11),
        datetime.date(2024, 3, 11),
        datetime.date(2025, 3, 12),
        TODAY,
    )
    found = Entry.objects.for_owner(owner).on_this_day(TODAY)
    assert [e.entry_date.year for e in found] == [2025, 2024]


@pytest.fixture
def in_auckland(owner, monkeypatch):
    """00:30 on 11 March in Auckland, which is still 10 March in UTC."""
    Profile.objects.create(owner=owner, timezone="Pacific/Auckland")
    moment = datetime.datetime(2026, 3, 10, 11, 30, tzinfo=datetime.UTC)
    assert moment.astimezone(zoneinfo.ZoneInfo("Pacific/Auckland")).date() == TODAY
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_a_new_entry_is_dated_in_the_writers_time_zone(owner_client, owner, in_auckland):
    owner_client.post(reverse("journal:entry_new"), {"body": "Just after midnight."})
    entry = Entry.objects.get()
    assert entry.entry_date == TODAY
    assert in_auckland.date() == datetime.date(2026, 3, 10)


def test_streak_and_on_this_day_follow_the_persons_time_zone(owner_client, owner, in_auckland):
    write_on(owner, TODAY, TODAY - datetime.timedelta(1), datetime.date(2025, 3, 11))
    page = owner_client.get(LIST)
    assert page.context["streak"] == 2
    assert [e.entry_date for e in page.context["on_this_day"]] == [datetime.date(2025, 3, 11)]
    # In UTC it is still 10 March: no entry "on this day", and the streak ends yesterday.
    utc_today = in_auckland.date()
    assert not Entry.objects.for_owner(owner).on_this_day(utc_today).exists()
    assert Entry.objects.for_owner(owner).writing_streak(utc_today) == 1


def test_list_shows_count_and_streak(owner_client, owner):
    write_on(owner, timezone.localdate(), timezone.localdate())
    page = owner_client.get(LIST).text
    assert "2 entries" in page and "you have written on 1 day lately" in page
