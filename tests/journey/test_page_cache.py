"""Kept whole pages for signed-in people: served again only while nothing on them changed."""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from guide.models import Section
from journal.accounts.models import PageRevision
from journal.models import CheckIn, Tag
from tests.factories import UserFactory
from tests.journal.factories import EntryFactory

pytestmark = pytest.mark.django_db

PAGES = ["/", "/journal/", "/journey/", "/journey/history/", "/guide/"]


def visit(client, url, **headers):
    """A page as the browser gets it on its second visit (CSRF cookie set)."""
    client.get(url, headers=headers)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_a_page_seen_again_unchanged_is_served_whole_without_rendering(
    owner_client, chaser_journey, url
):
    first, _ = visit(owner_client, url)
    with (
        mock.patch("django.template.loader.render_to_string") as render,
        CaptureQueriesContext(connection) as queries,
    ):
        again = owner_client.get(url).content.decode()
    assert again == first
    render.assert_not_called()
    assert len(queries) <= 2  # who is signed in (the session is cached), and their revision


def test_writing_an_entry_shows_it_on_the_next_visit(owner_client, chaser_journey):
    visit(owner_client, "/journal/")
    owner_client.post("/journal/new/", {"title": "Tide coming in", "body": "Calmer."})
    assert "Tide coming in" in owner_client.get("/journal/").content.decode()


def test_a_change_made_outside_any_request_shows_too(owner_client, owner, chaser_journey):
    # A background task or a shell: the model's own signal retires the kept pages.
    visit(owner_client, "/journal/")
    EntryFactory(owner=owner, title="Written by an import job")
    assert "Written by an import job" in owner_client.get("/journal/").content.decode()


def test_tagging_an_entry_shows_the_tag(owner_client, owner, chaser_journey):
    entry = EntryFactory(owner=owner, title="Low tide")
    visit(owner_client, "/journal/")
    entry.tags.add(Tag.objects.create(owner=owner, name="shoreline"))
    assert "shoreline" in owner_client.get("/journal/").content.decode()


def test_a_check_in_redraws_the_dashboard(owner_client, chaser_journey):
    before, _ = visit(owner_client, "/")
    assert "You checked in today" not in before
    owner_client.post("/journey/check-in/", {"mood": "4"})
    assert "You checked in today: <strong>Good</strong>" in owner_client.get("/").content.decode()


def test_entries_brought_in_by_an_import_show_at_once(client, owner, chaser_journey):
    # An import writes in bulk, which sends no model signals: any form a person sends
    # counts as a change.
    elsewhere = UserFactory()
    EntryFactory(owner=elsewhere, title="Brought across")
    client.force_login(elsewhere)
    exported = client.get(reverse("journal:export_json")).content
    client.force_login(owner)
    visit(client, "/journal/")
    upload = SimpleUploadedFile("journal.json", exported, "application/json")
    response = client.post(reverse("journal:import"), {"file": upload}, follow=True)
    assert "Imported 1 entr" in response.content.decode()  # the message is read there
    assert "Brought across" in client.get("/journal/").content.decode()


def test_the_message_after_saving_is_shown_not_hidden_by_a_kept_page(owner_client, chaser_journey):
    visit(owner_client, "/")
    response = owner_client.post("/journey/check-in/", {"mood": "3"}, follow=True)
    assert "Checked in. You can change it any time today." in response.content.decode()


def test_nobody_is_served_someone_elses_page(client, owner, chaser_journey):
    EntryFactory(owner=owner, title="Only mine")
    client.force_login(owner)
    visit(client, "/journal/")
    client.force_login(UserFactory())
    assert "Only mine" not in client.get("/journal/").content.decode()


def test_a_new_day_is_a_new_page(owner_client, owner, chaser_journey):
    CheckIn.record(owner, 2, "")
    today, _ = visit(owner_client, "/")
    assert "You checked in today" in today
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        assert "You checked in today" not in owner_client.get("/").content.decode()


def test_the_htmx_part_and_the_whole_page_are_kept_apart(owner_client, owner, chaser_journey):
    EntryFactory(owner=owner, title="Sea glass")
    part, _ = visit(owner_client, "/journal/?q=sea", HX_Request="true", HX_Target="entry-results")
    whole, _ = visit(owner_client, "/journal/?q=sea")
    assert "<html" not in part and "<html" in whole
    assert "Sea glass" in part and "Sea glass" in whole


def test_an_editors_change_to_the_guide_reaches_signed_in_readers(owner_client, chaser_journey):
    visit(owner_client, "/guide/")
    section = Section.objects.first()
    section.title = "A heading just edited"
    section.save()
    assert "A heading just edited" in owner_client.get("/guide/").content.decode()


def test_turning_on_discreet_mode_renames_every_page_at_once(owner_client, chaser_journey):
    for url in PAGES:
        visit(owner_client, url)
    owner_client.post("/journal/settings/", {"timezone": "UTC", "discreet": "on"})
    for url in PAGES:
        assert "<title>Notes</title>" in owner_client.get(url).content.decode(), url


def test_one_request_moves_the_revision_on_once_however_many_rows_it_saves(
    owner_client, owner, chaser_journey
):
    before = PageRevision.of(owner.pk)
    owner_client.post("/journal/new/", {"body": "Waves.", "tags_text": "sea, calm, tide"})
    assert PageRevision.of(owner.pk) == before + 1
