"""What of people's own data points at guide items, counted and never listed.

Editors retire guide items people refer to (practices they ticked, prompts and sections
their entries answer, stages their journeys pass through) instead of deleting them: the
private side holds those references with PROTECT. The admin asks here before a delete,
and may show the counts, never the records: no person, nothing private.
"""

from collections import Counter

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.utils.text import capfirst


def people_references(objs):
    """{model: count} of the records outside the guide that point at objs (or at what
    deleting them would delete) and so keep them; empty when deleting is safe."""
    objs = list(objs)
    if not objs:
        return Counter()
    collector = NestedObjects(using=router.db_for_write(type(objs[0])))
    collector.collect(objs)
    return Counter(type(obj) for obj in collector.protected if obj._meta.app_label != "guide")


def describe(counts):
    """ "3 entries and 12 practice ticks", from people_references()."""
    parts = [
        f"{number} {model._meta.verbose_name if number == 1 else model._meta.verbose_name_plural}"
        for model, number in sorted(counts.items(), key=lambda item: item[0]._meta.label)
    ]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else ""


def refusal(obj, counts, instead):
    """The message for an editor who tried to delete something people refer to."""
    name = capfirst(obj._meta.verbose_name)
    return (
        f"{name} “{obj}” is kept: people's own records refer to it ({describe(counts)}), "
        f"and deleting it would rewrite their history. {instead}"
    )
