"""The list, search and detail pages cost the same number of queries for 10 or 1,000 entries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from journal.models import Entry, Tag
from tests.factories import UserFactory

# These count what rendering costs, so no page is served from the whole-page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("render_every_time")]


def journal_of(count):
    """A person with `count` entries over many days, each with two tags."""
    user = UserFactory()
    today = timezone.localdate()
    entries = Entry.objects.bulk_create(
        [
            Entry(
                owner=user,
                title=f"Walk {n}",
                body="Walking by the sea helped today.",
                mood=n % 5 + 1,
                entry_date=today - datetime.timedelta(days=n % 400),
            )  # fmt: skip
            for n in range(count)
        ]
    )
    tags = Tag.objects.bulk_create([Tag(owner=user, name="sea"), Tag(owner=user, name="calm")])
    Entry.tags.through.objects.bulk_create(
        [Entry.tags.through(entry_id=e.pk, tag_id=t.pk) for e in entries for t in tags]
    )
    return user, entries[0]


def queries_for(client, user, url, params=None):
    client.force_login(user)
    client.get(url, params)  # Warm up: the session caches the person's time zone.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    ("list", None),
    ("search", {"q": "walk sea"}),
    ("filters", {"tag": "sea", "mood": "3", "date_from": "2000-01-01"}),
    ("detail", None),
]


@pytest.mark.parametrize(("page", "params"), PAGES)
def test_query_count_is_the_same_for_10_and_1000_entries(
    client, django_assert_num_queries, page, params
):
    small_user, small_entry = journal_of(10)
    large_user, large_entry = journal_of(1000)

    def url(entry):
        if page == "detail":
            return reverse("journal:entry_detail", args=[entry.public_id])
        return reverse("journal:entry_list")

    expected = queries_for(client, small_user, url(small_entry), params)
    client.force_login(large_user)
    client.get(url(large_entry), params)
    with django_assert_num_queries(expected):
        response = client.get(url(large_entry), params)
    assert response.status_code == 200
    if page != "detail":
        assert len(response.context["page_obj"]) == 20
