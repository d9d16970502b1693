import uuid

from django.db import migrations

BATCH = 1000


def give_each_entry_its_own_id(apps, schema_editor):
    Entry = apps.get_model("journal", "Entry")
    while True:
        batch = list(Entry.objects.filter(public_id__isnull=True).only("pk")[:BATCH])
        if not batch:
            break
        for entry in batch:
            entry.public_id = uuid.uuid4()
        Entry.objects.bulk_update(batch, ["public_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0009_entry_public_id_add"),
    ]

    operations = [
        migrations.RunPython(give_each_entry_its_own_id, migrations.RunPython.noop, elidable=True),
    ]
