"""Editors keep the guide current in admin, and see nothing else there."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from guide.models import Article, Section, Status, SupportPage
from tests.guide.factories import ArticleFactory, PointFactory, SectionFactory, StageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def section_data(section, points=(), **changes):
    """The POST of a section's admin form: its fields and its points inline."""
    now = timezone.localtime(section.publish_at)
    data = {
        "article": section.article_id,
        "title": section.title,
        "slug": section.slug,
        "order": section.order,
        "audience": section.audience,
        "body": section.body,
        "status": section.status,
        "publish_at_0": now.strftime("%Y-%m-%d"),
        "publish_at_1": now.strftime("%H:%M:%S"),
        "points-TOTAL_FORMS": len(points),
        "points-INITIAL_FORMS": sum(1 for p in points if p.get("id")),
        "points-MIN_NUM_FORMS": 0,
        "points-MAX_NUM_FORMS": 1000,
    }
    for n, point in enumerate(points):
        for key, value in {"order": n, "audience": "", "body": "", **point}.items():
            data[f"points-{n}-{key}"] = value
        data[f"points-{n}-section"] = section.pk or ""
    data.update(changes)
    return data


def test_editors_group_exists_with_only_guide_permissions():
    group = Group.objects.get(name="Editors")
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert labels == {"guide"}
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_section", "add_point", "change_stage", "change_supportpage"} <= codenames


def test_compare_library_is_installed():
    assert apps.is_installed("reversion_compare"), (
        "Add 'reversion_compare' after 'reversion' in INSTALLED_APPS (history compare view)."
    )


def test_editor_can_open_every_guide_admin_page(editor_client):
    section = SectionFactory()
    stage = StageFactory()
    support = SupportPage.objects.create(body="Help.")
    urls = [
        "/admin/",
        "/admin/guide/",
        reverse("admin:guide_article_changelist"),
        reverse("admin:guide_article_change", args=[section.article_id]),
        reverse("admin:guide_article_history", args=[section.article_id]),
        reverse("admin:guide_section_changelist") + "?q=Section",
        reverse("admin:guide_section_add"),
        reverse("admin:guide_section_change", args=[section.pk]),
        reverse("admin:guide_stage_changelist") + "?status__exact=published",
        reverse("admin:guide_stage_change", args=[stage.pk]),
        reverse("admin:guide_supportpage_change", args=[support.pk]),
    ]
    for url in urls:
        assert editor_client.get(url).status_code == 200, url


def test_editor_cannot_open_anything_but_the_guide_in_admin(editor_client):
    others = [model for model in admin.site._registry if model._meta.app_label != "guide"]
    assert any(model._meta.model_name == "user" for model in others)
    for model in others:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert editor_client.get(url).status_code == 403, url


def test_editor_cannot_open_the_users_admin_or_a_person(editor_client, owner):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get(f"/admin/auth/user/{owner.pk}/change/").status_code == 403
    index = editor_client.get("/admin/").text
    assert owner.email not in index
    assert "Users" not in index


def test_editor_cannot_open_any_journal_admin(editor_client):
    journal_models = apps.get_app_config("journal").get_models()
    for model in journal_models:
        opts = model._meta
        url = f"/admin/journal/{opts.model_name}/"
        # Not registered (404) or registered and refused (403): never readable.
        assert editor_client.get(url).status_code in (403, 404), url


def test_editor_edits_a_section_with_its_points(editor_client):
    section = SectionFactory(body="Old words.")
    point = PointFactory(section=section, title="Old point")
    url = reverse("admin:guide_section_change", args=[section.pk])
    data = section_data(section, [{"id": point.pk, "title": "New point"}], body="New words.")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    section.refresh_from_db()
    assert section.body == "New words."
    assert section.points.get().title == "New point"


def test_duplicate_section_slug_gets_an_explanation(editor_client):
    taken = SectionFactory(slug="signs")
    new = Section(article=taken.article, title="Signs again", slug="signs", body="x")
    response = editor_client.post(reverse("admin:guide_section_add"), section_data(new))
    assert response.status_code == 200
    assert "already uses this slug" in response.text
    assert "each one must be different" in response.text


def test_duplicate_article_slug_gets_an_explanation(editor_client):
    ArticleFactory(slug="the-runner")
    data = {
        "title": "Another",
        "slug": "the-runner",
        "summary": "s",
        "intro": "",
        "status": Status.DRAFT,
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "sections-TOTAL_FORMS": 0,
        "sections-INITIAL_FORMS": 0,
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    response = editor_client.post(reverse("admin:guide_article_add"), data)
    assert "Another article already uses this slug" in response.text
    data["slug"] = "search"
    response = editor_client.post(reverse("admin:guide_article_add"), data)
    assert "is already a page of the guide" in response.text
    assert Article.objects.count() == 1


def test_empty_section_is_refused_with_an_explanation(editor_client):
    article = ArticleFactory()
    new = Section(article=article, title="Nothing here", slug="nothing", body="")
    response = editor_client.post(reverse("admin:guide_section_add"), section_data(new))
    assert response.status_code == 200
    assert "This section is empty" in response.text
    assert not Section.objects.filter(slug="nothing").exists()


def test_section_with_points_but_no_body_is_fine(editor_client):
    article = ArticleFactory()
    new = Section(article=article, title="Only points", slug="only-points", body="")
    data = section_data(new, [{"title": "A point"}])
    response = editor_client.post(reverse("admin:guide_section_add"), data)
    assert response.status_code == 302
    assert Section.objects.get(slug="only-points").points.count() == 1


def article_data(article, sections):
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "intro": article.intro,
        "status": Status.PUBLISHED,
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "sections-TOTAL_FORMS": len(sections),
        "sections-INITIAL_FORMS": 0,
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for n, (slug, body) in enumerate(sections):
        data |= {
            f"sections-{n}-title": f"Title {n}",
            f"sections-{n}-slug": slug,
            f"sections-{n}-order": n,
            f"sections-{n}-audience": "",
            f"sections-{n}-status": Status.DRAFT,
            f"sections-{n}-publish_at_0": "2026-01-01",
            f"sections-{n}-publish_at_1": "10:00:00",
            f"sections-{n}-body": body,
        }
    return data


def test_empty_section_in_the_article_form_is_refused(editor_client):
    article = ArticleFactory()
    url = reverse("admin:guide_article_change", args=[article.pk])
    response = editor_client.post(url, article_data(article, [("empty", "")]))
    assert response.status_code == 200
    assert "This section is empty" in response.text
    assert not article.sections.exists()


def test_two_new_sections_with_one_slug_get_an_explanation(editor_client):
    article = ArticleFactory()
    url = reverse("admin:guide_article_change", args=[article.pk])
    data = article_data(article, [("same", "Words."), ("same", "More words.")])
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Two sections here share the same slug" in response.text
    assert not article.sections.exists()


def test_new_section_in_the_article_form_is_saved(editor_client):
    article = ArticleFactory()
    url = reverse("admin:guide_article_change", args=[article.pk])
    response = editor_client.post(url, article_data(article, [("fresh", "Words.")]))
    assert response.status_code == 302
    assert article.sections.get().slug == "fresh"


def test_draft_has_a_preview_link_and_view_on_site_goes_to_the_preview(editor_client):
    section = SectionFactory(status=Status.DRAFT, slug="draft-one")
    page = editor_client.get(reverse("admin:guide_section_change", args=[section.pk])).text
    preview = f"{section.article.get_absolute_url()}?preview=1#draft-one"
    assert f'href="{preview}"' in page
    assert "Preview draft" in page
    assert "Markdown:" in page  # help text under the body
    assert admin.site._registry[Section].view_on_site(section) == preview


def test_editor_reverts_a_section_to_an_earlier_version_with_its_points(editor_client):
    section = SectionFactory(body="First words.")
    point = PointFactory(section=section, title="First point")
    url = reverse("admin:guide_section_change", args=[section.pk])
    editor_client.post(url, section_data(section, [{"id": point.pk, "title": "First point"}]))
    editor_client.post(
        url,
        section_data(
            section,
            [{"id": point.pk, "title": "Changed point"}, {"title": "Added point"}],
            body="Second words.",
        ),
    )
    versions = list(Version.objects.get_for_object(section).order_by("pk"))
    assert len(versions) == 2

    history = editor_client.get(reverse("admin:guide_section_history", args=[section.pk]))
    assert history.status_code == 200
    compare = editor_client.get(
        reverse("admin:guide_section_compare", args=[section.pk]),
        {"version_id1": versions[0].pk, "version_id2": versions[1].pk},
    )
    assert compare.status_code == 200
    assert "Second words" in compare.text and "First words" in compare.text

    revert_url = reverse("admin:guide_section_revision", args=[section.pk, versions[0].pk])
    assert editor_client.get(revert_url).status_code == 200
    response = editor_client.post(
        revert_url,
        section_data(section, [{"id": point.pk, "title": "First point"}], body="First words."),
    )
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.body == "First words."
    assert [p.title for p in section.points.all()] == ["First point"]


def test_editors_group_comes_back_after_a_flush_removed_it():
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.filter(name="Editors").delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as flush does
    assert Group.objects.get(name="Editors").permissions.filter(codename="change_section")


def test_editor_makes_a_stage_a_second_way_on_and_is_offered_only_main_way_stages(
    editor_client,
):
    main = StageFactory(order=1, name="Integration")
    beside = StageFactory(order=2, name="Peace apart", follows=main)
    page = editor_client.get(reverse("admin:guide_stage_change", args=[beside.pk])).text
    assert "Second way on from" in page
    follows = page[
        page.index('name="follows"') : page.index("</select>", page.index('name="follows"'))
    ]
    assert f'<option value="{main.pk}" selected>Integration</option>' in follows
    assert "Peace apart</option>" not in follows  # a second way on cannot be followed
