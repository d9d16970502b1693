"""Only published content whose time has come is public; editors can preview the rest."""

from datetime import timedelta

import pytest
from django.utils import timezone

from guide.models import Practice, Prompt, Section, Stage, Status, Way
from tests.factories import UserFactory
from tests.guide.factories import (
    ArticleFactory,
    PointFactory,
    PracticeFactory,
    PromptFactory,
    SectionFactory,
    StageFactory,
)

pytestmark = pytest.mark.django_db

LATER = timezone.now() + timedelta(days=3)


def test_published_article_is_public(client):
    article = ArticleFactory(title="Open letter")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Open letter" in response.text


def test_draft_article_is_not_public(client):
    article = ArticleFactory(status=Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_article_scheduled_for_later_is_not_public_yet(client):
    article = ArticleFactory(publish_at=LATER)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert not article.is_public


def test_draft_and_scheduled_sections_are_left_out_of_a_public_article(client):
    article = ArticleFactory()
    SectionFactory(article=article, title="Shown section")
    SectionFactory(article=article, title="Draft section", status=Status.DRAFT)
    SectionFactory(article=article, title="Future section", publish_at=LATER)
    page = client.get(article.get_absolute_url()).text
    assert "Shown section" in page
    assert "Draft section" not in page
    assert "Future section" not in page


def test_draft_and_scheduled_stages_are_not_public(client):
    draft = StageFactory(status=Status.DRAFT)
    future = StageFactory(publish_at=LATER)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404
    assert list(Stage.objects.published()) == []


def test_editor_previews_a_draft_marked_as_draft(client, editor):
    article = ArticleFactory(status=Status.DRAFT)
    SectionFactory(article=article, title="Work in progress", status=Status.DRAFT)
    client.force_login(editor)
    assert client.get(article.get_absolute_url()).status_code == 404
    response = client.get(article.get_preview_url())
    assert response.status_code == 200
    assert "Work in progress" in response.text
    assert "Draft preview." in response.text
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_scheduled_section_is_marked_with_its_time_in_a_preview(client, editor):
    section = SectionFactory(publish_at=LATER)
    client.force_login(editor)
    response = client.get(section.article.get_preview_url())
    assert "Scheduled for" in response.text


def test_preview_is_ignored_for_people_who_are_not_editors(client, owner):
    article = ArticleFactory(status=Status.DRAFT)
    assert client.get(article.get_preview_url()).status_code == 404
    client.force_login(owner)
    assert client.get(article.get_preview_url()).status_code == 404


def test_staff_without_guide_permissions_cannot_preview(client):
    staff = UserFactory(is_staff=True)
    article = ArticleFactory(status=Status.DRAFT)
    client.force_login(staff)
    assert client.get(article.get_preview_url()).status_code == 404


def test_editor_previews_a_draft_stage(client, editor):
    stage = StageFactory(status=Status.DRAFT, name="Quiet stage")
    client.force_login(editor)
    response = client.get(stage.get_preview_url())
    assert response.status_code == 200
    assert "Quiet stage" in response.text


def test_sections_points_and_stages_come_in_editorial_order(client):
    article = ArticleFactory()
    second = SectionFactory(article=article, order=2, title="Second section")
    first = SectionFactory(article=article, order=1, title="First section")
    PointFactory(section=first, order=2, title="Point B")
    PointFactory(section=first, order=1, title="Point A")
    page = client.get(article.get_absolute_url()).text
    assert page.index("First section") < page.index("Second section")
    assert page.index("Point A") < page.index("Point B")
    assert list(article.sections.all()) == [first, second]

    late = StageFactory(order=3)
    early = StageFactory(order=1)
    middle = StageFactory(order=2)
    assert list(Stage.objects.published()) == [early, middle, late]


def test_stage_knows_its_neighbours_among_published_stages():
    first = StageFactory(order=1)
    StageFactory(order=2, status=Status.DRAFT)
    third = StageFactory(order=3)
    assert first.neighbours() == Way(previous=None, onward=[third], alongside=[])
    assert third.neighbours() == Way(previous=first, onward=[], alongside=[])


def test_content_is_tailored_to_a_role():
    stage = StageFactory()
    everyone = PracticeFactory(stage=stage, audience="")
    runner = PracticeFactory(stage=stage, audience="runner")
    chaser = PracticeFactory(stage=stage, audience="chaser")
    both = PracticeFactory(stage=stage, audience="both")
    assert set(Practice.objects.for_role("runner")) == {everyone, runner, both}
    assert set(Practice.objects.for_role("chaser")) == {everyone, chaser, both}
    assert set(Practice.objects.for_role("not_sure")) == {everyone, runner, chaser, both}

    chasers_prompt = PromptFactory(stage=stage, audience="chaser")
    assert chasers_prompt not in Prompt.objects.for_role("runner")
    assert chasers_prompt in stage.prompts.for_role("chaser")

    section = SectionFactory(audience="runner")
    assert section in Section.objects.published().for_role("runner")
    assert section not in Section.objects.for_role("chaser")
