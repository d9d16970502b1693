"""The editors' forms show help text as written and keep the guide's line endings."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from guide.models import Status
from tests.guide.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

JAN = datetime.datetime(2026, 1, 1, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_help_text_with_an_address_pattern_reads_as_written(editor_client):
    article = ArticleFactory()
    section = SectionFactory(article=article)
    page = editor_client.get(reverse("admin:guide_section_change", args=[section.pk]))
    assert "/guide/&lt;article&gt;/#&lt;slug&gt;" in page.text
    assert "/guide//#." not in page.text  # what a browser made of it before
    page = editor_client.get(reverse("admin:guide_article_change", args=[article.pk]))
    assert "/guide/&lt;slug&gt;/" in page.text


def article_form(article, sections, **changes):
    """The article's admin form as a browser sends it back: textarea line breaks as CRLF.

    Times are sent as the admin shows them, in the editor's time zone (UTC here).
    """
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "intro": article.intro.replace("\n", "\r\n"),
        "status": Status.PUBLISHED,
        "publish_at_0": "2026-01-01",
        "publish_at_1": "10:00:00",
        "sections-TOTAL_FORMS": len(sections),
        "sections-INITIAL_FORMS": len(sections),
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for n, section in enumerate(sections):
        publish_at = timezone.localtime(section.publish_at, datetime.UTC)
        data |= {
            f"sections-{n}-id": section.pk,
            f"sections-{n}-article": article.pk,
            f"sections-{n}-title": section.title,
            f"sections-{n}-slug": section.slug,
            f"sections-{n}-order": section.order,
            f"sections-{n}-audience": section.audience,
            f"sections-{n}-status": section.status,
            f"sections-{n}-publish_at_0": publish_at.strftime("%Y-%m-%d"),
            f"sections-{n}-publish_at_1": publish_at.strftime("%H:%M:%S"),
            # A callable default (now) puts the shown value in a hidden "initial-" field too.
            f"initial-sections-{n}-publish_at_0": publish_at.strftime("%Y-%m-%d"),
            f"initial-sections-{n}-publish_at_1": publish_at.strftime("%H:%M:%S"),
            f"sections-{n}-body": section.body.replace("\n", "\r\n"),
        }
    return data | changes


def test_saving_an_article_keeps_line_feeds_and_leaves_untouched_sections_alone(editor_client):
    article = ArticleFactory(title="Old title", intro="First line.\n\nSecond line.")
    sections = [
        SectionFactory(
            article=article, order=n, body=f"Para {n}.\n\n- a point\n- another", publish_at=JAN
        )
        for n in range(3)
    ]
    before = {s.pk: s.updated_at for s in sections}
    url = reverse("admin:guide_article_change", args=[article.pk])
    response = editor_client.post(url, article_form(article, sections, title="New title"))
    assert response.status_code == 302, response.context and response.context["errors"]
    article.refresh_from_db()
    assert article.title == "New title"
    assert article.intro == "First line.\n\nSecond line."
    for section in sections:
        section.refresh_from_db()
        assert "\r" not in section.body
        assert section.updated_at == before[section.pk], "an untouched section was saved again"


def test_an_edited_section_is_stored_with_line_feeds(editor_client):
    article = ArticleFactory()
    section = SectionFactory(article=article, body="Para.")
    url = reverse("admin:guide_article_change", args=[article.pk])
    data = article_form(article, [section])
    data["sections-0-body"] = "New para.\r\n\r\nAnother.\rOld Mac line."
    assert editor_client.post(url, data).status_code == 302
    section.refresh_from_db()
    assert section.body == "New para.\n\nAnother.\nOld Mac line."
