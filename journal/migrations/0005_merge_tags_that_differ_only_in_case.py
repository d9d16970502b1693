"""Tags of one person whose names differ only in letter case ("Hope", "hope") merge
before 0006 makes the database refuse them: the oldest tag of each name
keeps its spelling and takes over every entry of the others, so no entry loses a tag.
"""

from django.conf import settings
from django.db import migrations


def merge_duplicate_tags(apps, schema_editor):
    Tag = apps.get_model("journal", "Tag")
    Tagged = apps.get_model("journal", "Entry").tags.through
    kept = {}
    for tag in Tag.objects.order_by("owner_id", "id").iterator():
        key = (tag.owner_id, tag.name.casefold())
        if key not in kept:
            kept[key] = tag.pk
            continue
        keep_id = kept[key]
        already = set(Tagged.objects.filter(tag_id=keep_id).values_list("entry_id", flat=True))
        moving = Tagged.objects.filter(tag_id=tag.pk).exclude(entry_id__in=already)
        Tagged.objects.bulk_create(
            Tagged(entry_id=entry_id, tag_id=keep_id)
            for entry_id in moving.values_list("entry_id", flat=True)
        )
        Tag.objects.filter(pk=tag.pk).delete()  # and its links, now on the kept tag


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0004_entry_stored_search_vector"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(merge_duplicate_tags, migrations.RunPython.noop, elidable=True),
    ]
