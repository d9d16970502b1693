"""Every tracker page is private to its owner, and costs the same queries at any history length."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal.models import CheckIn, Entry, Journey, PracticeTick, Role, Transition

# These count what rendering costs, so no page is served from the whole-page cache.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("render_every_time")]

PAGES = ["/", "/journey/", "/journey/start/", "/journey/history/", "/journey/history/?days=365"]


@pytest.mark.parametrize("url", [*PAGES[1:], "/journey/history/?page=2"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("url", ["/journey/move/", "/journey/check-in/", "/journey/practices/1/"])
def test_anonymous_posts_change_nothing_and_are_sent_to_sign_in(client, url, guide):
    response = client.post(url, {"direction": "forward", "mood": "3", "done": "1"})
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert not (Transition.objects.exists() or CheckIn.objects.exists())
    assert not PracticeTick.objects.exists()


def test_anonymous_home_is_the_welcome_page(client, guide):
    response = client.get("/")
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "home.html"


def test_an_unknown_practice_is_not_found(owner_client, chaser_journey):
    assert owner_client.post("/journey/practices/999999/", {"done": "1"}).status_code == 404


def test_other_people_never_see_or_change_the_owners_journey(
    owner, other_user, client, chaser_journey, guide
):
    chaser_journey.intention = "A private wish"
    chaser_journey.save()
    chaser_journey.move_to(guide["integration"], note="A private note")
    CheckIn.record(owner, 1, note="A private check-in")
    practice = chaser_journey.practices(guide["separation"]).first()
    PracticeTick.set_done(owner, practice, True)

    Journey.start(other_user, Role.RUNNER, guide["separation"])
    client.force_login(other_user)
    for url in PAGES:
        page = client.get(url).content.decode()
        for secret in (
            "A private wish",
            "A private note",
            "A private check-in",
            "to <strong>Integration",
        ):
            assert secret not in page, (url, secret)
    # Their tick, move and check-in are theirs alone.
    client.post(f"/journey/practices/{practice.pk}/", {"done": "0"})
    client.post("/journey/move/", {"direction": "forward"})
    client.post("/journey/check-in/", {"mood": "5"})
    assert PracticeTick.objects.for_owner(owner).active().count() == 1
    assert Journey.objects.get(owner=owner).stage == guide["integration"]
    assert CheckIn.objects.for_owner(owner).get().mood == 1
    assert Transition.objects.for_owner(owner).count() == 2


def seed_history(user, journey, guide, days, skip=0):
    """Days `skip`+1 .. `days` ago: check-ins, entries with moods, ticks and moves."""
    today = timezone.localdate()
    now = timezone.now()
    stages = [guide["separation"], guide["integration"], guide["reunion"]]
    practices = list(journey.practices())
    CheckIn.objects.bulk_create(
        CheckIn(owner=user, day=today - datetime.timedelta(n), mood=1 + n % 5)
        for n in range(skip + 1, days + 1)
    )
    Entry.objects.bulk_create(
        Entry(owner=user, body="x", mood=1 + n % 5, entry_date=today - datetime.timedelta(n))
        for n in range(skip + 1, days + 1)
    )
    PracticeTick.objects.bulk_create(
        PracticeTick(
            owner=user,
            practice=practices[n % len(practices)],
            done_on=today - datetime.timedelta(n),
            undone_on=today - datetime.timedelta(n),
        )
        for n in range(skip + 1, days + 1)
    )
    Transition.objects.bulk_create(
        Transition(
            owner=user,
            from_stage=stages[n % 3],
            to_stage=stages[(n + 1) % 3],
            created_at=now - datetime.timedelta(days=days - n),
        )
        for n in range(skip + 1, days + 1)
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_page_queries_do_not_grow_with_the_length_of_the_history(
    owner_client, owner, chaser_journey, guide, url, django_assert_num_queries
):
    owner_client.get(url)  # the session settles on the first request
    seed_history(owner, chaser_journey, guide, 10)
    with_ten_days = queries_for(owner_client, url)
    seed_history(owner, chaser_journey, guide, 1000, skip=10)
    with django_assert_num_queries(with_ten_days):
        response = owner_client.get(url)
    assert response.status_code == 200
    assert with_ten_days <= 21  # six of them are the session's and allauth's
