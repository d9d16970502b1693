"""Whatever someone types renders as text or inert HTML, never as script."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "A quiet evening.",
    "<script>window.xss = 1</script>",
    '<img src=x onerror="window.xss = 1">',
    "[click me](javascript:window.xss=1)",
    '<a href="javascript:window.xss=1">link</a>',
    '<svg onload="window.xss=1"></svg>',
    '<iframe src="javascript:window.xss=1"></iframe>',
]
BODY = "\n\n".join(PAYLOADS)


@pytest.fixture
def entry(owner):
    return EntryFactory(
        owner=owner, title="<script>window.xss=1</script>", body=BODY, tags=["<b>x</b>"]
    )


class Elements(HTMLParser):
    """Every element of a page, parsed as a browser would see its tags and attributes."""

    def __init__(self, html):
        super().__init__()
        self.elements = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_inert(html):
    for tag, attrs in Elements(html).elements:
        assert tag not in {"img", "svg", "iframe", "object", "embed"}, tag
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), attrs
    assert "<b>x</b>" not in html


@pytest.mark.parametrize("view", ["list", "detail", "edit", "search", "htmx-card"])
def test_payloads_in_an_entry_render_inert(owner_client, entry, view):
    urls = {
        "list": (reverse("journal:entry_list"), {}),
        "detail": (entry.get_absolute_url(), {}),
        "edit": (reverse("journal:entry_edit", args=[entry.public_id]), {}),
        "search": (reverse("journal:entry_list"), {"q": "quiet"}),
        "htmx-card": (entry.get_absolute_url(), {}),
    }
    url, params = urls[view]
    headers = (
        {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "entry-card"} if view == "htmx-card" else {}
    )
    html = owner_client.get(url, params, **headers).text
    assert "window.xss" in html  # The payload is there, as text.
    assert_inert(html)


def test_markdown_links_keep_safe_schemes_only(owner_client, owner):
    entry = EntryFactory(owner=owner, body="[safe](https://example.org) [bad](javascript:alert(1))")
    html = owner_client.get(entry.get_absolute_url()).text
    assert 'href="https://example.org"' in html
    assert_inert(html)
