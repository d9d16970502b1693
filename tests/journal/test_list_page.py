"""The journal page leads with the person's entries, and every entry has one name."""

import datetime
import re

import pytest
from django.urls import reverse

from journal.models import Entry, Journey, Role
from tests.guide.factories import StageFactory

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_an_empty_journal_says_so_without_stray_separators(owner_client):
    page = owner_client.get(reverse("journal:entry_list")).text
    stats = re.search(r'<p id="journal-stats".*?</p>', page, re.S).group(0)
    assert "0 entries" not in stats
    assert "· ·" not in text_of(stats) and not text_of(stats).startswith("·")
    assert "Nothing written yet" in page


def test_the_stats_line_joins_its_parts_once(owner_client, owner):
    EntryFactory(owner=owner)
    stats = re.search(
        r'<p id="journal-stats".*?</p>', owner_client.get(reverse("journal:entry_list")).text, re.S
    ).group(0)
    assert re.match(
        r"1 entry · you have written on 1 day lately .*· Download or import", text_of(stats)
    )


def test_quick_form_save_updates_the_list_and_the_count_and_says_saved(owner_client, owner):
    EntryFactory(owner=owner, title="Older", entry_date=datetime.date(2026, 1, 5))
    response = owner_client.post(
        reverse("journal:entry_new"), {"title": "Fresh", "body": "Quick thought"}, **HTMX
    )
    html = response.text
    new = Entry.objects.get(title="Fresh")
    # The form comes back empty, saying what was saved.
    form = re.search(r'<form id="quick-entry".*?</form>', html, re.S).group(0)
    assert "Saved:" in form and new.get_absolute_url() in form
    assert f'id="entry-{new.public_id}"' not in form
    # The count and the list come out of band, the new entry in the list, above the older one.
    stats = re.search(r'<p id="journal-stats"[^>]*hx-swap-oob="true".*?</p>', html, re.S)
    assert stats and "2 entries" in text_of(stats.group(0))
    results = re.search(r'<div id="entry-results"[^>]*hx-swap-oob="true".*', html, re.S).group(0)
    assert results.index(f'id="entry-{new.public_id}"') < results.index("Older")


def test_the_search_box_leads_and_the_other_filters_wait_behind_filter(owner_client):
    page = owner_client.get(reverse("journal:entry_list")).text
    assert page.index('name="q"') < page.index('<details class="journal-filters"')
    assert '<details class="journal-filters">' in page  # closed until a filter is used
    filtered = owner_client.get(reverse("journal:entry_list") + "?mood=2").text
    assert '<details class="journal-filters" open>' in filtered


def test_an_untitled_entry_has_one_name_everywhere(owner_client, owner, guide_free_journey):
    entry = EntryFactory(owner=owner, title="", mood=4, entry_date=datetime.date(2026, 11, 3))
    name = "Tuesday 3 November 2026"
    assert str(entry) == entry.display_title == name
    listing = owner_client.get(reverse("journal:entry_list")).text
    detail = owner_client.get(entry.get_absolute_url()).text
    dashboard = owner_client.get("/").text
    for page in (listing, detail, dashboard):
        assert name in page
        assert "Entry of" not in page
    # The date is the name: the meta line (mood, stage) does not say it a second time.
    for page in (listing, detail):
        meta = re.search(r'<p class="entry-meta">.*?</p>', page, re.S).group(0)
        assert "Good" in meta and "November" not in meta


@pytest.fixture
def guide_free_journey(owner):
    """Onboarded (the dashboard needs a journey), with a stage made for the test."""
    return Journey.start(owner, Role.CHASER, StageFactory())
