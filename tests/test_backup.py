"""backup_db makes a consistent online copy that restores with the data in it."""

import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from journal.models import Entry

pytestmark = pytest.mark.django_db(transaction=True)

needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="backup_db is for SQLite; PostgreSQL uses pg_dump"
)


@needs_sqlite
def test_backup_restores_with_the_entries_in_it(tmp_path, owner):
    Entry.objects.create(owner=owner, body="The day I chose myself.")
    target = tmp_path / "copy.sqlite3"

    call_command("backup_db", output=str(target))

    restored = sqlite3.connect(target)
    bodies = [row[0] for row in restored.execute("SELECT body FROM journal_entry")]
    emails = [row[0] for row in restored.execute("SELECT email FROM auth_user")]
    restored.close()
    assert bodies == ["The day I chose myself."]
    assert emails == [owner.email]


@needs_sqlite
def test_backup_refuses_to_overwrite_an_existing_file(tmp_path, owner):
    target = tmp_path / "copy.sqlite3"
    target.write_text("keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup_db", output=str(target))
    assert target.read_text() == "keep me"


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL only")
def test_backup_on_postgresql_points_to_pg_dump(tmp_path):
    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup_db", output=str(tmp_path / "x"))
