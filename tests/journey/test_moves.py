"""Moving between stages: on, back, and a choice between two complete ways on from
integration (reunion or peace apart); every move is kept, in order."""

import pytest

from journal.models import Journey, Transition

pytestmark = pytest.mark.django_db


def move(client, stage, note=""):
    return client.post("/journey/move/", {"stage": stage.pk, "note": note})


def moves_of(owner):
    return list(
        Transition.objects.for_owner(owner).values_list(
            "from_stage__slug", "to_stage__slug", "note"
        )
    )


def test_moving_on_and_back_creates_transitions_in_order(
    owner_client, owner, chaser_journey, guide
):
    move(owner_client, guide["integration"], "Calmer now")
    move(owner_client, guide["reunion"])
    response = move(owner_client, guide["integration"], "Wobbly week")
    assert response.status_code == 302
    assert moves_of(owner) == [
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


def test_from_integration_the_tracker_asks_which_way_and_assumes_neither(
    owner_client, owner, chaser_journey, guide
):
    chaser_journey.move_to(guide["integration"])
    page = owner_client.get("/journey/").content.decode()
    assert "Ways on from here, each complete in itself" in page
    assert "Neither is further along than the other" in page
    reunion = f'<button type="submit" name="stage" value="{guide["reunion"].pk}"'
    peace = f'<button type="submit" name="stage" value="{guide["peace-apart"].pk}"'
    assert f'{reunion} class="button-secondary"' in page  # the same look: no default
    assert f'{peace} class="button-secondary"' in page
    assert "Move on to" not in page
    assert "Go back to Separation" in page


def test_a_move_without_a_chosen_stage_moves_nowhere_and_keeps_the_note(
    owner_client, owner, chaser_journey, guide
):
    chaser_journey.move_to(guide["integration"])
    response = owner_client.post("/journey/move/", {"note": "keep me"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose the stage you want to move to." in page
    assert "keep me" in page
    assert Journey.objects.get(owner=owner).stage == guide["integration"]


def test_choosing_peace_apart_then_moving_across_to_reunion_and_back(
    owner_client, owner, chaser_journey, guide
):
    chaser_journey.move_to(guide["integration"])
    move(owner_client, guide["peace-apart"], "I stopped waiting")
    page = owner_client.get("/journey/").content.decode()
    assert "Peace apart is complete in itself" in page
    assert "Move to Reunion instead" in page
    assert "Go back to Integration" in page

    move(owner_client, guide["reunion"], "We both chose to try")
    page = owner_client.get("/journey/").content.decode()
    assert "Reunion is complete in itself" in page
    assert "Move to Peace apart instead" in page

    move(owner_client, guide["peace-apart"])
    assert moves_of(owner)[-3:] == [
        ("integration", "peace-apart", "I stopped waiting"),
        ("peace-apart", "reunion", "We both chose to try"),
        ("reunion", "peace-apart", ""),
    ]


def test_only_a_stage_one_move_away_can_be_chosen(owner_client, owner, chaser_journey, guide):
    response = move(owner_client, guide["peace-apart"], "keep me")
    assert response.status_code == 400
    assert "That stage is not one step from yours." in response.content.decode()
    assert Transition.objects.for_owner(owner).count() == 1


@pytest.mark.parametrize("value", ["sideways", "", "99999"])
def test_a_move_to_no_stage_is_refused(owner_client, owner, chaser_journey, value):
    response = owner_client.post("/journey/move/", {"stage": value})
    assert response.status_code == 400
    assert Transition.objects.for_owner(owner).count() == 1


def test_moving_needs_a_post(owner_client, chaser_journey):
    assert owner_client.get("/journey/move/").status_code == 405


def test_the_timeline_shows_each_move_with_its_note(owner_client, chaser_journey, guide):
    move(owner_client, guide["integration"], "Calmer <now>")
    page = owner_client.get("/journey/history/").content.decode()
    assert "Began in <strong>Separation</strong>" in page
    assert "From Separation to <strong>Integration</strong>" in page
    assert "Calmer &lt;now&gt;" in page
    assert page.index("to <strong>Integration") < page.index("Began in")  # newest first


def test_the_timeline_shows_both_ways_on_when_a_person_has_been_in_both(
    owner_client, chaser_journey, guide
):
    chaser_journey.move_to(guide["integration"])
    move(owner_client, guide["reunion"])
    move(owner_client, guide["peace-apart"])
    page = owner_client.get("/journey/history/").content.decode()
    assert "From Integration to <strong>Reunion</strong>" in page
    assert "From Reunion to <strong>Peace apart</strong>" in page
    assert page.count('class="timeline-item"') == 4


def test_where_you_are_shows_the_two_ways_on_as_one_step(owner_client, chaser_journey, guide):
    chaser_journey.move_to(guide["peace-apart"])
    page = owner_client.get("/journey/").content.decode()
    assert '<nav class="subnav" aria-label="Where you are">' in page
    step = page[page.index("3. ") : page.index("</li>", page.index("3. "))]
    assert 'Reunion</a> <span class="muted">or</span> <a' in step
    assert 'aria-current="step">Peace apart</a>' in step
    assert "4. " not in page[page.index("Where you are") :]
