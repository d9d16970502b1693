"""A person's JSON export, back in: every record checked first (forms.ImportForm), then
everything not here yet written in one transaction, so importing twice doubles nothing.

The guide is matched by keys that survive a new database: stage slug, practice and
prompt by stage slug and title or text, section by article slug and section slug.
"""

from collections import Counter

from django.db import transaction

from guide.models import Practice, Prompt, Section, Stage

from .records import RECORDS


def _index(items, *keys):
    """Items by each key; a key two items share finds neither (older exports name
    prompts by text and sections by title alone)."""
    found = {}
    for item in items:
        for key in keys:
            found[key(item)] = None if key(item) in found else item
    return found


class GuideKeys:
    """The published guide, found by the names an export writes: never a draft, never an id."""

    def __init__(self):
        self.stage = _index(Stage.objects.published(), lambda stage: stage.slug)
        self.practice = _index(
            Practice.objects.published().select_related("stage"),
            lambda practice: (practice.stage.slug, practice.title),
        )
        self.prompt = _index(
            Prompt.objects.published().select_related("stage"),
            lambda prompt: (prompt.stage.slug, prompt.text),
            lambda prompt: prompt.text,
        )
        self.section = _index(
            Section.objects.readable().select_related("article"),
            lambda section: (section.article.slug, section.slug),
            lambda section: section.title,
        )


@transaction.atomic
def import_records(user, records):
    """Add each checked record ({kind: [form]}) that is not here yet; returns counts such as
    "entries_added", "journey_here", "practice_ticks_gone" (its guide item is gone) and
    "entries_unlinked" (imported without a guide link that is gone)."""
    guide, counts = GuideKeys(), Counter()
    for kind, forms in records.items():
        record = RECORDS[kind]
        model = record._meta.model
        have = {key for obj in model.objects.for_owner(user) for key in record.keys(obj)}
        new = []
        for form in forms:
            keys = form.keys(form.build(user, guide))
            if keys & have:
                counts[f"{kind}_here"] += 1
            elif form.missing and not record.keeps_missing_links:
                counts[f"{kind}_gone"] += 1
            else:
                counts[f"{kind}_unlinked"] += form.missing
                have |= keys
                new.append(form)
        model.objects.bulk_create(
            [form.instance for form in new], ignore_conflicts=record.ignore_conflicts
        )
        record.after_import(user, new)
        counts[f"{kind}_added"] = len(new)
    return counts
