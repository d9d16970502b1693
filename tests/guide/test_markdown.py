"""Editors' Markdown becomes safe HTML, cached, and an edit shows at once."""

from html.parser import HTMLParser

import pytest

from guide.markdown import cached_markdown, render_markdown
from tests.guide.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """Every real element and attribute in some HTML (escaped text is not an element)."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.attrs = [], []
        self.feed(str(html))

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]

    def hrefs(self):
        return [value for name, value in self.attrs if name == "href"]

    def event_handlers(self):
        return [name for name, _ in self.attrs if name.startswith("on")]


def test_script_tags_are_removed():
    html = render_markdown("Hello <script>alert('x')</script> there")
    assert "script" not in Elements(html).tags
    assert "<script" not in html


def test_javascript_and_other_unsafe_links_are_removed():
    for link in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html,x"]:
        html = render_markdown(f"[click me](<{link}>) and <{link}>")
        assert Elements(html).hrefs() == [], link
        assert "click me" in html


def test_event_handlers_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <a href="/" onclick="x()">a</a>')
    elements = Elements(html)
    assert elements.event_handlers() == []
    assert "img" not in elements.tags


def test_ordinary_markdown_survives():
    html = render_markdown("**bold** and [a link](https://example.org)")
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_cached_rendering_is_sanitised_too():
    assert "script" not in Elements(cached_markdown("<script>alert(1)</script>")).tags


def test_an_unsafe_body_is_shown_safely_on_the_article(client):
    section = SectionFactory(body='[x](javascript:alert(1)) <script>alert("boo")</script>')
    page = Elements(client.get(section.article.get_absolute_url()).text)
    assert not [href for href in page.hrefs() if href.lower().startswith("javascript")]
    # The only script on the page is the site's own static file (reading pages need no htmx).
    assert page.tags.count("script") == 1


def test_editing_a_section_shows_the_new_text_immediately(client):
    section = SectionFactory(body="The **first** words.")
    url = section.article.get_absolute_url()
    assert "<strong>first</strong>" in client.get(url).text  # now rendered and cached

    section.body = "The **second** words."
    section.save()
    page = client.get(url).text
    assert "<strong>second</strong>" in page
    assert "first" not in page


def test_rendered_markdown_comes_from_the_cache(monkeypatch):
    calls = []
    import guide.markdown

    real = guide.markdown.render_markdown
    monkeypatch.setattr(guide.markdown, "render_markdown", lambda t: calls.append(t) or real(t))
    cached_markdown("Some *text*")
    cached_markdown("Some *text*")
    assert calls == ["Some *text*"]


def test_article_intro_edit_shows_immediately(client):
    article = ArticleFactory(intro="Old intro.")
    client.get(article.get_absolute_url())
    article.intro = "New intro."
    article.save()
    assert "New intro." in client.get(article.get_absolute_url()).text
