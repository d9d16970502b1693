# The created_at default lets an import keep each entry's own time.
# The full-text index exists on PostgreSQL only; SQLite searches without it.

import django.utils.timezone
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

from journal.search import entry_search_vector

INDEX_NAME = "entry_search_gin"


def search_index():
    return GinIndex(entry_search_vector(), name=INDEX_NAME)


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("journal", "Entry"), search_index())


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("journal", "Entry"), search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0002_practice_tick_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False),
        ),
        migrations.RunPython(add_search_index, remove_search_index),
    ]
