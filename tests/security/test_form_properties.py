"""Property: whatever a person types, a form saves exactly that or shows an error.

Hypothesis writes the input (any Unicode but lone surrogates, which no browser can send
as UTF-8; control characters included) and posts it through the real views. Never a
500; a saved object holds what was sent (Django trims surrounding whitespace); a refused
post changes nothing.
"""

import datetime

import pytest
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from guide.models import Stage
from journal.entries.forms import parse_tag_names
from journal.models import CheckIn, Entry, Journey

from .conftest import snapshot
from .test_bad_input import form_errors, refused

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

typed = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
long_typed = st.one_of(typed, st.text(st.characters(exclude_categories=["Cs"]), min_size=1000))
moods = st.one_of(st.sampled_from(["", "1", "2", "3", "4", "5"]), typed)
past_days = st.dates(datetime.date(1, 1, 1), datetime.date.today() - datetime.timedelta(days=2))
entry_dates = st.one_of(past_days.map(datetime.date.isoformat), typed)


def signed_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def saved_as_sent(entry, sent):
    assert entry.title == sent["title"].strip()
    assert entry.body == sent["body"].strip()
    assert entry.mood == (int(sent["mood"]) if sent["mood"].strip() else None)
    if sent["entry_date"].strip():
        assert entry.entry_date.isoformat() == sent["entry_date"].strip()
    wanted = {name.casefold() for name in parse_tag_names(sent["tags_text"])}
    assert {tag.name.casefold() for tag in entry.tags.all()} == wanted


@PROPERTY_SETTINGS
@given(title=typed, body=long_typed, mood=moods, entry_date=entry_dates, tags_text=typed)
def test_a_new_entry_is_saved_as_typed_or_refused_whole(
    furnished, title, body, mood, entry_date, tags_text
):
    owner = furnished["owner"]
    sent = {"title": title, "body": body, "mood": mood, "entry_date": entry_date,
            "tags_text": tags_text}  # fmt: skip
    before, last = snapshot(owner), Entry.objects.order_by("pk").last().pk
    response = signed_in(owner).post("/journal/new/", sent)
    assert response.status_code < 500
    event(f"status {response.status_code}")
    if response.status_code == 302:
        saved_as_sent(Entry.objects.get(pk__gt=last, owner=owner), sent)
    else:
        assert refused(response) and form_errors(response)
        assert snapshot(owner)["entries"] == before["entries"]


@PROPERTY_SETTINGS
@given(title=typed, body=long_typed, mood=moods, entry_date=entry_dates, tags_text=typed)
def test_an_edit_is_saved_as_typed_or_leaves_the_entry_as_it_was(
    furnished, title, body, mood, entry_date, tags_text
):
    owner, entry = furnished["owner"], furnished["entry"]
    sent = {"title": title, "body": body, "mood": mood, "entry_date": entry_date,
            "tags_text": tags_text}  # fmt: skip
    before = snapshot(owner)
    response = signed_in(owner).post(f"/journal/{entry.public_id}/edit/", sent)
    assert response.status_code < 500
    event(f"status {response.status_code}")
    if response.status_code == 302:
        entry.refresh_from_db()
        saved_as_sent(entry, sent)
    else:
        assert form_errors(response)
        assert snapshot(owner) == before


@PROPERTY_SETTINGS
@given(mood=moods, note=typed, htmx=st.booleans())
def test_a_check_in_is_saved_as_typed_or_refused(furnished, mood, note, htmx):
    owner = furnished["owner"]
    before = snapshot(owner)
    headers = {"HX-Request": "true"} if htmx else {}
    response = signed_in(owner).post("/journey/check-in/", {"mood": mood, "note": note},
                                     headers=headers)  # fmt: skip
    assert response.status_code < 500
    event("refused" if refused(response) else "saved")
    if refused(response):
        assert snapshot(owner) == before
    else:
        latest = CheckIn.objects.filter(owner=owner).order_by("-updated_at", "-pk").first()
        assert (latest.mood, latest.note) == (int(mood), note.strip())


@PROPERTY_SETTINGS
@given(
    role=st.one_of(st.sampled_from(["runner", "chaser", "not_sure"]), typed),
    stage=st.one_of(st.sampled_from(["first", "last"]), typed),
    intention=long_typed,
)
def test_onboarding_answers_are_saved_as_typed_or_refused(furnished, role, stage, intention):
    owner = furnished["owner"]
    stages = list(Stage.objects.published())
    stage_value = {"first": stages[0].pk, "last": stages[-1].pk}.get(stage, stage)
    before = snapshot(owner)
    response = signed_in(owner).post(
        "/journey/start/", {"role": role, "stage": stage_value, "intention": intention}
    )
    assert response.status_code < 500
    event(f"status {response.status_code}")
    if response.status_code == 302:
        journey = Journey.objects.get(owner=owner)
        assert (journey.role, journey.stage_id) == (role, stage_value)
        assert journey.intention == intention.strip()
    else:
        assert form_errors(response)
        assert snapshot(owner) == before
