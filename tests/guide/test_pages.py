"""The public guide pages: contents, anchors, stages, support, tags for search engines."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from guide.models import Status, SupportPage
from tests.guide.factories import (
    ArticleFactory,
    PointFactory,
    PracticeFactory,
    PromptFactory,
    SectionFactory,
    StageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(title="The runner", slug="the-runner", summary="About running.")
    SectionFactory(article=article, slug="signs", title="Signs", body="word " * 500)
    PointFactory(section=article.sections.get(), title="Mixed signals")
    return article


def test_article_has_contents_with_an_anchor_per_section(client, article):
    page = client.get(article.get_absolute_url()).text
    assert 'href="#signs"' in page
    assert 'id="signs"' in page
    assert "In this guide" in page


def test_article_shows_reading_time_and_last_updated_date(client, article):
    page = client.get(article.get_absolute_url()).text
    assert "3 min read" in page
    assert "Last updated" in page
    assert f'datetime="{article.updated_at.date().isoformat()}' in page


def test_guide_front_page_is_the_first_article(client, article):
    page = client.get("/guide/").text
    assert "Mixed signals" in page


def test_guide_front_page_without_content_says_what_to_do(client):
    response = client.get("/guide/")
    assert response.status_code == 200
    assert "being written" in response.text


def test_article_has_title_description_canonical_and_open_graph(client, article):
    page = client.get(article.get_absolute_url()).text
    assert "<title>The runner · Twin Flame Runner</title>" in page
    assert '<meta name="description" content="About running.">' in page
    canonical = f"{settings.SITE_URL}/guide/the-runner/"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert '<meta property="og:title" content="The runner">' in page
    assert '<meta property="og:type" content="article">' in page


def test_each_section_has_the_extras_hook(client, article):
    # The journal's "Reflect on this" link fills this include.
    response = client.get(article.get_absolute_url())
    assert "guide/includes/section_extras.html" in [t.name for t in response.templates]


def test_stage_page_shows_description_feelings_practices_and_prompts(client):
    stage = StageFactory(name="Separation", feelings="Often *grief*.")
    PracticeFactory(stage=stage, title="Let there be space")
    prompt = PromptFactory(stage=stage, text="What do you need today?")
    page = client.get(stage.get_absolute_url()).text
    assert "Separation" in page
    assert "<em>grief</em>" in page
    assert "Let there be space" in page
    assert "What do you need today?" in page
    assert f'href="/journal/new/?prompt={prompt.pk}"' in page


def test_stage_page_links_its_neighbours(client):
    first = StageFactory(order=1, name="Separation")
    second = StageFactory(order=2, name="Integration")
    page = client.get(first.get_absolute_url()).text
    assert f'href="{second.get_absolute_url()}" rel="next"' in page


def test_unknown_stage_is_404(client):
    assert client.get("/guide/stages/nowhere/").status_code == 404


def test_support_page_shows_the_editors_text(client):
    SupportPage.objects.create(title="Getting help", body="Call **someone** you trust.")
    page = client.get("/help/").text
    assert "<strong>someone</strong>" in page
    assert "not therapy" in page


def test_support_page_works_before_any_content_is_loaded(client):
    response = client.get("/help/")
    assert response.status_code == 200
    assert "emergency number" in response.text


def test_sitemap_lists_public_pages_only(client, article):
    StageFactory(slug="separation")
    StageFactory(slug="hidden", status=Status.DRAFT)
    ArticleFactory(slug="secret", status=Status.DRAFT)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.text
    assert f"<loc>{settings.SITE_URL}/guide/the-runner/</loc>" in xml
    assert f"<loc>{settings.SITE_URL}/guide/stages/separation/</loc>" in xml
    assert f"<loc>{settings.SITE_URL}/help/</loc>" in xml
    assert "hidden" not in xml
    assert "secret" not in xml


def test_robots_txt_keeps_private_areas_out_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /journal/" in response.text
    assert "Disallow: /admin/" in response.text
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.text


def test_article_page_query_count_does_not_grow_with_content(client, django_assert_num_queries):
    article = ArticleFactory()
    StageFactory()
    for _ in range(2):
        PointFactory(section=SectionFactory(article=article))
    with django_assert_num_queries(4):
        client.get(article.get_absolute_url())
    for _ in range(6):
        section = SectionFactory(article=article)
        PointFactory.create_batch(3, section=section)
    StageFactory.create_batch(2)
    with django_assert_num_queries(4):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_stage_page_query_count_does_not_grow_with_content(client, django_assert_num_queries):
    stage = StageFactory()
    PracticeFactory(stage=stage)
    PromptFactory(stage=stage)
    with django_assert_num_queries(3):
        client.get(stage.get_absolute_url())
    PracticeFactory.create_batch(5, stage=stage)
    PromptFactory.create_batch(5, stage=stage)
    StageFactory.create_batch(2)
    with django_assert_num_queries(3):
        client.get(stage.get_absolute_url())


def test_support_page_always_has_the_emergency_line_and_not_therapy(client):
    SupportPage.objects.create(body="Talk to a friend.")
    page = client.get("/help/").text
    assert "call your local emergency number now" in page
    assert "not therapy" in page


def test_shipped_support_page_says_each_thing_once(client):
    call_command("load_guide", stdout=StringIO())
    page = client.get("/help/").text
    assert page.count("emergency number now") == 1
