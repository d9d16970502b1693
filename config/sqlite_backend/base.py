"""SQLite, its connection kept across requests (opening one runs the PRAGMAs in
settings), with a health check that notices when the database file is no longer the one
the connection opened: moved away, replaced or gone. Then Django reconnects, and answers
503 if it cannot, instead of serving an old file."""

import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    opened_file = None

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        self.opened_file = self.current_file()
        return connection

    def current_file(self):
        try:
            stat = os.stat(self.settings_dict["NAME"])
        except OSError:
            return None
        return stat.st_dev, stat.st_ino

    def is_usable(self):
        if self.is_in_memory_db():
            return True
        return self.opened_file is not None and self.current_file() == self.opened_file
