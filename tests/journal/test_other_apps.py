"""Bringing a journal from Day One or jrnl: dates where they were written, titles, text,
tags, starred as a tag, attachments counted, twice adds nothing, bad files refused whole."""

import datetime
import io
import json
import zipfile
import zoneinfo
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from journal.data import dayone, jrnl
from journal.data.outside import SourceError
from journal.models import Entry, Profile

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
DAYONE = (FIXTURES / "dayone_Journal.json").read_bytes()
JRNL = (FIXTURES / "jrnl_export.json").read_bytes()
AUCKLAND = zoneinfo.ZoneInfo("Pacific/Auckland")


def dayone_zip(journal=DAYONE, name="Journal.json"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, journal)
        archive.writestr("photos/0cc175b9c0f1b6a831c399e269772661.jpeg", b"\xff\xd8 not really")
    return buffer.getvalue()


def upload(content, name="Journal.json"):
    return SimpleUploadedFile(name, content)


def post(client, source, content, name="export.json"):
    return client.post(
        "/journal/data/import/other/", {"other-source": source, "other-file": upload(content, name)}
    )


# --- Reading the formats -------------------------------------------------------------


def test_day_one_entries_keep_their_title_text_tags_and_local_day():
    entries, attachments = dayone.read(upload(DAYONE), 10**6)
    first = entries[0]
    assert first.title == "A quieter morning"
    assert first.body == (
        "I woke before the alarm and did not reach for my phone.\n\n- a walk by the water"
    )
    # 21:30 UTC on 1 March was 10:30 on 2 March in Auckland, where it was written.
    assert first.entry_date == datetime.date(2025, 3, 2)
    assert first.created_at == datetime.datetime(2025, 3, 1, 21, 30, tzinfo=datetime.UTC)
    assert first.tags == ["sleep", "hope again", "starred"]
    assert attachments == 2


def test_a_day_one_entry_without_a_heading_has_no_title():
    entries, _ = dayone.read(upload(DAYONE), 10**6)
    assert entries[1].title == ""
    assert entries[1].body == "No heading here, just a few lines.\nThe second line."


def test_the_day_one_zip_is_read_without_unpacking_it():
    entries, attachments = dayone.read(upload(dayone_zip(), "export.zip"), 10**6)
    assert len(entries) == 3 and attachments == 2


def test_jrnl_entries_are_read_in_the_importers_own_zone():
    zone = datetime.timezone(datetime.timedelta(hours=13))
    entries, attachments = jrnl.read(upload(JRNL), zone)
    first, second = entries
    assert first.title == "Slept through the night for the first time in weeks."
    assert first.body == "Maybe the evening walks help. @sleep"
    assert first.created_at == datetime.datetime(2025, 4, 10, 7, 45, tzinfo=zone)
    assert first.entry_date == datetime.date(2025, 4, 10)
    assert first.tags == ["sleep", "starred"]
    # A jrnl entry that is only a title is kept as its text.
    assert (second.title, second.body, second.tags) == ("", "Hard day at @work.", ["work"])
    assert attachments == 0


@pytest.mark.parametrize(
    ("reader", "content", "message"),
    [
        (dayone.read, b"not json", "not readable JSON"),
        (dayone.read, b'{"entries": 3}', "no list of entries"),
        (dayone.read, b'{"entries": [{"text": "no date"}]}', "Entry 1 in the file has a missing"),
        (dayone.read, b"PK\x03\x04broken zip", "not readable JSON"),
        (jrnl.read, b"[1, 2]", "no list of entries"),
        (
            dayone.read,
            b'{"entries": [{"creationDate": "0001-01-01T00:00:00Z", "timeZone":'
            b' "Pacific/Auckland"}]}',
            "unreadable date",
        ),
        (
            jrnl.read,
            b'{"entries": [{"title": "x", "date": "9999-12-31", "time": "23:59"}]}',
            "unreadable date",
        ),
        (jrnl.read, b'{"entries": [{"title": "x", "date": "2025-02-30"}]}', "unreadable date"),
    ],
)
def test_a_wrong_or_broken_file_says_why(reader, content, message):
    with pytest.raises(SourceError, match=message):
        reader(upload(content), datetime.UTC if reader is jrnl.read else 10**6)


def test_a_zip_without_a_journal_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/a.jpeg", b"x")
    with pytest.raises(SourceError, match="no Journal.json"):
        dayone.read(upload(buffer.getvalue(), "x.zip"), 10**6)


def test_a_zip_whose_journal_unpacks_too_large_is_refused():
    with pytest.raises(SourceError, match="too large"):
        dayone.read(upload(dayone_zip(), "x.zip"), 100)


# --- Importing through the data page ----------------------------------------------------


def test_importing_from_day_one_adds_the_entries_and_says_what_was_left_out(owner_client, owner):
    response = post(owner_client, "dayone", dayone_zip(), "export.zip")
    assert response.status_code == 302
    page = owner_client.get(response["Location"]).content.decode()
    assert "Imported 3 entries from Day One; 0 already in your journal" in page
    assert "2 photos or other attachments were left out" in page
    entry = Entry.objects.get(owner=owner, title="A quieter morning")
    assert entry.entry_date == datetime.date(2025, 3, 2)
    assert sorted(tag.name for tag in entry.tags.all()) == ["hope again", "sleep", "starred"]


def test_importing_the_same_file_twice_adds_nothing(owner_client, owner):
    post(owner_client, "dayone", DAYONE)
    response = post(owner_client, "dayone", dayone_zip(), "export.zip")
    page = owner_client.get(response["Location"]).content.decode()
    assert "Imported 0 entries from Day One; 3 already in your journal" in page
    assert Entry.objects.filter(owner=owner).count() == 3


def test_jrnl_import_uses_the_persons_time_zone(owner_client, owner):
    Profile.objects.update_or_create(owner=owner, defaults={"timezone": "Pacific/Auckland"})
    post(owner_client, "jrnl", JRNL)
    post(owner_client, "jrnl", JRNL)
    entries = Entry.objects.filter(owner=owner).order_by("created_at")
    assert entries.count() == 2
    assert entries[0].created_at == datetime.datetime(2025, 4, 10, 7, 45, tzinfo=AUCKLAND)


def test_a_broken_file_imports_nothing_and_keeps_the_choice(owner_client, owner):
    broken = json.loads(DAYONE)
    broken["entries"][2]["creationDate"] = "yesterday"
    response = post(owner_client, "dayone", json.dumps(broken).encode())
    assert response.status_code == 400
    page = response.content.decode()
    assert "Entry 3 in the file has a missing or unreadable date. Nothing was imported." in page
    assert 'value="dayone" ' in page and "checked" in page.split('value="dayone"')[1][:40]
    assert not Entry.objects.filter(owner=owner).exists()


def test_an_entry_too_long_for_the_journal_imports_nothing(owner_client, owner):
    broken = json.loads(DAYONE)
    broken["entries"][1]["text"] = "x" * 100_001
    response = post(owner_client, "dayone", json.dumps(broken).encode())
    assert response.status_code == 400
    assert "longer than 100,000 characters" in response.content.decode()
    assert not Entry.objects.filter(owner=owner).exists()


def test_the_wrong_app_chosen_is_a_clear_error(owner_client, owner):
    response = post(owner_client, "jrnl", dayone_zip(), "export.zip")
    assert response.status_code == 400
    assert "not readable JSON, so not a jrnl export" in response.content.decode()


def test_nothing_from_the_file_is_run_or_shown_as_html(owner_client, owner):
    post(owner_client, "dayone", DAYONE)
    entry = Entry.objects.get(owner=owner, body__contains="onerror")
    page = owner_client.get(entry.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page


def test_imported_entries_belong_to_the_importer_only(owner_client, owner, other_user):
    post(owner_client, "dayone", DAYONE)
    assert not Entry.objects.filter(owner=other_user).exists()


def test_one_attachment_is_counted_in_the_singular(owner_client, owner):
    journal = json.loads(DAYONE)
    journal["entries"] = journal["entries"][:1]
    response = post(owner_client, "dayone", json.dumps(journal).encode())
    page = owner_client.get(response["Location"]).content.decode()
    assert "1 photo or other attachment was left out" in page
