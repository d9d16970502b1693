import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Migrator:
    """Moves the test database to a migration and hands out that moment's models."""

    def __init__(self):
        self.executor = MigrationExecutor(connection)

    def migrate(self, *targets):
        """Each target an (app, migration name) pair."""
        targets = list(targets)
        self.executor.loader.build_graph()
        self.executor.migrate(targets)
        self.executor.loader.build_graph()
        return self.executor.loader.project_state(targets).apps

    def latest(self):
        self.executor.loader.build_graph()
        self.executor.migrate(self.executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrator(transactional_db):
    migrator = Migrator()
    yield migrator
    migrator.latest()
