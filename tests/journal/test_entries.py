"""Writing, reading, changing and deleting entries, with and without htmx."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from journal.entries.models import BODY_MAX_CHARS
from journal.models import Entry, EntryDraft, Journey, Tag

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def htmx(target):
    return {**HTMX, "HTTP_HX_TARGET": target}


def test_new_entry_is_saved_as_the_owners_with_tags_and_redirects_to_it(owner_client, owner):
    response = owner_client.post(
        reverse("journal:entry_new"),
        {
            "title": "A hard day",
            "body": "I *almost* texted.",
            "mood": "2",
            "tags_text": "urge, Hope, urge",
        },
    )
    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == entry.get_absolute_url()
    assert entry.owner == owner
    assert entry.entry_date == timezone.localdate()
    assert sorted(t.name for t in entry.tags.all()) == ["Hope", "urge"]
    page = owner_client.get(entry.get_absolute_url())
    assert "<em>almost</em>" in page.text


def test_tags_are_reused_whatever_their_letter_case(owner_client, owner):
    Tag.objects.create(owner=owner, name="hope")
    owner_client.post(reverse("journal:entry_new"), {"body": "x", "tags_text": "HOPE"})
    assert list(Tag.objects.for_owner(owner).values_list("name", flat=True)) == ["hope"]


def test_new_entry_takes_the_stage_from_the_journey(owner_client, owner, stage):
    Journey.objects.create(owner=owner, stage=stage)
    owner_client.post(reverse("journal:entry_new"), {"body": "Where I am."})
    assert Entry.objects.get().stage == stage


def test_new_entry_without_a_journey_has_no_stage(owner_client):
    owner_client.post(reverse("journal:entry_new"), {"body": "Before onboarding."})
    assert Entry.objects.get().stage is None


def test_a_validation_error_keeps_everything_typed(owner_client):
    data = {"title": "Kept title", "body": "", "tags_text": "kept, tags", "mood": "3"}
    response = owner_client.post(reverse("journal:entry_new"), data)
    assert response.status_code == 200
    assert 'value="Kept title"' in response.text
    assert 'value="kept, tags"' in response.text
    assert Entry.objects.count() == 0


def test_a_too_long_body_gets_a_clear_error_and_keeps_the_text(owner_client):
    body = "word " * (BODY_MAX_CHARS // 5) + "the end of my long entry"
    response = owner_client.post(reverse("journal:entry_new"), {"body": body})
    assert response.status_code == 200
    assert "one entry can hold up to 100,000" in response.text
    assert "the end of my long entry</textarea>" in response.text
    assert "maxlength" not in response.text.split('name="body"')[1].split(">")[0]
    assert Entry.objects.count() == 0


def test_a_future_date_is_refused_but_an_earlier_one_is_kept(owner_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = owner_client.post(
        reverse("journal:entry_new"), {"body": "x", "entry_date": tomorrow}
    )
    assert "not in the future" in response.text
    owner_client.post(reverse("journal:entry_new"), {"body": "x", "entry_date": "2020-02-29"})
    assert Entry.objects.get().entry_date == datetime.date(2020, 2, 29)


def test_write_from_a_prompt_shows_it_and_links_the_entry(owner_client, prompt):
    url = reverse("journal:entry_new") + f"?prompt={prompt.pk}"
    assert "What did you need today?" in owner_client.get(url).text
    owner_client.post(url, {"body": "Rest."})
    assert Entry.objects.get().prompt == prompt


def test_reflect_on_a_section_shows_it_and_links_the_entry(owner_client, section):
    url = reverse("journal:entry_new") + f"?section={section.pk}"
    page = owner_client.get(url)
    assert "Reflect on this" in page.text and "Why runners run" in page.text
    owner_client.post(url, {"body": "I run too."})
    assert Entry.objects.get().section == section


@pytest.mark.parametrize("query", ["?prompt=999", "?prompt=abc", "?section=999", "?section=x"])
def test_unknown_prompt_or_section_is_ignored(owner_client, query):
    assert owner_client.get(reverse("journal:entry_new") + query).status_code == 200
    owner_client.post(reverse("journal:entry_new") + query, {"body": "Still saved."})
    entry = Entry.objects.get()
    assert entry.prompt is None and entry.section is None


def test_unpublished_section_is_ignored(owner_client, section):
    section.status = "draft"
    section.save()
    page = owner_client.get(reverse("journal:entry_new") + f"?section={section.pk}")
    assert "Why runners run" not in page.text


def test_quick_form_with_htmx_returns_the_new_entry_and_a_fresh_form(owner_client):
    response = owner_client.post(
        reverse("journal:entry_new"), {"body": "Quick thought", "tags_text": "q"}, **HTMX
    )
    entry = Entry.objects.get()
    assert f'id="entry-{entry.public_id}"' in response.text
    assert 'id="quick-entry"' in response.text and 'hx-swap-oob="true"' in response.text
    assert "<html" not in response.text


def test_quick_form_error_with_htmx_is_swapped_back_into_the_form(owner_client):
    response = owner_client.post(
        reverse("journal:entry_new"), {"title": "Keep me", "body": ""}, **HTMX
    )
    # The form swaps itself (hx-target="this"): the error and what was typed come back.
    assert response.text.lstrip().startswith('<form id="quick-entry"')
    assert 'value="Keep me"' in response.text
    assert not Entry.objects.exists()


def test_edit_saves_changes_and_tags(owner_client, owner):
    entry = EntryFactory(owner=owner, tags=["old"])
    response = owner_client.post(
        reverse("journal:entry_edit", args=[entry.public_id]),
        {
            "title": "Changed",
            "body": "New body",
            "tags_text": "new",
            "entry_date": entry.entry_date,
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Changed"
    assert [t.name for t in entry.tags.all()] == ["new"]


def test_inline_edit_with_htmx_renders_only_the_form_then_the_card(owner_client, owner):
    entry = EntryFactory(owner=owner, title="Before", tags=["a"])
    url = reverse("journal:entry_edit", args=[entry.public_id])
    form = owner_client.get(url, **htmx("entry-card"))
    assert "<html" not in form.text and 'hx-post="' + url + '"' in form.text
    assert 'value="a"' in form.text
    saved = owner_client.post(
        url, {"title": "After", "body": "b", "entry_date": entry.entry_date}, **htmx("entry-card")
    )
    assert "<html" not in saved.text and 'id="entry-card"' in saved.text and "After" in saved.text


def test_delete_asks_first_then_deletes(owner_client, owner):
    entry = EntryFactory(owner=owner)
    url = reverse("journal:entry_delete", args=[entry.public_id])
    assert "cannot be undone" in owner_client.get(url).text
    assert Entry.objects.exists()
    response = owner_client.post(url)
    assert response["Location"] == reverse("journal:entry_list")
    assert not Entry.objects.exists()


def test_inline_delete_from_the_list_returns_nothing_to_swap(owner_client, owner):
    entry = EntryFactory(owner=owner)
    response = owner_client.post(
        reverse("journal:entry_delete", args=[entry.public_id]), **htmx(f"entry-{entry.public_id}")
    )
    assert response.status_code == 200 and response.content == b""
    assert not Entry.objects.exists()


def test_delete_from_the_detail_page_with_htmx_navigates_to_the_list(owner_client, owner):
    entry = EntryFactory(owner=owner)
    response = owner_client.post(reverse("journal:entry_delete", args=[entry.public_id]), **HTMX)
    assert response["HX-Redirect"] == reverse("journal:entry_list")


def test_list_is_newest_first_grouped_by_month(owner_client, owner):
    EntryFactory(owner=owner, title="March one", entry_date=datetime.date(2024, 3, 2))
    EntryFactory(owner=owner, title="April one", entry_date=datetime.date(2024, 4, 9))
    page = owner_client.get(reverse("journal:entry_list")).text
    assert page.index("April 2024") < page.index("April one") < page.index("March 2024")
    assert page.index("March 2024") < page.index("March one")


def test_empty_journal_says_what_to_do_next(owner_client):
    assert "write your first entry" in owner_client.get(reverse("journal:entry_list")).text


def test_list_is_paginated_and_a_bad_page_number_is_not_an_error(owner_client, owner):
    Entry.objects.bulk_create([Entry(owner=owner, body="x", title=f"n{i}") for i in range(25)])
    assert "Page 1 of 2" in owner_client.get(reverse("journal:entry_list")).text
    assert owner_client.get(reverse("journal:entry_list") + "?page=zzz").status_code == 200
    assert owner_client.get(reverse("journal:entry_list") + "?page=99").status_code == 200


def test_draft_is_autosaved_restored_and_discarded(owner_client, owner):
    response = owner_client.post(
        reverse("journal:draft"), {"title": "T", "body": "half a thought"}, **HTMX
    )
    assert "Draft saved" in response.text and "<html" not in response.text
    page = owner_client.get(reverse("journal:entry_new")).text
    assert "half a thought</textarea>" in page and "Discard this draft" in page
    owner_client.post(reverse("journal:draft_discard"))
    assert not EntryDraft.objects.exists()
    assert "half a thought" not in owner_client.get(reverse("journal:entry_new")).text


def test_saving_the_entry_deletes_the_draft(owner_client, owner):
    EntryDraft.save_for(owner, "", "draft text")
    owner_client.post(reverse("journal:entry_new"), {"body": "draft text, finished"})
    assert not EntryDraft.objects.exists()


def test_entry_form_warns_before_leaving_with_unsaved_changes(owner_client, owner):
    entry = EntryFactory(owner=owner)
    for url in [
        reverse("journal:entry_new"),
        reverse("journal:entry_edit", args=[entry.public_id]),
    ]:
        assert "data-warn-unsaved" in owner_client.get(url).text
    new_page = owner_client.get(reverse("journal:entry_new")).text
    assert 'hx-trigger="input changed delay:2s"' in new_page
