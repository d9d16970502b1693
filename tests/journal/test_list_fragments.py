"""The journal list keeps rendered pieces per process: they follow every change at once,
and private writing never reaches the shared cache."""

import pickle

import pytest
from django.core.cache import caches
from django.urls import reverse

from guide.models import Stage, Status

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("journal:entry_list")


def list_html(client, params=None):
    return client.get(LIST, params).content.decode()


def test_an_edited_entry_shows_its_new_words_mood_and_tags_in_the_list(owner_client, owner):
    entry = EntryFactory(owner=owner, title="Before", body="Old words.", tags=["old"])
    assert "Old words." in list_html(owner_client)

    owner_client.post(
        reverse("journal:entry_edit", args=[entry.public_id]),
        {"title": "After", "body": "New words.", "mood": "4", "tags_text": "fresh"},
    )

    html = list_html(owner_client)
    assert "After" in html and "New words." in html and "Mood: Good" in html
    assert "?tag=fresh" in html and "?tag=old" not in html


def test_a_stage_renamed_by_an_editor_shows_in_the_list_at_once(owner_client, owner, stage):
    EntryFactory(owner=owner, stage=stage)
    assert "Separation" in list_html(owner_client)

    stage.name = "Apart for now"
    stage.save()

    assert "Apart for now" in list_html(owner_client)


def test_a_stage_an_editor_publishes_joins_the_filters_at_once(owner_client, stage):
    assert "Integration" not in list_html(owner_client)

    Stage.objects.create(order=2, slug="integration", name="Integration", status=Status.PUBLISHED)

    assert "Integration" in list_html(owner_client)


def test_filters_show_what_was_chosen_and_their_errors(owner_client, stage):
    assert 'value="separation" selected' not in list_html(owner_client)

    html = list_html(owner_client, {"stage": "separation", "date_from": "not a date"})

    assert 'value="separation" selected' in html
    assert "Enter a valid date." in html


def test_private_writing_never_reaches_the_shared_cache(owner_client, owner):
    EntryFactory(owner=owner, title="Secret title", body="A private sentence.", tags=["hidden"])

    assert "A private sentence." in list_html(owner_client)
    assert "A private sentence." in list_html(owner_client, {"q": "private"})

    shared = caches["default"]
    stored = b"".join(pickle.dumps(shared.get(key)) for key in shared._cache)  # locmem keys
    for private in ("Secret title", "A private sentence", "hidden"):
        assert private.encode() not in stored
