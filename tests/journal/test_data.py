"""Your data is yours: export, import (idempotent, all-or-nothing) and account deletion."""

import datetime
import io
import json
import uuid
import zipfile

import pytest
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guide.models import Article, Practice, Prompt, Section, Stage, Status
from journal.accounts.models import PageRevision
from journal.data.records import CheckInRecord
from journal.models import (
    CheckIn,
    Entry,
    EntryDraft,
    Journey,
    Letter,
    PracticeTick,
    Profile,
    ReminderSent,
    ReminderSettings,
    Role,
    Tag,
    Transition,
)
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


# A valid file with one new entry: the bad parts added to it must stop it too.
FINE = {
    "format": "twinflame-journal-export",
    "version": 1,
    "entries": [
        {"body": "new", "entry_date": "2024-01-01", "created_at": "2024-01-01T10:00:00+00:00"}
    ],
}


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


# --- The journey, its history and the links to the guide -----------------------------

MOMENT = datetime.datetime(2024, 3, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC)


@pytest.fixture
def whole_guide(stage, prompt, section):
    """Two stages, a practice in each, the prompt and the section linked entries point to."""
    later = Stage.objects.create(
        order=2, slug="return", name="Return", summary="Back.", status=Status.PUBLISHED
    )
    return {
        "stage": stage, "later": later, "prompt": prompt, "section": section,
        "practice": Practice.objects.create(stage=stage, title="Breathe before replying"),
        "later_practice": Practice.objects.create(stage=later, title="Write a letter, unsent"),
    }  # fmt: skip


@pytest.fixture
def lived(journal, whole_guide):
    """The journal person, with a journey lived through the phase tracker."""
    g = whole_guide
    Journey.objects.filter(owner=journal).delete()
    journey = Journey.start(journal, Role.CHASER, g["stage"], intention="Sleep again")
    journey.move_to(g["later"], note="Something *shifted*.")
    # Times of their own, to the microsecond, as the export writes them.
    Journey.objects.filter(pk=journey.pk).update(started_at=MOMENT)
    first, move = Transition.objects.for_owner(journal)
    first.created_at, move.created_at = MOMENT, MOMENT + datetime.timedelta(days=20)
    Transition.objects.bulk_update([first, move], ["created_at"])
    day = datetime.date(2024, 3, 2)
    PracticeTick.set_done(journal, g["practice"], True, today=day)
    PracticeTick.set_done(journal, g["practice"], False, today=day + datetime.timedelta(days=3))
    PracticeTick.set_done(journal, g["practice"], True, today=day + datetime.timedelta(days=5))
    PracticeTick.set_done(journal, g["later_practice"], True, today=day)
    CheckIn.objects.create(owner=journal, day=datetime.date(2024, 3, 2), mood=1, note="Hard.")
    EntryFactory(owner=journal, title="Linked", body="Answering.", stage=g["stage"],
                 prompt=g["prompt"], section=g["section"])  # fmt: skip
    return journal


def journey_snapshot(user):
    """What the phase tracker holds, by the guide's stable keys rather than ids."""
    journey = Journey.objects.for_owner(user).select_related("stage").first()
    return {
        "journey": journey
        and (journey.role, journey.stage.slug, journey.intention, journey.started_at),
        "transitions": sorted(
            (t.created_at, t.from_stage and t.from_stage.slug, t.to_stage.slug, t.note)
            for t in Transition.objects.for_owner(user).select_related("from_stage", "to_stage")
        ),
        "ticks": sorted(
            (t.practice.stage.slug, t.practice.title, t.done_on, t.undone_on)
            for t in PracticeTick.objects.for_owner(user).select_related("practice__stage")
        ),
        "check_ins": sorted(CheckIn.objects.for_owner(user).values_list("day", "mood", "note")),
        "entry_links": sorted(
            (
                e.title,
                e.stage and e.stage.slug,
                e.prompt and e.prompt.text,
                e.section and e.section.slug,
            )
            for e in Entry.objects.for_owner(user).select_related("stage", "prompt", "section")
        ),  # fmt: skip
    }


def counts(user):
    return {
        model.__name__: model.objects.for_owner(user).count()
        for model in (Entry, Tag, Journey, Transition, PracticeTick, CheckIn)
    }


def import_file(client, content):
    response = client.post(reverse("journal:import"), {"file": upload(content)}, follow=True)
    assert response.redirect_chain, response.text
    return " ".join(str(m) for m in response.context["messages"])


def test_export_delete_account_sign_up_again_import_gives_everything_back(client, lived):
    client.force_login(lived)
    before, journey_before = snapshot(lived), journey_snapshot(lived)
    assert len(journey_before["transitions"]) == 2 and len(journey_before["ticks"]) == 3
    exported = client.get(reverse("journal:export_json")).content
    lived.delete()
    assert not Transition.objects.exists() and not PracticeTick.objects.exists()

    again = UserFactory(email="owner@example.com")
    client.force_login(again)
    response = client.post(reverse("journal:import"), {"file": upload(exported)})
    assert response.status_code == 302
    assert snapshot(again) == before
    assert journey_snapshot(again) == journey_before
    # The history starts once: the file's first stage, not a second one made by the import.
    assert Transition.objects.for_owner(again).filter(from_stage=None).count() == 1


def test_the_import_says_what_came_back(client, lived):
    client.force_login(lived)
    exported = client.get(reverse("journal:export_json")).content
    client.force_login(UserFactory())
    message = import_file(client, exported)
    assert "Imported 4 entries; 0 already in your journal" in message
    assert (
        "Also brought back: your journey, 2 stage moves, 3 practice ticks and 2 check-ins."
        in message
    )


def test_importing_twice_creates_no_duplicates(owner_client, journal):
    exported = owner_client.get(reverse("journal:export_json")).content
    before = snapshot(journal)
    for _ in range(2):
        message = import_file(owner_client, exported)
        assert "Imported 0 entries; 3 already in your journal were left as they are." in message
    assert snapshot(journal) == before
    assert Entry.objects.count() == 3


def test_importing_twice_into_a_new_account_doubles_nothing(client, lived):
    client.force_login(lived)
    exported = client.get(reverse("journal:export_json")).content
    again = UserFactory()
    client.force_login(again)
    import_file(client, exported)
    once, journey_once = counts(again), journey_snapshot(again)
    message = import_file(client, exported)
    assert counts(again) == once and journey_snapshot(again) == journey_once
    assert once == {"Entry": 4, "Tag": 3, "Journey": 1, "Transition": 2, "PracticeTick": 3,
                    "CheckIn": 2}  # fmt: skip
    assert "Imported 0 entries; 4 already in your journal" in message
    assert "You already have a journey, so yours was kept as it is." in message
    assert "2 stage moves and 3 practice ticks already here were left as they are." in message
    assert "2 check-ins fell on days you already checked in; yours were kept." in message


def test_reimporting_your_own_export_changes_nothing_of_the_journey(owner_client, lived):
    exported = owner_client.get(reverse("journal:export_json")).content
    before, journey_before = counts(lived), journey_snapshot(lived)
    import_file(owner_client, exported)
    assert counts(lived) == before and journey_snapshot(lived) == journey_before


def test_someone_who_began_again_keeps_their_new_journey_and_gets_the_old_history(
    client, lived, whole_guide
):
    client.force_login(lived)
    exported = client.get(reverse("journal:export_json")).content
    old_history = journey_snapshot(lived)["transitions"]
    again = UserFactory()
    Journey.start(again, Role.RUNNER, whole_guide["later"], intention="New start")
    client.force_login(again)
    import_file(client, exported)
    journey = Journey.objects.get(owner=again)
    assert (journey.role, journey.stage, journey.intention) == (
        Role.RUNNER, whole_guide["later"], "New start",
    )  # fmt: skip
    history = journey_snapshot(again)["transitions"]
    # The old history, and their own new beginning once: nothing doubled.
    assert len(history) == len(old_history) + 1
    assert set(old_history) <= set(history)


def test_a_check_in_already_there_that_day_is_never_overwritten(client, lived):
    client.force_login(lived)
    exported = client.get(reverse("journal:export_json")).content
    again = UserFactory()
    CheckIn.objects.create(owner=again, day=datetime.date(2024, 3, 2), mood=5, note="Mine.")
    client.force_login(again)
    message = import_file(client, exported)
    mine = CheckIn.objects.get(owner=again, day=datetime.date(2024, 3, 2))
    assert (mine.mood, mine.note) == (5, "Mine.")
    assert CheckIn.objects.for_owner(again).count() == 2
    assert "1 check-in fell on days you already checked in; yours were kept." in message


def test_a_practice_ticked_now_keeps_its_own_tick(client, lived, whole_guide):
    client.force_login(lived)
    exported = client.get(reverse("journal:export_json")).content
    again = UserFactory()
    today = datetime.date(2024, 6, 1)
    PracticeTick.set_done(again, whole_guide["practice"], True, today=today)
    client.force_login(again)
    import_file(client, exported)
    active = PracticeTick.objects.for_owner(again).active()
    # Only one active tick per practice: theirs, from today; the old undone one comes back.
    assert active.get(practice=whole_guide["practice"]).done_on == today
    assert (
        PracticeTick.objects.for_owner(again).filter(practice=whole_guide["practice"]).count() == 2
    )


def test_links_to_guide_items_that_are_gone_are_skipped_and_said(client, lived, whole_guide):
    client.force_login(lived)
    exported = client.get(reverse("journal:export_json")).content
    lived.delete()
    whole_guide["later"].delete()  # With its practice; the second move went there.
    whole_guide["prompt"].delete()
    again = UserFactory()
    client.force_login(again)
    message = import_file(client, exported)
    assert "1 practice tick referred to practices that are no longer in the guide and were " \
        "skipped." in message  # fmt: skip
    assert "1 stage move referred to stages that are no longer in the guide" in message
    assert "Your journey's stage is no longer in the guide, so the journey was skipped" in message
    assert "1 entry referred to stages, prompts or guide sections that are no longer" in message
    assert not Journey.objects.for_owner(again).exists()
    linked = Entry.objects.get(owner=again, title="Linked")
    assert (linked.stage, linked.prompt, linked.section) == (
        whole_guide["stage"], None, whole_guide["section"],
    )  # fmt: skip
    assert counts(again) | {"Entry": 0, "Tag": 0} == {"Entry": 0, "Tag": 0, "Journey": 0,
                                                      "Transition": 1, "PracticeTick": 2,
                                                      "CheckIn": 2}  # fmt: skip


def test_links_are_found_by_slug_and_title_not_by_id(client, lived, whole_guide):
    """A guide loaded afresh (new ids) still matches: the export names things, never ids."""
    client.force_login(lived)
    data = json.loads(client.get(reverse("journal:export_json")).content)
    linked = next(e for e in data["entries"] if e["title"] == "Linked")
    assert linked["prompt_stage"] == "separation"
    assert (linked["section_article"], linked["section_slug"]) == ("guide", "why")
    lived.delete()
    # The same guide, rebuilt: every row is new.
    Practice.objects.all().delete()
    Prompt.objects.all().delete()
    Section.objects.all().delete()
    Article.objects.all().delete()
    Stage.objects.all().delete()
    public = {"status": Status.PUBLISHED}
    stage = Stage.objects.create(order=1, slug="separation", name="S", summary="s", **public)
    Stage.objects.create(order=2, slug="return", name="R", summary="r", **public)
    Prompt.objects.create(stage=stage, text="What did you need today?")
    Practice.objects.create(stage=stage, title="Breathe before replying")
    article = Article.objects.create(title="A", slug="guide", summary="s", **public)
    Section.objects.create(article=article, title="Renamed", slug="why", **public)
    again = UserFactory()
    client.force_login(again)
    message = import_file(client, json.dumps(data).encode())
    assert "no longer in the guide" in message  # Only the other stage's practice is gone.
    entry = Entry.objects.get(owner=again, title="Linked")
    assert entry.prompt.text == "What did you need today?" and entry.section.title == "Renamed"
    assert PracticeTick.objects.for_owner(again).count() == 2


def test_an_older_export_without_the_new_keys_still_imports(client, lived, whole_guide):
    client.force_login(lived)
    data = json.loads(client.get(reverse("journal:export_json")).content)
    for entry in data["entries"]:
        for key in ("prompt_stage", "section_article", "section_slug"):
            del entry[key]
    for key in ("journey", "stage_transitions", "practice_ticks", "check_ins"):
        del data[key]
    again = UserFactory()
    client.force_login(again)
    import_file(client, json.dumps(data).encode())
    entry = Entry.objects.get(owner=again, title="Linked")
    # The prompt by its text and the section by its title, where there is only one.
    assert (entry.prompt, entry.section) == (whole_guide["prompt"], whole_guide["section"])
    assert counts(again)["Entry"] == 4 and not Journey.objects.for_owner(again).exists()


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
        (json.dumps({"format": "twinflame-journal-export", "version": 1, "entries": [
            {"body": "x", "entry_date": "2024-02-30",
             "created_at": "2024-01-01T10:00:00+00:00"}]}).encode(), "unreadable date"),
        (json.dumps(FINE | {"check_ins": [{"day": "2024-01-01", "mood": 9}]}).encode(),
         "Check-in 1 in the file has a mood that is not 1 to 5"),
        (json.dumps(FINE | {"check_ins": [{"day": "2024-02-30", "mood": 2}]}).encode(),
         "Check-in 1 in the file has a missing or unreadable day"),
        (json.dumps(FINE | {"practice_ticks": "nope"}).encode(),
         "practice ticks are not a list"),
        (json.dumps(FINE | {"practice_ticks": [{"practice": "P", "stage": "separation",
                                               "done_on": "yesterday"}]}).encode(),
         "Practice tick 1 in the file has a missing or unreadable date"),
        (json.dumps(FINE | {"stage_transitions": [{"to_stage": "separation"}]}).encode(),
         "Stage move 1 in the file has a missing or unreadable date"),
        (json.dumps(FINE | {"stage_transitions": [
            {"to_stage": ["x"], "created_at": "2024-01-01T10:00:00+00:00"}]}).encode(),
         "Stage move 1 in the file has a to stage that is not a name"),
        (json.dumps(FINE | {"journey": {"role": "boss", "stage": "separation"}}).encode(),
         "The journey in the file has a role"),
        (json.dumps(FINE | {"journey": "yes"}).encode(), "The journey in the file is not"),
    ],
)  # fmt: skip
def test_a_bad_file_gets_a_clear_error_and_changes_nothing(owner_client, journal, content, message):
    before, others = snapshot(journal), counts(journal)
    response = owner_client.post(reverse("journal:import"), {"file": upload(content)})
    assert response.status_code == 400
    assert message in response.text and "Nothing was imported" in response.text
    assert snapshot(journal) == before and counts(journal) == others


def test_an_import_racing_another_write_changes_nothing_and_says_so(
    owner_client, journal, monkeypatch
):
    """Another tab checks in on a day the file has, between the check and the write."""
    exported = owner_client.get(reverse("journal:export_json")).content
    Entry.objects.for_owner(journal).delete()  # So the entries would be written first.
    before, others = snapshot(journal), counts(journal)
    monkeypatch.setattr(CheckInRecord, "keys", staticmethod(lambda check_in: {id(check_in)}))
    response = owner_client.post(reverse("journal:import"), {"file": upload(exported)})
    assert response.status_code == 400
    assert "Your journal changed while this file was being imported" in response.text
    assert snapshot(journal) == before and counts(journal) == others


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


def private_models():
    """Every model of the journal app that belongs to a person: each has an owner."""
    return [
        model
        for model in apps.get_app_config("journal").get_models()
        if any(field.name == "owner" for field in model._meta.fields)
    ]


def test_deleting_the_account_removes_all_data_and_ends_every_session(
    client, lived, django_user_model
):
    EntryDraft.save_for(lived, "", "draft")
    Profile.objects.update_or_create(owner=lived, defaults={"timezone": "Europe/Paris"})
    Letter.objects.create(owner=lived, kind="unsent", body="Never sent")
    ReminderSettings.objects.create(owner=lived, check_in=True)
    ReminderSent.objects.create(owner=lived, kind="check_in", day=datetime.date(2024, 3, 3))
    private = private_models()
    assert {Entry, Tag, EntryDraft, Journey, Transition, PracticeTick, CheckIn, Profile} <= set(
        private
    )
    for model in private:
        # A new private model fails here until this test gives the person one of it.
        assert model.objects.filter(owner=lived).exists(), f"seed a {model.__name__} above"
    from django.test import Client

    elsewhere = Client()
    sign_in(elsewhere, lived)
    elsewhere.get(reverse("journal:entry_list"))  # Tracked by allauth's user sessions.
    reauthenticate(client, lived)
    client.get(reverse("journal:entry_list"))
    assert UserSession.objects.filter(user=lived).count() == 2

    response = client.post(reverse("journal:delete_account"), {"confirm": "DELETE"})
    assert response["Location"] == reverse("home")
    assert not django_user_model.objects.filter(pk=lived.pk).exists()
    for model in private:
        assert not model.objects.filter(owner_id=lived.pk).exists(), model
    assert not UserSession.objects.exists()
    assert not Session.objects.exists()
    # The number that keyed their kept pages goes too (and was not recreated on the way).
    assert not PageRevision.objects.filter(person_id=lived.pk).exists()
    # Both browsers are signed out.
    for browser in (client, elsewhere):
        page = browser.get(reverse("journal:entry_list"))
        assert page.status_code == 302 and reverse("account_login") in page["Location"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"created_at": "0001-01-01T00:00:00+05:00"}, "unreadable date"),
        ({"entry_date": "0001-01-01"}, "unreadable date"),
        ({"body": "a\u0000b"}, "NUL character"),
        ({"title": "\u0000"}, "NUL character"),
    ],
)
def test_impossible_dates_or_nul_text_in_an_import_are_refused_cleanly(
    owner_client, owner, change, message
):
    entry = {
        "title": "T",
        "body": "B",
        "mood": None,
        "tags": [],
        "entry_date": "2025-01-01",
        "created_at": "2025-01-01T10:00:00+00:00",
        **change,
    }
    payload = {"format": "twinflame-journal-export", "version": 1, "entries": [entry], "tags": []}
    response = owner_client.post(
        reverse("journal:import"), {"file": upload(json.dumps(payload).encode())}
    )
    assert response.status_code < 500
    assert message in response.text
    assert not Entry.objects.for_owner(owner).exists()


def test_an_import_never_puts_anyone_in_a_draft_stage(client, lived, whole_guide):
    client.force_login(lived)
    data = json.loads(client.get(reverse("journal:export_json")).content)
    draft = data["journey"]["stage"]
    assert draft == "return"
    lived.delete()
    Stage.objects.filter(slug=draft).update(status=Status.DRAFT)
    again = UserFactory()
    client.force_login(again)
    message = import_file(client, json.dumps(data).encode())
    assert "Your journey's stage is no longer in the guide, so the journey was skipped" in message
    assert not Journey.objects.for_owner(again).exists()
    # Nothing else of theirs points into the draft: not a move, not a tick of its practice.
    moves = Transition.objects.for_owner(again)
    assert moves.count() == 1 and not moves.filter(to_stage__slug=draft).exists()
    ticks = PracticeTick.objects.for_owner(again)
    assert ticks.count() == 2 and not ticks.filter(practice__stage__slug=draft).exists()
    # The rest came back: the import ran, and refused only the draft.
    assert Entry.objects.for_owner(again).count() == 4


def test_the_export_names_entries_by_their_random_id_never_their_number(owner_client, journal):
    data = json.loads(owner_client.get(reverse("journal:export_json")).content)
    ids = {entry.public_id for entry in Entry.objects.for_owner(journal)}
    assert {uuid.UUID(e["id"]) for e in data["entries"]} == ids
    numbers = set(Entry.objects.for_owner(journal).values_list("pk", flat=True))
    assert not any(key in ("pk", "number") for e in data["entries"] for key in e)
    assert numbers  # the entries exist; their numbers are simply not in the file


def test_the_same_export_imported_by_two_people_gives_each_their_own_ids(client, journal):
    client.force_login(journal)
    exported = client.get(reverse("journal:export_json")).content
    first, second = UserFactory(), UserFactory()
    for person in (first, second, second):
        client.force_login(person)
        import_file(client, exported)
    theirs = [set(Entry.objects.for_owner(p).values_list("public_id", flat=True)) for p in
              (journal, first, second)]  # fmt: skip
    assert all(len(ids) == 3 for ids in theirs)
    assert not (theirs[0] & theirs[1]) and not (theirs[1] & theirs[2])
