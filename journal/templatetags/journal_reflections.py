from collections import defaultdict

from django import template

from journal.entries.models import Entry

register = template.Library()


def _reflections_by_section(request, article_id):
    """The person's reflections on one article, loaded once per page for all its sections."""
    loaded = request.__dict__.setdefault("_journal_reflections", {})
    if article_id not in loaded:
        by_section = defaultdict(list)
        entries = (
            Entry.objects.for_owner(request.user)
            .filter(section__article_id=article_id)
            .only("public_id", "title", "entry_date", "section_id")
            .order_by("-entry_date", "-id")
        )
        for entry in entries:
            by_section[entry.section_id].append(entry)
        loaded[article_id] = by_section
    return loaded[article_id]


@register.inclusion_tag("journal/includes/section_reflections.html", takes_context=True)
def section_reflections(context, section):
    """ "Reflect on this" and the signed-in person's own reflections on a guide section."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"section": section, "signed_in": False}
    reflections = _reflections_by_section(request, section.article_id).get(section.pk, [])
    return {"section": section, "signed_in": True, "reflections": reflections}
