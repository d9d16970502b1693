"""Tracker pages: no inline script or style (strict CSP); every control works without JS."""

import re

import pytest

from journal.models import CheckIn

pytestmark = pytest.mark.django_db

PAGES = ["/", "/journey/", "/journey/start/", "/journey/history/"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_styles_or_scripts(owner_client, owner, chaser_journey, url):
    CheckIn.record(owner, 2)
    html = owner_client.get(url).content.decode()
    assert "style=" not in html
    assert "<script>" not in html
    for chunk in html.split("<script")[1:]:
        assert " src=" in chunk.split(">")[0]


@pytest.mark.parametrize("url", ["/", "/journey/"])
def test_every_htmx_form_also_posts_without_javascript(owner_client, chaser_journey, url):
    html = owner_client.get(url).content.decode()
    forms = re.findall(r"<form[^>]*hx-post[^>]*>", html)
    assert forms
    for form in forms:
        action = re.search(r'action="([^"]+)"', form).group(1)
        assert action == re.search(r'hx-post="([^"]+)"', form).group(1)
        assert 'method="post"' in form


def test_the_dashboard_shows_stage_progress_prompt_and_recent_entries(
    owner_client, owner, chaser_journey
):
    from journal.models import Entry

    Entry.objects.create(owner=owner, title="A quiet morning", body="x")
    response = owner_client.get("/")
    html = response.content.decode()
    assert "Your stage: Separation" in html
    assert "0 of 7 practices tried" in html
    assert response.context["todays_prompt"].text in html
    assert "A quiet morning" in html
    assert "You came back today" in html


def test_todays_prompt_is_the_same_all_day(owner_client, chaser_journey):
    first = owner_client.get("/").context["todays_prompt"]
    assert owner_client.get("/").context["todays_prompt"] == first


def test_visitors_see_the_welcome_page_with_the_stages(client, guide):
    html = client.get("/").content.decode()
    assert "When someone you love pulls away" in html
    assert "Stages, at your own pace" in html
    assert "Peace apart" in html
    assert "Integration" in html
