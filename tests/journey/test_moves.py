"""Moving forward or back between stages; every move is kept, in order."""

import pytest

from journal.models import Journey, Transition

pytestmark = pytest.mark.django_db


def test_moving_forward_and_back_creates_transitions_in_order(
    owner_client, owner, chaser_journey, guide
):
    owner_client.post("/journey/move/", {"direction": "forward", "note": "Calmer now"})
    owner_client.post("/journey/move/", {"direction": "forward"})
    response = owner_client.post("/journey/move/", {"direction": "back", "note": "Wobbly week"})
    assert response.status_code == 302
    moves = list(
        Transition.objects.for_owner(owner).values_list(
            "from_stage__slug", "to_stage__slug", "note"
        )
    )
    assert moves == [
        (None, "separation", ""),
        ("separation", "integration", "Calmer now"),
        ("integration", "reunion", ""),
        ("reunion", "integration", "Wobbly week"),
    ]
    assert Journey.objects.get(owner=owner).stage == guide["integration"]


def test_the_stage_page_offers_the_next_stage_but_no_way_back_from_the_first(
    owner_client, chaser_journey
):
    page = owner_client.get("/journey/").content.decode()
    assert "Move on to Integration" in page
    assert "Go back to" not in page


def test_there_is_no_moving_back_from_the_first_stage(owner_client, owner, chaser_journey):
    response = owner_client.post("/journey/move/", {"direction": "back", "note": "keep me"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is no stage before this one." in page
    assert "keep me" in page
    assert Transition.objects.for_owner(owner).count() == 1


def test_a_move_needs_a_direction(owner_client, owner, chaser_journey):
    response = owner_client.post("/journey/move/", {"direction": "sideways"})
    assert response.status_code == 400
    assert Transition.objects.for_owner(owner).count() == 1


def test_moving_needs_a_post(owner_client, chaser_journey):
    assert owner_client.get("/journey/move/").status_code == 405


def test_the_timeline_shows_each_move_with_its_note(owner_client, chaser_journey):
    owner_client.post("/journey/move/", {"direction": "forward", "note": "Calmer <now>"})
    page = owner_client.get("/journey/history/").content.decode()
    assert "Began in <strong>Separation</strong>" in page
    assert "From Separation to <strong>Integration</strong>" in page
    assert "Calmer &lt;now&gt;" in page
    assert page.index("to <strong>Integration") < page.index("Began in")  # newest first
