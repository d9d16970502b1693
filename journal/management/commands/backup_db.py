import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the SQLite database while the site keeps running "
        "(SQLite's online backup API). On PostgreSQL use pg_dump instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="File to write (default: backups/db-<UTC timestamp>.sqlite3).",
        )

    def handle(self, *args, output=None, **options):
        if connection.vendor != "sqlite":
            raise CommandError(
                "backup_db copies SQLite databases; for PostgreSQL run "
                '`pg_dump --format=custom --file=backup.dump "$DATABASE_URL"`.'
            )
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        target = Path(output or f"backups/db-{stamp}.sqlite3")
        if target.exists():
            raise CommandError(f"{target} exists already; choose another --output.")
        target.parent.mkdir(parents=True, exist_ok=True)

        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            # Copies page by page; writers may go on meanwhile and the copy is
            # still one consistent snapshot.
            connection.connection.backup(destination, pages=1024)
        finally:
            destination.close()
        check = sqlite3.connect(target)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise CommandError(f"The copy at {target} failed its integrity check: {result}")
        self.stdout.write(f"Backed up to {target} ({target.stat().st_size} bytes, integrity ok).")
