"""The way through the stages: a main way by order, and stages an editor sets to follow
one of them as another way on, offered beside the next stage as an equal choice."""

import pytest
from django.core.exceptions import ValidationError

from guide.models import Stage, Status, Way
from tests.guide.factories import StageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def way():
    separation = StageFactory(order=1, name="Separation")
    integration = StageFactory(order=2, name="Integration")
    reunion = StageFactory(order=3, name="Reunion")
    peace = StageFactory(order=4, name="Peace apart", follows=integration)
    return separation, integration, reunion, peace


def test_from_integration_there_are_two_ways_on(way):
    separation, integration, reunion, peace = way
    assert integration.neighbours() == Way(separation, [reunion, peace], [])
    assert not integration.neighbours().is_an_ending


def test_each_way_on_leads_back_to_integration_and_across_to_the_other(way):
    separation, integration, reunion, peace = way
    assert reunion.neighbours() == Way(integration, [], [peace])
    assert peace.neighbours() == Way(integration, [], [reunion])
    assert reunion.neighbours().is_an_ending and peace.neighbours().is_an_ending
    assert peace.neighbours().choices == [integration, reunion]


def test_the_way_reads_as_steps_with_the_two_ways_on_side_by_side(way):
    separation, integration, reunion, peace = way
    assert Stage.steps(Stage.objects.all()) == [[separation], [integration], [reunion, peace]]


def test_a_second_way_on_after_the_last_main_stage_is_its_own_step():
    first = StageFactory(order=1)
    second = StageFactory(order=2)
    beside = StageFactory(order=3, follows=second)
    assert Stage.steps(Stage.objects.all()) == [[first], [second], [beside]]
    assert second.neighbours() == Way(first, [beside], [])


def test_unpublished_stages_are_left_out_but_nobody_in_one_is_stuck(way):
    separation, integration, reunion, peace = way
    Stage.objects.filter(pk=reunion.pk).update(status=Status.DRAFT)
    assert integration.neighbours() == Way(separation, [peace], [])
    reunion.refresh_from_db()
    assert reunion.neighbours() == Way(integration, [], [peace])
    assert Stage.steps(Stage.objects.published()) == [[separation], [integration], [peace]]


def test_a_stage_following_an_unpublished_stage_still_has_a_place(way):
    separation, integration, reunion, peace = way
    Stage.objects.filter(pk=integration.pk).update(status=Status.DRAFT)
    steps = Stage.steps(Stage.objects.published())
    assert steps == [[separation], [reunion], [peace]]
    assert peace.neighbours() == Way(None, [], [])


def test_a_stage_cannot_follow_itself_or_a_stage_that_follows_another(way):
    separation, integration, reunion, peace = way
    integration.follows = integration
    with pytest.raises(ValidationError, match="cannot follow itself"):
        integration.full_clean()
    late = StageFactory.build(order=5, slug="late", follows=peace)
    with pytest.raises(ValidationError, match="main way"):
        late.full_clean()


def test_a_stage_others_follow_stays_on_the_main_way(way):
    separation, integration, reunion, peace = way
    integration.follows = separation
    with pytest.raises(ValidationError, match="Other stages follow this one"):
        integration.full_clean()
