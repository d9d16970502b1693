"""Markdown to safe HTML, for editors' content and people's journal entries alike."""

import hashlib

import nh3
from django.core.cache import cache
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

# CommonMark without raw HTML; whatever slips through is cleaned by nh3 below.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_parser.enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "del", "blockquote", "code", "pre",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text):
    """Render Markdown to HTML that is safe to mark safe: an allow-list, nothing else."""
    html = _parser.render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def markdown_to_text(text):
    """The words of some Markdown as plain text: no markup, blocks joined by a space.

    Read from the parser's tokens rather than by stripping rendered HTML, so nothing
    of the markup (or of raw HTML, which the parser keeps as literal text) is ever
    interpreted; templates escape the result like any other text.
    """
    parts = []
    for token in _parser.parse(text or ""):
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
                elif child.type == "image":  # its alt text
                    parts.extend(grandchild.content for grandchild in child.children or ())
                else:
                    parts.append(child.content)
        elif token.type in ("code_block", "fence"):
            parts.append(token.content)
        parts.append(" " if token.block else "")
    return " ".join("".join(parts).split())


GUIDE_CACHE_VERSION = 1
GUIDE_CACHE_SECONDS = 60 * 60 * 24 * 30


def cached_markdown(text):
    """render_markdown for the guide's public content, cached by the text itself.

    The key is a hash of the Markdown source, so an editor's save changes the key and
    the new text shows at once: nothing to invalidate, nothing to go stale. Only for
    public editorial content; private journal text never goes into the shared cache.
    """
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"guide:md:{GUIDE_CACHE_VERSION}:{digest}"
    html = cache.get(key)
    if html is None:
        html = str(render_markdown(text))
        cache.set(key, html, GUIDE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - sanitised by render_markdown before caching
