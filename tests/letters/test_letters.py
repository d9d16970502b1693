"""Letters: unsent letters let go, letters to the future self sealed until they open."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal.letters.models import Kind, Letter, Seal

pytestmark = pytest.mark.django_db


def future_letter(owner, *, seal=Seal.DATE, open_on=None, body="Dear me, you made it.", **kw):
    return Letter.objects.create(
        owner=owner, kind=Kind.FUTURE, seal=seal, open_on=open_on, body=body, **kw
    )


def unsent_letter(owner, body="I wish you had stayed to talk.", **kw):
    return Letter.objects.create(owner=owner, kind=Kind.UNSENT, body=body, **kw)


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


# --- Unsent letters ---------------------------------------------------------------


def test_an_unsent_letter_is_kept_apart_from_the_journal(owner_client, owner):
    response = owner_client.post(
        "/journal/letters/new/", {"title": "To you", "body": "I wish you had stayed to talk."}
    )
    letter = Letter.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == f"/journal/letters/{letter.public_id}/"
    assert letter.kind == Kind.UNSENT
    page = owner_client.get(response["Location"]).content.decode()
    assert "I wish you had stayed to talk." in page
    assert "To you" not in owner_client.get("/journal/").content.decode()
    assert "To you" in owner_client.get("/journal/letters/").content.decode()


def test_an_empty_letter_is_refused_and_the_title_kept(owner_client, owner):
    response = owner_client.post("/journal/letters/new/", {"title": "Kept title", "body": "  "})
    assert response.status_code == 400
    assert "Write a few words first." in response.content.decode()
    assert 'value="Kept title"' in response.content.decode()
    assert not Letter.objects.exists()


def test_an_unsent_letter_can_be_rewritten(owner_client, owner):
    letter = unsent_letter(owner)
    url = f"/journal/letters/{letter.public_id}/edit/"
    response = owner_client.post(url, {"title": "", "body": "Now I can say it plainly."})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.body == "Now I can say it plainly."


def test_letting_go_asks_first_and_says_what_will_happen(owner_client, owner):
    letter = unsent_letter(owner)
    page = owner_client.get(f"/journal/letters/{letter.public_id}/let-go/").content.decode()
    assert "Delete it for good" in page and "cannot be undone" in page
    assert "Put it away" in page
    assert Letter.objects.filter(pk=letter.pk).exists()


def test_letting_go_by_deleting_erases_the_letter(owner_client, owner):
    letter = unsent_letter(owner)
    response = owner_client.post(f"/journal/letters/{letter.public_id}/let-go/", {"how": "delete"})
    assert response.status_code == 302
    assert not Letter.objects.filter(pk=letter.pk).exists()


def test_letting_go_without_a_choice_is_a_clear_error(owner_client, owner):
    letter = unsent_letter(owner)
    response = owner_client.post(f"/journal/letters/{letter.public_id}/let-go/", {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert Letter.objects.filter(pk=letter.pk).exists()


def test_a_letter_put_away_leaves_the_list_and_can_come_back(owner_client, owner):
    letter = unsent_letter(owner, title="Out of sight")
    owner_client.post(f"/journal/letters/{letter.public_id}/let-go/", {"how": "archive"})
    letter.refresh_from_db()
    assert letter.archived_at is not None
    assert "Out of sight" not in owner_client.get("/journal/letters/").content.decode()
    assert "Out of sight" in owner_client.get("/journal/letters/?archived=1").content.decode()
    owner_client.post(f"/journal/letters/{letter.public_id}/restore/")
    letter.refresh_from_db()
    assert letter.archived_at is None
    assert "Out of sight" in owner_client.get("/journal/letters/").content.decode()


# --- Letters to the future self ---------------------------------------------------


def test_a_sealed_letter_shows_only_its_sealing_date(owner_client, owner):
    letter = future_letter(owner, open_on=tomorrow(), title="Secret title", body="Secret body")
    for url in ("/journal/letters/", f"/journal/letters/{letter.public_id}/"):
        page = owner_client.get(url).content.decode()
        assert "Secret title" not in page and "Secret body" not in page
        assert f"{letter.sealed_at:%-d %B %Y}" in page
    assert letter.read_at is None


def test_a_sealed_letter_is_never_edited(owner_client, owner):
    letter = future_letter(owner, open_on=tomorrow())
    url = f"/journal/letters/{letter.public_id}/edit/"
    assert owner_client.get(url).status_code == 404
    assert owner_client.post(url, {"body": "changed"}).status_code == 404
    letter.refresh_from_db()
    assert letter.body == "Dear me, you made it."


def test_sealing_until_a_date_needs_a_day_after_today(owner_client, owner):
    form = {"title": "", "body": "Dear me", "seal": "date", "open_on": timezone.localdate()}
    response = owner_client.post("/journal/letters/new/future/", form)
    assert "Choose a day after today." in response.content.decode()
    response = owner_client.post("/journal/letters/new/future/", form | {"open_on": ""})
    assert "Choose the day the letter opens." in response.content.decode()
    assert "Dear me" in response.content.decode()
    assert not Letter.objects.exists()


def test_sealing_until_the_next_move_needs_a_journey_to_move_in(owner_client, owner):
    form = {"body": "Dear me", "seal": "next_stage"}
    response = owner_client.post("/journal/letters/new/future/", form)
    assert response.status_code == 400
    assert "Choose your stage on the Journey page first" in response.content.decode()
    assert not Letter.objects.exists()


def test_writing_a_letter_to_the_future_seals_it(owner_client, owner):
    form = {"body": "Dear me", "seal": "date", "open_on": tomorrow().isoformat()}
    response = owner_client.post("/journal/letters/new/future/", form)
    assert response.status_code == 302
    letter = Letter.objects.get(owner=owner)
    assert letter.kind == Kind.FUTURE and letter.sealed_at is not None
    assert letter.open_on == tomorrow()


def test_a_dated_letter_opens_on_its_day_and_is_marked_read(owner_client, owner):
    letter = future_letter(owner, open_on=timezone.localdate(), body="You kept going.")
    page = owner_client.get(f"/journal/letters/{letter.public_id}/").content.decode()
    assert "You kept going." in page
    letter.refresh_from_db()
    assert letter.read_at is not None


def test_a_dated_letter_opens_when_the_day_begins_where_the_person_is(owner):
    sealed = timezone.now() - datetime.timedelta(days=3)
    letter = future_letter(owner, open_on=datetime.date(2026, 3, 5), sealed_at=sealed)
    # 4 March 20:00 in London is already 5 March in Auckland.
    assert not Letter.objects.opened(datetime.date(2026, 3, 4)).filter(pk=letter.pk).exists()
    assert Letter.objects.opened(datetime.date(2026, 3, 5)).filter(pk=letter.pk).exists()


def test_a_letter_sealed_until_the_next_move_opens_when_the_person_moves(
    owner_client, owner, journey, guide
):
    owner_client.post(
        "/journal/letters/new/future/", {"body": "Look how far you came.", "seal": "next_stage"}
    )
    letter = Letter.objects.get(owner=owner)
    url = f"/journal/letters/{letter.public_id}/"
    assert "Look how far you came." not in owner_client.get(url).content.decode()
    assert "opens when you next move stage" in owner_client.get(url).content.decode()
    journey.move_to(guide["integration"])
    assert "Look how far you came." in owner_client.get(url).content.decode()


def test_a_move_before_the_letter_was_sealed_does_not_open_it(owner, journey, guide):
    journey.move_to(guide["integration"])
    letter = future_letter(owner, seal=Seal.NEXT_STAGE)
    assert not Letter.objects.opened(timezone.localdate()).filter(pk=letter.pk).exists()


def test_a_sealed_letter_can_be_deleted_unread_after_a_confirmation(owner_client, owner):
    letter = future_letter(owner, open_on=tomorrow())
    page = owner_client.get(f"/journal/letters/{letter.public_id}/let-go/").content.decode()
    assert "without being opened" in page and "cannot be undone" in page
    owner_client.post(f"/journal/letters/{letter.public_id}/let-go/", {"how": "delete"})
    assert not Letter.objects.filter(pk=letter.pk).exists()


def test_a_sealed_letter_cannot_be_archived(owner_client, owner):
    letter = future_letter(owner, open_on=tomorrow())
    response = owner_client.post(f"/journal/letters/{letter.public_id}/let-go/", {"how": "archive"})
    assert response.status_code == 400
    letter.refresh_from_db()
    assert letter.archived_at is None


# --- The dashboard ---------------------------------------------------------------


def test_the_dashboard_says_gently_when_a_letter_has_opened(owner_client, owner, journey):
    letter = future_letter(owner, open_on=timezone.localdate(), body="Private words")
    page = owner_client.get("/").content.decode()
    assert "A letter from you has opened" in page
    assert letter.get_absolute_url() in page
    assert "Private words" not in page
    owner_client.get(letter.get_absolute_url())
    assert "A letter from you has opened" not in owner_client.get("/").content.decode()


def test_the_dashboard_says_when_the_next_letter_opens(owner_client, owner, journey):
    future_letter(owner, open_on=datetime.date(2030, 5, 5))
    page = owner_client.get("/").content.decode()
    assert "A letter to yourself opens on 5 May 2030." in page


# --- Privacy -----------------------------------------------------------------------


def test_another_person_gets_404_for_every_letter_page(client, owner, other_user):
    letter = unsent_letter(owner, title="Mine alone")
    client.force_login(other_user)
    base = f"/journal/letters/{letter.public_id}/"
    for url in (base, base + "edit/", base + "let-go/", base + "restore/"):
        assert client.get(url).status_code in (404, 405)
        assert client.post(url, {"how": "delete", "body": "x"}).status_code in (404, 405)
    assert "Mine alone" not in client.get("/journal/letters/").content.decode()
    assert Letter.objects.filter(pk=letter.pk, archived_at=None).exists()


def test_the_list_takes_the_same_queries_for_one_letter_or_many(owner_client, owner):
    future_letter(owner, seal=Seal.NEXT_STAGE)
    owner_client.get("/journal/letters/")
    with CaptureQueriesContext(connection) as one:
        owner_client.get("/journal/letters/")
    for n in range(15):
        future_letter(owner, seal=Seal.NEXT_STAGE if n % 2 else Seal.DATE, open_on=tomorrow())
        unsent_letter(owner)
    with CaptureQueriesContext(connection) as many:
        owner_client.get("/journal/letters/")
    assert len(many) == len(one)
