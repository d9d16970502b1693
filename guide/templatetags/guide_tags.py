from django import template
from django.conf import settings

from guide.markdown import cached_markdown

register = template.Library()


@register.filter(name="guide_markdown")
def guide_markdown(text):
    """Editors' Markdown as safe HTML, from the cache when the text is unchanged."""
    return cached_markdown(text)


@register.simple_tag
def site_url(path=""):
    """An absolute URL on settings.SITE_URL, for canonical and Open Graph tags."""
    return f"{settings.SITE_URL}{path}"
