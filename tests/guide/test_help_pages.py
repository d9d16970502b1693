"""The help pages: "Hurting right now?" for a bad moment, "Get help" for people to
talk to; both public, both with a quick exit that works without JavaScript."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

RIGHT_NOW_LINK = '<a href="/help/right-now/" class="help-link">Hurting right now?</a>'


@pytest.fixture
def guide(db):
    call_command("load_guide", verbosity=0)


def test_the_right_now_page_is_public_and_covers_the_four_things(client):
    response = client.get("/help/right-now/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Hurting right now?</h1>" in html
    assert "Don’t send the message tonight" in html
    assert "Set a timer for ten minutes" in html
    assert "five</strong> things you can see" in html  # one grounding exercise
    danger = html[html.index('id="danger-title"') :]
    assert "If the urge is to hurt yourself" in danger
    assert "Please don’t wait" in danger
    assert '<a href="/help/">Get help</a> now' in danger


def test_the_danger_line_comes_before_anything_to_wait_for(client):
    html = client.get("/help/right-now/").text
    assert html.index("If the urge is to hurt yourself") < html.index("Wait ten minutes")


@pytest.mark.parametrize("url", ["/", "/guide/"])
def test_visitors_reach_it_without_signing_in_from_home_and_the_guide(client, guide, url):
    html = client.get(url).text
    assert RIGHT_NOW_LINK in html
    if url == "/guide/":  # at the top: before the article's title
        assert html.index(RIGHT_NOW_LINK) < html.index("<h1>")


def test_the_guide_links_it_even_before_any_article_is_written(client):
    assert RIGHT_NOW_LINK in client.get("/guide/").text


def test_the_dashboard_links_it(owner_client, owner):
    from guide.models import Stage
    from journal.models import Journey, Role

    call_command("load_guide", verbosity=0)
    Journey.start(owner, Role.CHASER, Stage.objects.get(slug="separation"))
    assert RIGHT_NOW_LINK in owner_client.get("/").text


@pytest.mark.parametrize("url", ["/help/", "/help/right-now/"])
def test_help_pages_have_a_quick_exit_that_is_a_plain_link(client, guide, url):
    html = client.get(url).text
    link = re.search(r"<a [^>]*data-quick-exit[^>]*>Quick exit</a>", html).group(0)
    assert f'href="{settings.QUICK_EXIT_URL}"' in link
    assert 'rel="noreferrer"' in link
    assert "onclick" not in html and "<script>" not in html  # strict CSP: no inline script
    assert html.index("Quick exit") < html.index("<h1>")  # first thing on the page


@pytest.mark.parametrize("url", ["/help/", "/help/right-now/"])
def test_help_pages_say_what_a_shared_device_keeps(client, guide, url):
    html = client.get(url).text
    assert "On a shared phone or computer" in html
    assert "It cannot wipe your browsing history." in html
    assert "private window" in html


def test_the_help_page_title_and_the_navigation_use_the_same_words(client, guide):
    html = client.get("/help/").text
    assert "<title>Get help" in html
    assert "<h1>Get help</h1>" in html
    # In the header, marked as the page you are on.
    assert '<a href="/help/" class="help-link" aria-current="page">Get help</a>' in html


def test_both_help_pages_are_in_the_sitemap(client, guide):
    xml = client.get("/sitemap.xml").text
    assert "/help/</loc>" in xml and "/help/right-now/</loc>" in xml
