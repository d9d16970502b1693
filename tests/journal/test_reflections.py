"""Reflect on this: guide sections show the signed-in person their own reflections only."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from guide.models import Section
from journal.models import Entry

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% for section in sections %}[{% include 'guide/includes/section_extras.html' %}]{% endfor %}"
)


def render_for(user, sections):
    request = RequestFactory().get("/guide/")
    request.user = user
    return TEMPLATE.render(Context({"request": request, "sections": sections}))


@pytest.fixture
def sections(section, article):
    other = Section.objects.create(
        article=article, order=2, title="Why chasers chase", slug="chase", status="published"
    )
    return [section, other]


def test_signed_in_person_sees_reflect_on_this_and_only_their_own(owner, other_user, sections):
    EntryFactory(owner=owner, title="My reflection", section=sections[0])
    EntryFactory(owner=other_user, title="Their reflection", section=sections[0])
    html = render_for(owner, sections)
    assert html.count("Reflect on this") == 2
    assert f"/journal/new/?section={sections[0].pk}" in html
    assert "My reflection" in html and "Their reflection" not in html


def test_visitors_see_no_reflections(sections, owner):
    from django.contrib.auth.models import AnonymousUser

    EntryFactory(owner=owner, title="My reflection", section=sections[0])
    html = render_for(AnonymousUser(), sections)
    assert "My reflection" not in html and "Reflect on this" not in html


def test_reflections_for_every_section_cost_one_query(owner, sections, article):
    many = sections + [
        Section.objects.create(
            article=article, order=n, title=f"S{n}", slug=f"s{n}", status="published"
        )
        for n in range(3, 13)
    ]
    Entry.objects.bulk_create([Entry(owner=owner, body="x", section=s) for s in many])
    with CaptureQueriesContext(connection) as queries:
        render_for(owner, many)
    assert len(queries) == 1


def test_the_guide_article_page_shows_reflect_on_this(owner_client, owner, section, article):
    EntryFactory(owner=owner, title="Seen on the guide page", section=section)
    page = owner_client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "Reflect on this" in page.text and "Seen on the guide page" in page.text
