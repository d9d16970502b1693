# On PostgreSQL the search vector becomes a stored generated column, indexed with
# GIN, so ranking reads it instead of re-parsing every matching body. It is not a
# model field: SQLite has no tsvector, and nothing but search reads it.

from django.db import migrations

COLUMN_SQL = """
ALTER TABLE journal_entry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(body, ''))
) STORED;
-- Databases migrated with an earlier 0003 hold an expression index of this name.
DROP INDEX IF EXISTS entry_search_gin;
CREATE INDEX entry_search_gin ON journal_entry USING gin (search_vector);
"""

REVERSE_SQL = """
DROP INDEX IF EXISTS entry_search_gin;
ALTER TABLE journal_entry DROP COLUMN IF EXISTS search_vector;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(COLUMN_SQL)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0003_entry_created_at_and_search_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
