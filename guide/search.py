"""Guide search: PostgreSQL full-text search with ranking, a plain fallback elsewhere.

Results are sections (with their points) and stages (with practices and prompts), each
as a SearchResult. The guide is small, so both kinds are ranked together in Python.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, OuterRef, Q, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Point, Practice, Prompt, Section, Stage

MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 36
CONFIG = "english"
TEXT = TextField()


@dataclass
class SearchResult:
    title: str
    url: str
    kind: str
    text: str
    rank: float

    def snippet(self, terms):
        return snippet(self.text, terms)


def stem(term):
    """A crude English stem, so "boundaries" also finds "boundary" without PostgreSQL."""
    for suffix in ("ies", "ing", "es", "ed", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def terms_of(query):
    return [stem(term) for term in re.findall(r"\w+", query.lower()) if len(term) > 1][:10]


def search(query):
    """Every public section and stage that matches `query`, best first."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not terms_of(query):
        return []
    if connection.vendor == "postgresql":
        sections, stages = _postgres(Section, query), _postgres(Stage, query)
    else:
        sections, stages = _fallback(Section, query), _fallback(Stage, query)
    results = [_section_result(s) for s in sections] + [_stage_result(s) for s in stages]
    return sorted(results, key=lambda result: -result.rank)


def _joined(items, parent, *fields):
    """The text of a section's points (or a stage's practices) as one string, in SQL."""
    parts = []
    for field in fields:
        parts += [field, Value(" ")]
    rows = (
        items.filter(**{parent: OuterRef("pk")})
        .order_by()
        .values(parent)
        .annotate(
            text=StringAgg(
                Concat(*parts, output_field=TEXT), delimiter=Value(" "), output_field=TEXT
            )
        )
        .values("text")
    )
    return Coalesce(Subquery(rows, output_field=TEXT), Value(""), output_field=TEXT)


def _searchable(model):
    if model is Section:
        return (
            Section.objects.readable()
            .select_related("article")
            .annotate(extra=_joined(Point.objects.all(), "section", "title", "body"))
        ), ("title", "body")
    return (
        Stage.objects.published().annotate(
            extra=Concat(
                _joined(Practice.objects.in_use(), "stage", "title", "description"),
                Value(" "),
                _joined(Prompt.objects.in_use(), "stage", "text"),
                output_field=TEXT,
            )
        )
    ), ("name", "summary", "description", "feelings")


def _postgres(model, query):
    queryset, (first, *rest) = _searchable(model)
    vector = (
        SearchVector(first, weight="A", config=CONFIG)
        + SearchVector(*rest, weight="B", config=CONFIG)
        + SearchVector("extra", weight="C", config=CONFIG)
    )
    search_query = SearchQuery(query, search_type="websearch", config=CONFIG)
    return (
        queryset.annotate(document=vector)
        .filter(document=search_query)
        .annotate(rank=SearchRank(F("document"), search_query))
        .order_by("-rank")
    )


def _fallback(model, query):
    """Every word must appear somewhere; more mentions, and title mentions, rank higher."""
    queryset, fields = _searchable(model)
    terms = terms_of(query)
    for term in terms:
        matches = Q(extra__icontains=term)
        for field in fields:
            matches |= Q(**{f"{field}__icontains": term})
        queryset = queryset.filter(matches)
    results = list(queryset)
    for item in results:
        title = getattr(item, fields[0]).lower()
        text = " ".join(str(getattr(item, field)) for field in fields[1:]) + " " + item.extra
        text = text.lower()
        item.rank = sum(3 * title.count(term) + text.count(term) for term in terms)
    return results


def _section_result(section):
    return SearchResult(
        title=section.title,
        url=section.get_absolute_url(),
        kind=section.article.title,
        text=f"{section.body} {section.extra}",
        rank=float(section.rank),
    )


def _stage_result(stage):
    return SearchResult(
        title=stage.name,
        url=stage.get_absolute_url(),
        kind="Stage",
        text=f"{stage.summary} {stage.description} {stage.feelings} {stage.extra}",
        rank=float(stage.rank),
    )


def plain(text):
    """Markdown source to readable plain text for a snippet."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_#>`|]+", " ", text).split())


def snippet(text, terms):
    """About SNIPPET_WORDS words around the first matching term, terms in <mark>."""
    words = plain(text).split()
    start = 0
    for index, word in enumerate(words):
        if any(term in word.lower() for term in terms):
            start = max(0, index - SNIPPET_WORDS // 3)
            break
    chosen = " ".join(words[start : start + SNIPPET_WORDS])
    # Split on the terms first, then escape each piece, so a mark never lands in an entity.
    pattern = re.compile("(" + "|".join(re.escape(term) for term in terms) + ")", re.IGNORECASE)
    pieces = pattern.split(chosen) if terms else [chosen]
    html = "".join(
        f"<mark>{escape(piece)}</mark>" if index % 2 else escape(piece)
        for index, piece in enumerate(pieces)
    )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - escaped just above
