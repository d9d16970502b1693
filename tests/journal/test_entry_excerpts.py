"""Lists show an entry's opening words as plain text: no Markdown, nothing interpreted."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from journal.models import Entry

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

MARKDOWN = "## Small wins - Slept\n\n**seven hours**, then a *slow* walk.\n\n- tea\n- [a friend](https://example.org)"
PLAIN = "Small wins - Slept seven hours, then a slow walk. tea a friend"


def test_journal_list_shows_the_excerpt_without_markdown(owner_client, owner):
    EntryFactory(owner=owner, body=MARKDOWN)

    html = owner_client.get(reverse("journal:entry_list")).content.decode()

    assert PLAIN in html
    assert "**" not in html
    assert "## Small" not in html


def test_search_results_show_the_excerpt_without_markdown(owner_client, owner):
    EntryFactory(owner=owner, body=MARKDOWN)

    html = owner_client.get(reverse("journal:entry_list"), {"q": "seven"}).content.decode()

    assert PLAIN in html
    assert "**seven" not in html


def test_html_in_an_entry_is_shown_as_text_in_the_excerpt(owner_client, owner):
    EntryFactory(owner=owner, body='<script>alert("x")</script> <b>bold</b> & more')

    html = owner_client.get(reverse("journal:entry_list")).content.decode()

    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; more"
        in html
    )
    assert "<script>alert" not in html


def test_the_excerpt_keeps_the_first_40_words_and_follows_edits(owner):
    entry = EntryFactory(owner=owner, body=" ".join(f"word{n}" for n in range(100)))
    assert entry.excerpt == " ".join(f"word{n}" for n in range(40)) + "…"

    entry.body = "Now **shorter**."
    entry.save(update_fields=["body"])

    entry.refresh_from_db()
    assert entry.excerpt == "Now shorter."


def test_entries_created_in_bulk_get_their_excerpt_too(owner):
    """Imports create entries with bulk_create, which skips save()."""
    Entry.objects.bulk_create([Entry(owner=owner, body="*Imported* entry")])

    assert Entry.objects.get(owner=owner).excerpt == "Imported entry"


def test_the_migration_fills_the_excerpt_of_existing_entries(owner):
    migration = importlib.import_module("journal.migrations.0013_entry_plain_text_excerpt")
    EntryFactory.create_batch(3, owner=owner, body="## Before\n\nthe **migration**")
    Entry.objects.update(excerpt="")

    migration.fill_excerpts(apps, schema_editor=None)

    assert set(Entry.objects.values_list("excerpt", flat=True)) == {"Before the migration"}
