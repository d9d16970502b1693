"""A person tells the tracker their role, their stage and an intention; all can change."""

import pytest

from journal.models import Journey, Role, Transition

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get("/journey/start/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_someone_without_a_journey_is_sent_to_onboarding_from_home_and_journey(owner_client):
    assert owner_client.get("/").url == "/journey/start/"
    assert owner_client.get("/journey/").url == "/journey/start/"
    assert owner_client.get("/journey/history/").url == "/journey/start/"


def test_onboarding_shows_each_stage_with_its_summary(owner_client, guide):
    page = owner_client.get("/journey/start/").content.decode()
    for stage in guide.values():
        assert stage.name in page
        assert stage.summary in page


def test_onboarding_creates_the_journey_and_a_first_transition(owner_client, owner, guide):
    response = owner_client.post(
        "/journey/start/",
        {"role": "chaser", "stage": guide["separation"].pk, "intention": "Sleep again"},
    )
    assert response.status_code == 302
    assert response.url == "/journey/"
    journey = Journey.objects.get(owner=owner)
    assert (journey.role, journey.stage, journey.intention) == (
        Role.CHASER,
        guide["separation"],
        "Sleep again",
    )
    first = Transition.objects.get(owner=owner)
    assert first.from_stage is None and first.to_stage == guide["separation"]


def test_missing_answers_get_clear_errors_and_keep_what_was_typed(owner_client, owner, guide):
    response = owner_client.post("/journey/start/", {"intention": "Be gentle with myself"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page
    assert "Be gentle with myself" in page
    assert not Journey.objects.filter(owner=owner).exists()


def test_an_unpublished_stage_cannot_be_chosen(owner_client, owner, guide):
    guide["reunion"].status = "draft"
    guide["reunion"].save()
    response = owner_client.post(
        "/journey/start/", {"role": "runner", "stage": guide["reunion"].pk}
    )
    assert response.status_code == 200
    assert not Journey.objects.filter(owner=owner).exists()


def test_answers_can_be_changed_later_and_a_new_stage_is_kept_as_a_move(
    owner_client, owner, chaser_journey, guide
):
    page = owner_client.get("/journey/start/").content.decode()
    assert "Your answers" in page
    owner_client.post(
        "/journey/start/",
        {"role": "runner", "stage": guide["integration"].pk, "intention": "Stay"},
    )
    chaser_journey.refresh_from_db()
    assert chaser_journey.role == Role.RUNNER
    assert chaser_journey.stage == guide["integration"]
    moves = list(Transition.objects.for_owner(owner).values_list("from_stage", "to_stage"))
    assert moves == [
        (None, guide["separation"].pk),
        (guide["separation"].pk, guide["integration"].pk),
    ]


def test_changing_only_the_role_adds_no_move(owner_client, owner, chaser_journey, guide):
    owner_client.post("/journey/start/", {"role": "runner", "stage": guide["separation"].pk})
    assert Transition.objects.for_owner(owner).count() == 1
