"""The shipped content: complete against the outline, loaded once, editors' changes kept."""

from io import StringIO

import pytest
from django.core.management import call_command

from guide.models import Article, Point, Section, Stage, Status, SupportPage

pytestmark = pytest.mark.django_db

# Points per section, in order (the closing section is prose only).
OUTLINE_POINTS = {
    "what-is-a-runner": 2,  # at least
    "signs-of-a-runner": 5,
    "why-runners-run": 5,
    "impact-on-both": 3,
    "handling-the-dynamic": 5,
    "why-self-love-matters": 4,
    "coping-as-the-chaser": 5,
    "after-the-runner-phase": 4,
    "finding-balance": 5,
    "closing": 0,
}


def load():
    out = StringIO()
    call_command("load_guide", stdout=out)
    return out.getvalue()


def test_shipped_content_covers_all_ten_parts_of_the_outline():
    load()
    article = Article.objects.published().get(slug="twin-flame-runner")
    sections = list(article.sections.published())
    assert [s.slug for s in sections] == list(OUTLINE_POINTS)
    for section in sections:
        expected = OUTLINE_POINTS[section.slug]
        count = section.points.count()
        if section.slug == "what-is-a-runner":
            assert count >= expected
        else:
            assert count == expected, section.slug
        assert section.body.strip(), f"{section.slug} has no body"
    assert all(point.body.strip() for point in Point.objects.all())


def test_shipped_stages_come_in_order_with_practices_and_prompts():
    load()
    stages = list(Stage.objects.published())
    assert [stage.slug for stage in stages] == ["separation", "integration", "reunion"]
    for stage in stages:
        assert stage.description.strip() and stage.feelings.strip()
        assert stage.practices.count() >= 4
        assert stage.prompts.count() >= 3
    assert stages[0].next_stage() == stages[1]


def test_shipped_content_has_a_support_page():
    load()
    page = SupportPage.objects.get()
    assert "not therapy" in page.body.lower() or "not a substitute" in page.body.lower()


def test_loading_twice_adds_nothing_the_second_time():
    assert "15 new item(s)" in load()
    counts = (Article.objects.count(), Section.objects.count(), Point.objects.count())
    stages = Stage.objects.count()
    assert "0 new item(s)" in load()
    assert (Article.objects.count(), Section.objects.count(), Point.objects.count()) == counts
    assert Stage.objects.count() == stages
    assert SupportPage.objects.count() == 1


def test_loading_again_never_overwrites_an_editors_change():
    load()
    section = Section.objects.get(slug="signs-of-a-runner")
    section.body = "An editor's own words."
    section.save()
    point = section.points.first()
    point.delete()
    stage = Stage.objects.get(slug="reunion")
    stage.name = "Coming back together"
    stage.save()
    support = SupportPage.objects.get()
    support.body = "Local helplines."
    support.save()

    load()
    section.refresh_from_db()
    assert section.body == "An editor's own words."
    assert not Point.objects.filter(pk=point.pk).exists()
    assert section.points.count() == 4
    assert Stage.objects.get(slug="reunion").name == "Coming back together"
    assert SupportPage.objects.get().body == "Local helplines."


def test_loading_again_never_brings_back_what_an_editor_renamed_or_removed():
    load()
    Stage.objects.filter(slug="reunion").update(slug="together")
    Article.objects.get().delete()
    load()
    assert not Stage.objects.filter(slug="reunion").exists()
    assert Stage.objects.count() == 3
    assert not Article.objects.exists()


def test_content_already_there_before_keys_were_kept_is_left_alone():
    article = Article.objects.create(
        slug="twin-flame-runner", title="Mine", summary="s", status=Status.DRAFT
    )
    load()
    article.refresh_from_db()
    assert article.title == "Mine"
    assert not article.sections.exists()


def test_loaded_content_has_a_first_revision_to_compare_with():
    from reversion.models import Version

    load()
    section = Section.objects.get(slug="signs-of-a-runner")
    version = Version.objects.get_for_object(section).get()
    assert version.revision.comment == "Shipped content added by load_guide."
    stage = Stage.objects.get(slug="separation")
    assert Version.objects.get_for_object(stage).exists()
