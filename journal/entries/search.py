"""Full-text search of entries: PostgreSQL's ranked search, a plain fallback elsewhere."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

SEARCH_CONFIG = "english"
MAX_TERMS = 12


def stored_search_vector():
    """The generated, GIN-indexed column that migration 0004 adds on PostgreSQL."""
    return RawSQL("journal_entry.search_vector", [], output_field=SearchVectorField())


def search_terms(text):
    """Words only: whatever else someone types can never break the query syntax."""
    return re.findall(r"\w+", text or "")[:MAX_TERMS]


def search_entries(queryset, text):
    terms = search_terms(text)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        # Every word as a prefix, so search-as-you-type finds "walking" from "walk".
        query = SearchQuery(
            " & ".join(f"{term}:*" for term in terms), config=SEARCH_CONFIG, search_type="raw"
        )
        vector = stored_search_vector()
        return (
            queryset.annotate(search=vector, rank=SearchRank(vector, query))
            .filter(search=query)
            .order_by("-rank", "-entry_date", "-id")
        )
    matches = Q()
    for term in terms:
        matches &= Q(title__icontains=term) | Q(body__icontains=term)
    return queryset.filter(matches)
