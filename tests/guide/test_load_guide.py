"""The shipped content: complete against the outline and the care review, loaded once,
brought up to date where nobody edited it, editors' changes kept and reported."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from guide.models import Article, Point, Section, ShippedContent, Stage, Status, SupportPage

pytestmark = pytest.mark.django_db

EARLIER_RELEASE = Path(__file__).parent / "data" / "release-2026-11-25.toml"

# Sections in order, with their number of points: help comes before analysis.
SECTIONS = {
    "what-is-a-runner": 2,
    "safety": 0,
    "coping-as-the-chaser": 5,
    "coping-as-the-runner": 3,
    "no-contact": 3,
    "handling-the-dynamic": 5,
    "signs-of-a-runner": 5,
    "why-runners-run": 5,
    "impact-on-both": 3,
    "why-self-love-matters": 4,
    "after-the-runner-phase": 4,
    "finding-balance": 5,
    "paid-promises": 0,
    "glossary": 4,
    "further-reading": 0,
    "closing": 0,
}


def load(file=None):
    out = StringIO()
    call_command("load_guide", *(["--file", str(file)] if file else []), stdout=out)
    return out.getvalue()


def load_as_the_earlier_release_did():
    """A site as the earlier release left it: that release's text, and only the keys
    its loader kept (one for the article, one per stage, one for the help page)."""
    load(EARLIER_RELEASE)
    ShippedContent.objects.filter(key__startswith="section:").delete()
    ShippedContent.objects.update(fingerprint="")


def test_shipped_article_has_every_section_in_order_with_its_points():
    load()
    article = Article.objects.published().get(slug="twin-flame-runner")
    sections = list(article.sections.published())
    assert [s.slug for s in sections] == list(SECTIONS)
    for section in sections:
        assert section.points.count() == SECTIONS[section.slug], section.slug
        assert section.body.strip(), f"{section.slug} has no body"
    assert all(point.body.strip() for point in Point.objects.all())


def test_shipped_stages_are_the_main_way_and_a_second_way_on_from_integration():
    load()
    stages = {stage.slug: stage for stage in Stage.objects.published()}
    assert list(stages) == ["separation", "integration", "reunion", "peace-apart"]
    for stage in stages.values():
        assert stage.description.strip() and stage.feelings.strip()
        assert stage.practices.count() >= 4
        assert stage.prompts.count() >= 3
    assert stages["peace-apart"].follows == stages["integration"]
    assert stages["reunion"].follows is None
    assert stages["integration"].neighbours().onward == [stages["reunion"], stages["peace-apart"]]


def test_shipped_help_page_is_called_get_help_and_lists_every_number():
    load()
    page = SupportPage.objects.get()
    assert page.title == "Get help"
    assert "not therapy" in page.body
    for number in [
        "911",
        "999",
        "112",
        "000",
        "988",
        "116 123",
        "13 11 14",
        "1-800-799-7233",
        "0808 2000 247",
        "0808 802 0300",
        "1800 341 900",
        "1800 737 732",
    ]:
        assert f"{number}**" in page.body or f" {number}\n" in page.body, number
    assert "Numbers last checked on 26 November 2026" in page.body


def test_loading_twice_changes_nothing_the_second_time():
    first = load()
    assert first.startswith("Guide content: 22 added, 0 updated, 0 skipped.")
    counts = (Article.objects.count(), Section.objects.count(), Point.objects.count())
    assert load().startswith("Guide content: 0 added, 0 updated, 0 skipped.")
    assert (Article.objects.count(), Section.objects.count(), Point.objects.count()) == counts
    assert Stage.objects.count() == 4
    assert SupportPage.objects.count() == 1


def test_loading_again_never_overwrites_an_editors_change_and_says_so():
    load()
    section = Section.objects.get(slug="signs-of-a-runner")
    section.body = "An editor's own words."
    section.save()
    point = Section.objects.get(slug="why-runners-run").points.first()
    point.delete()
    stage = Stage.objects.get(slug="reunion")
    stage.name = "Coming back together"
    stage.save()
    support = SupportPage.objects.get()
    support.body = "Local helplines."
    support.save()

    report = load()
    section.refresh_from_db()
    assert section.body == "An editor's own words."
    assert not Point.objects.filter(pk=point.pk).exists()
    assert Section.objects.get(slug="why-runners-run").points.count() == 4
    assert Stage.objects.get(slug="reunion").name == "Coming back together"
    assert SupportPage.objects.get().body == "Local helplines."
    assert report.startswith("Guide content: 0 added, 0 updated, 3 skipped.")
    assert "Skipped: section “Signs of a runner”: changed by an editor" in report
    assert "Skipped: section “Why runners run”: changed by an editor" in report
    assert "Skipped: help page “Get help”: changed by an editor" in report


def test_an_edit_that_only_trims_spaces_or_line_endings_is_not_an_edit():
    load()
    section = Section.objects.get(slug="closing")
    section.body = section.body.strip().replace("\n", "\r\n")  # as the admin saves it
    section.save()
    assert "0 skipped" in load()


def test_loading_again_never_brings_back_what_an_editor_renamed_or_removed():
    load()
    Stage.objects.filter(slug="reunion").update(slug="together")
    Section.objects.get(slug="glossary").delete()
    report = load()
    assert not Stage.objects.filter(slug="reunion").exists()
    assert Stage.objects.count() == 4
    assert not Section.objects.filter(slug="glossary").exists()
    assert "Skipped: section “Glossary”: removed by an editor, not brought back." in report

    Article.objects.get().delete()
    load()
    assert not Article.objects.exists()
    assert not Section.objects.exists()


def test_content_already_there_before_keys_were_kept_is_left_alone():
    article = Article.objects.create(
        slug="twin-flame-runner", title="Mine", summary="s", status=Status.DRAFT
    )
    report = load()
    article.refresh_from_db()
    assert article.title == "Mine"
    assert "Skipped: article “The twin flame runner”: changed by an editor" in report


def test_a_site_on_the_earlier_release_gets_the_new_text_where_nobody_edited_it():
    load_as_the_earlier_release_did()
    edited = Section.objects.get(slug="signs-of-a-runner")
    edited.body = "Our own introduction to the signs."
    edited.save()
    removed = Section.objects.get(slug="why-self-love-matters")
    removed.delete()

    report = load()

    article = Article.objects.get()
    assert article.title == "The twin flame runner"
    assert "not a diagnosis" in article.intro  # updated: nobody had edited it
    edited.refresh_from_db()
    assert edited.body == "Our own introduction to the signs."
    assert not Section.objects.filter(slug="why-self-love-matters").exists()
    sections = {s.slug: s for s in article.sections.all()}
    for new in ["safety", "coping-as-the-runner", "no-contact", "paid-promises", "glossary"]:
        assert sections[new].status == Status.PUBLISHED
    assert "patience, honest self-reflection" not in sections["closing"].body
    assert Stage.objects.get(slug="peace-apart").follows.slug == "integration"
    assert SupportPage.objects.get().title == "Get help"
    assert "Added: stage “Peace apart”" in report
    assert "Added: section “Coping as the runner”" in report
    assert "Updated: section “A closing word”" in report
    assert "Skipped: section “Signs of a runner”: changed by an editor" in report
    assert "Skipped: section “Why self-love matters so much here”: removed" not in report
    assert "removed by an editor, not brought back." in report
    # And from now on the site is like any other: nothing more to do.
    assert load().startswith("Guide content: 0 added, 0 updated, 2 skipped.")


def test_shipped_text_keeps_a_first_revision_to_compare_with():
    from reversion.models import Version

    load()
    section = Section.objects.get(slug="signs-of-a-runner")
    version = Version.objects.get_for_object(section).get()
    assert version.revision.comment == "Shipped content added or updated by load_guide."
    stage = Stage.objects.get(slug="separation")
    assert Version.objects.get_for_object(stage).exists()


def test_the_fingerprints_of_the_earlier_release_are_the_ones_kept_for_it():
    """earlier_releases.toml must hold what `load_guide --fingerprints` says of it."""
    import tomllib

    from guide.management.commands.load_guide import EARLIER

    out = StringIO()
    call_command("load_guide", "--file", str(EARLIER_RELEASE), "--fingerprints", stdout=out)
    printed = tomllib.loads(out.getvalue())
    kept = tomllib.loads(EARLIER.read_text(encoding="utf-8"))
    assert all(value[0] in kept[key] for key, value in printed.items())
