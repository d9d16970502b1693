"""Your data is yours: export, import (idempotent, all-or-nothing) and account deletion."""

import datetime
import io
import json
import zipfile

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from journal.models import CheckIn, Entry, EntryDraft, Journey, Tag
from tests.factories import PASSWORD, UserFactory

from .factories import EntryFactory

pytestmark = pytest.mark.django_db


def snapshot(user):
    """What a round trip must give back: entries with their tags and dates, and the tags."""
    entries = sorted(
        (
            e.title,
            e.body,
            e.mood,
            e.entry_date,
            e.created_at.replace(microsecond=0),
            e.updated_at.replace(microsecond=0),
            tuple(sorted(t.name for t in e.tags.all())),
        )  # fmt: skip
        for e in Entry.objects.for_owner(user).prefetch_related("tags")
    )
    return entries, sorted(Tag.objects.for_owner(user).values_list("name", flat=True))


@pytest.fixture
def journal(owner, stage):
    EntryFactory(owner=owner, title="First", body="The *first* one.\n\n- a list", mood=2,
                 entry_date=datetime.date(2024, 2, 29), tags=["hope", "sleep"])  # fmt: skip
    EntryFactory(owner=owner, title="", body="Untitled, with “quotes” and émoji 🌊", tags=["hope"])
    EntryFactory(owner=owner, title="Second", body="---\ntitle: not front matter\n---")
    Tag.objects.create(owner=owner, name="unused tag")
    Journey.objects.create(owner=owner, stage=stage, intention="Be gentle")
    CheckIn.objects.create(owner=owner, day=datetime.date(2024, 3, 1), mood=3)
    return owner


def upload(content, name="journal.json"):
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_json_export_holds_entries_tags_and_journey(owner_client, journal):
    response = owner_client.get(reverse("journal:export_json"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert {e["title"] for e in data["entries"]} == {"First", "", "Second"}
    first = next(e for e in data["entries"] if e["title"] == "First")
    assert first["entry_date"] == "2024-02-29" and first["tags"] == ["hope", "sleep"]
    assert "unused tag" in data["tags"]
    assert data["journey"]["stage"] == "separation"
    assert data["check_ins"] == [{"day": "2024-03-01", "mood": 3, "note": ""}]


def test_markdown_zip_has_one_file_per_entry_with_front_matter(owner_client, journal):
    response = owner_client.get(reverse("journal:export_zip"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    entries = [n for n in archive.namelist() if n.startswith("entries/")]
    assert len(entries) == 3
    first = archive.read("entries/2024-02-29-first.md").decode()
    assert first.startswith('---\ntitle: "First"\n')
    assert 'tags: ["hope", "sleep"]' in first and "mood: 2" in first
    assert first.endswith("The *first* one.\n\n- a list\n")
    assert "journey.md" in archive.namelist()


def test_export_delete_account_sign_up_again_import_gives_everything_back(client, journal):
    client.force_login(journal)
    before = snapshot(journal)
    exported = client.get(reverse("journal:export_json")).content
    journal.delete()
    again = UserFactory(email="owner@example.com")
    client.force_login(again)
    response = client.post(reverse("journal:import"), {"file": upload(exported)})
    assert response.status_code == 302
    assert snapshot(again) == before


def test_importing_twice_creates_no_duplicates(owner_client, journal):
    exported = owner_client.get(reverse("journal:export_json")).content
    before = snapshot(journal)
    owner_client.post(reverse("journal:import"), {"file": upload(exported)})
    owner_client.post(reverse("journal:import"), {"file": upload(exported)})
    assert snapshot(journal) == before
    assert Entry.objects.count() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG not json", "not readable JSON"),
        (b'{"hello": "world"}', "not a journal export"),
        (b"[]", "not a journal export"),
        (json.dumps({"format": "twinflame-journal-export", "version": 1, "entries": [
            {"title": "ok", "body": "fine", "entry_date": "2024-01-01",
             "created_at": "2024-01-01T10:00:00+00:00"},
            {"title": "bad", "body": "x", "entry_date": "not a date", "created_at": "nope"},
        ]}).encode(), "Entry 2"),
        (json.dumps({"format": "twinflame-journal-export", "version": 1, "entries": [
            {"body": "x", "mood": 9, "entry_date": "2024-01-01",
             "created_at": "2024-01-01T10:00:00+00:00"}]}).encode(), "mood"),
    ],
)  # fmt: skip
def test_a_bad_file_gets_a_clear_error_and_changes_nothing(owner_client, journal, content, message):
    before = snapshot(journal)
    response = owner_client.post(reverse("journal:import"), {"file": upload(content)})
    assert response.status_code == 400
    assert message in response.text and "Nothing was imported" in response.text
    assert snapshot(journal) == before


def test_import_without_a_file_asks_for_one(owner_client):
    response = owner_client.post(reverse("journal:import"), {})
    assert response.status_code == 400 and "This field is required" in response.text


def test_imported_entries_belong_to_the_importer_only(client, journal, other_user):
    client.force_login(journal)
    exported = client.get(reverse("journal:export_json")).content
    client.force_login(other_user)
    client.post(reverse("journal:import"), {"file": upload(exported)})
    assert Entry.objects.for_owner(other_user).count() == 3
    assert Entry.objects.for_owner(journal).count() == 3


# --- Deleting the account ---------------------------------------------------------


def sign_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def reauthenticate(client, user):
    """Sign in, then confirm the password again as allauth asks before deletion."""
    sign_in(client, user)
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def test_deleting_the_account_needs_reauthentication(owner_client):
    response = owner_client.get(reverse("journal:delete_account"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_reauthenticating_leads_back_to_the_confirmation(owner_client, owner):
    response = owner_client.get(reverse("journal:delete_account"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    response = owner_client.post(
        response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True
    )
    assert "Type DELETE to confirm" in response.text


def test_without_typing_delete_nothing_is_deleted(client, journal):
    reauthenticate(client, journal)
    response = client.post(reverse("journal:delete_account"), {"confirm": "delete please"})
    assert response.status_code == 200 and "nothing was deleted" in response.text
    assert get_user_model().objects.filter(pk=journal.pk).exists()


def test_deleting_the_account_removes_all_data_and_ends_every_session(
    client, journal, django_user_model
):
    EntryDraft.save_for(journal, "", "draft")
    from django.test import Client

    elsewhere = Client()
    sign_in(elsewhere, journal)
    elsewhere.get(reverse("journal:entry_list"))  # Tracked by allauth's user sessions.
    reauthenticate(client, journal)
    client.get(reverse("journal:entry_list"))
    assert UserSession.objects.filter(user=journal).count() == 2

    response = client.post(reverse("journal:delete_account"), {"confirm": "DELETE"})
    assert response["Location"] == reverse("home")
    assert not django_user_model.objects.filter(pk=journal.pk).exists()
    for model in (Entry, Tag, EntryDraft, Journey, CheckIn, UserSession):
        assert not model.objects.exists(), model
    assert not Session.objects.exists()
    # Both browsers are signed out.
    for browser in (client, elsewhere):
        page = browser.get(reverse("journal:entry_list"))
        assert page.status_code == 302 and reverse("account_login") in page["Location"]
