"""Guide search: ranked full-text search on PostgreSQL, a plain fallback on SQLite."""

import pytest
from django.db import connection

from guide.models import Status
from tests.guide.factories import (
    ArticleFactory,
    PointFactory,
    PracticeFactory,
    SectionFactory,
    StageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    article = ArticleFactory(title="The runner")
    boundaries = SectionFactory(
        article=article, slug="boundaries", title="Clear boundaries", body="Say what you need."
    )
    signs = SectionFactory(article=article, slug="signs", title="Signs", body="Look closely.")
    PointFactory(section=signs, title="Mixed signals", body="Warm, then cold.")
    SectionFactory(article=article, slug="hidden", title="Draft boundaries", status=Status.DRAFT)
    stage = StageFactory(slug="separation", name="Separation", summary="Space apart.")
    PracticeFactory(stage=stage, title="Keep one boundary this week")
    return {"boundaries": boundaries, "signs": signs, "stage": stage}


def titles(response):
    return [result.title for result in response.context["page_obj"]]


def test_search_finds_sections_by_their_points(client, guide):
    response = client.get("/guide/search/", {"q": "mixed signals"})
    assert titles(response) == ["Signs"]
    assert 'href="/guide/article-' in response.text and "#signs" in response.text
    assert "<mark>" in response.text


def test_search_finds_stages_by_their_practices(client, guide):
    response = client.get("/guide/search/", {"q": "boundary"})
    assert "Separation" in titles(response)


def test_title_matches_rank_above_mentions_in_passing(client, guide):
    response = client.get("/guide/search/", {"q": "boundaries"})
    found = titles(response)
    assert found[0] == "Clear boundaries"
    assert "Separation" in found  # "boundary" in a practice counts too, lower down


def test_drafts_never_show_in_search(client, guide):
    assert "Draft boundaries" not in titles(client.get("/guide/search/", {"q": "boundaries"}))


def test_search_with_no_results_says_what_to_try(client, guide):
    response = client.get("/guide/search/", {"q": "zebra"})
    assert response.status_code == 200
    assert "Nothing in the guide matches" in response.text


def test_empty_search_asks_for_a_word(client, guide):
    response = client.get("/guide/search/")
    assert "Type a word or two" in response.text


def test_odd_input_is_handled_gently(client, guide):
    for query in ['"unclosed', "!!! & | ()", "<script>", "a" * 5000, "' OR 1=1 --"]:
        response = client.get("/guide/search/", {"q": query})
        assert response.status_code == 200
        assert "<script>" not in response.text.split('name="q"')[1][:200]


def test_results_are_paginated(client):
    article = ArticleFactory()
    for n in range(12):
        SectionFactory(article=article, slug=f"calm-{n}", title=f"Calm {n}", body="calm words")
    first = client.get("/guide/search/", {"q": "calm"})
    assert len(first.context["page_obj"]) == 10
    assert "page=2" in first.text and "q=calm" in first.text
    second = client.get("/guide/search/", {"q": "calm", "page": 2})
    assert len(second.context["page_obj"]) == 2


def test_search_uses_the_database_it_runs_on(guide):
    from guide import search

    results = search.search("boundaries")
    assert results[0].title == "Clear boundaries"
    if connection.vendor == "postgresql":
        # Stemming: "boundary" and "boundaries" are the same word to PostgreSQL.
        assert [r.title for r in search.search("boundary")][0] == "Clear boundaries"
        assert 0 < results[0].rank < 1
    else:
        assert results[0].rank >= 1
