"""Letters (sealed ones too) and reminder settings go out in the export and come back."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from journal.letters.models import Kind, Letter, Seal
from journal.reminders.models import ReminderSettings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)


@pytest.fixture
def letters(owner):
    past = timezone.now() - datetime.timedelta(days=40)
    Letter.objects.create(owner=owner, kind=Kind.UNSENT, title="To you", body="Unsaid things")
    Letter.objects.create(
        owner=owner, kind=Kind.UNSENT, body="Put away", archived_at=past, created_at=past
    )
    Letter.objects.create(
        owner=owner, kind=Kind.FUTURE, seal=Seal.DATE, open_on=TOMORROW, body="Sealed by date"
    )
    Letter.objects.create(
        owner=owner, kind=Kind.FUTURE, seal=Seal.NEXT_STAGE, body="Sealed until I move"
    )
    Letter.objects.create(
        owner=owner, kind=Kind.FUTURE, seal=Seal.DATE, open_on=past.date() + datetime.timedelta(1),
        body="Opened and read", created_at=past, read_at=past + datetime.timedelta(days=2),
    )  # fmt: skip
    ReminderSettings.objects.create(
        owner=owner, check_in=True, reflect=True, time_of_day=datetime.time(7, 30),
        reflect_weekday=2,
    )  # fmt: skip
    return owner


def snapshot(user):
    letters = sorted(
        (
            letter.kind,
            letter.title,
            letter.body,
            letter.seal,
            letter.open_on,
            letter.created_at.replace(microsecond=0),
            letter.sealed_at and letter.sealed_at.replace(microsecond=0),
            letter.read_at and letter.read_at.replace(microsecond=0),
            letter.archived_at and letter.archived_at.replace(microsecond=0),
        )  # fmt: skip
        for letter in Letter.objects.for_owner(user)
    )
    reminders = list(
        ReminderSettings.objects.for_owner(user).values(
            "check_in", "reflect", "time_of_day", "reflect_weekday"
        )
    )
    return letters, reminders


def upload(content):
    return SimpleUploadedFile("journal.json", content, content_type="application/json")


def import_file(client, content):
    response = client.post(reverse("journal:import"), {"file": upload(content)}, follow=True)
    return response, " ".join(str(m) for m in response.context["messages"])


def test_the_export_holds_every_letter_sealed_ones_included(owner_client, letters):
    data = json.loads(owner_client.get(reverse("journal:export_json")).content)
    bodies = {letter["body"] for letter in data["letters"]}
    assert {"Sealed by date", "Sealed until I move", "Put away"} <= bodies
    assert data["reminders"] == {
        "check_in": True, "reflect": True, "time_of_day": "07:30", "reflect_weekday": 2,
    }  # fmt: skip
    archive = zipfile.ZipFile(io.BytesIO(owner_client.get(reverse("journal:export_zip")).content))
    letter_files = [name for name in archive.namelist() if name.startswith("letters/")]
    assert len(letter_files) == 5
    assert any("Sealed until I move" in archive.read(name).decode() for name in letter_files)
    assert 'time_of_day: "07:30"' in archive.read("reminders.md").decode()


def test_export_delete_account_import_gives_letters_and_reminders_back(client, letters):
    client.force_login(letters)
    before = snapshot(letters)
    exported = client.get(reverse("journal:export_json")).content
    letters.delete()
    again = UserFactory(email="owner@example.com")
    client.force_login(again)
    _, message = import_file(client, exported)
    assert snapshot(again) == before
    assert "5 letters" in message and "your reminder settings" in message
    # Still sealed: the import never opens a letter early.
    sealed = Letter.objects.get(owner=again, body="Sealed until I move")
    page = client.get(sealed.get_absolute_url()).content.decode()
    assert "Sealed until I move" not in page and "A sealed letter" in page


def test_importing_letters_twice_adds_nothing_and_keeps_own_reminders(owner_client, letters):
    exported = owner_client.get(reverse("journal:export_json")).content
    ReminderSettings.objects.filter(owner=letters).update(check_in=False)
    before = snapshot(letters)
    _, message = import_file(owner_client, exported)
    assert snapshot(letters) == before
    assert "5 letters" in message and "already here" in message


@pytest.mark.parametrize(  # fmt: skip
    ("letter", "problem"),
    [
        (
            {"kind": "poem", "body": "x"},
            "Letter 1 in the file is neither an unsent letter nor a letter to your future self.",
        ),
        ({"kind": "unsent", "body": "   "}, "Letter 1 in the file has no text."),
        (
            {"kind": "future", "seal": "date", "body": "x"},
            "Letter 1 in the file has a missing or unreadable date.",
        ),
        (
            {"kind": "future", "seal": "someday", "body": "x"},
            "Letter 1 in the file has a seal that is not “until a date” or “until the next move”.",
        ),
        (
            {"kind": "unsent", "body": "x" * 100_001},
            "Letter 1 in the file is longer than 100,000 characters.",
        ),
        ("not a letter", "Letter 1 in the file is not a letter."),
    ],
)
def test_a_broken_letter_imports_nothing(owner_client, owner, letter, problem):
    if isinstance(letter, dict):
        letter = {"created_at": "2025-01-01T10:00:00+00:00", **letter}
    content = json.dumps({
        "format": "twinflame-journal-export", "version": 1, "letters": [letter],
        "entries": [{"body": "new", "entry_date": "2024-01-01",
                     "created_at": "2024-01-01T10:00:00+00:00"}],
    }).encode()  # fmt: skip
    response = owner_client.post(reverse("journal:import"), {"file": upload(content)})
    assert response.status_code == 400
    assert problem in response.content.decode()
    assert not Letter.objects.exists() and not owner.journal_entries.exists()


def test_bad_reminder_settings_import_nothing(owner_client, owner):
    content = json.dumps({
        "format": "twinflame-journal-export", "version": 1, "entries": [],
        "reminders": {"check_in": True, "time_of_day": "25:00", "reflect_weekday": 9},
    }).encode()  # fmt: skip
    response = owner_client.post(reverse("journal:import"), {"file": upload(content)})
    assert response.status_code == 400
    assert "The reminder settings in the file cannot be read." in response.content.decode()
    assert not ReminderSettings.objects.exists()
