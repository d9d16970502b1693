"""SQLite's kept connection is dropped once its database file is moved or replaced."""

from config.sqlite_backend.base import DatabaseWrapper


def wrapper_for(path):
    return DatabaseWrapper(
        {
            "ENGINE": "config.sqlite_backend",
            "NAME": str(path),
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TEST": {},
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
        }  # fmt: skip
    )


def test_the_kept_connection_is_usable_while_its_file_stays(tmp_path, django_db_blocker):
    db = wrapper_for(tmp_path / "site.sqlite3")
    with django_db_blocker.unblock():  # a database of its own, not the test database
        db.ensure_connection()
    assert db.is_usable()
    db.close()


def test_a_moved_or_replaced_file_makes_the_connection_unusable(tmp_path, django_db_blocker):
    path = tmp_path / "site.sqlite3"
    db = wrapper_for(path)
    with django_db_blocker.unblock():
        db.ensure_connection()
    path.rename(tmp_path / "aside.sqlite3")
    assert not db.is_usable()
    path.mkdir()  # something else now where the file was
    assert not db.is_usable()
    db.close()
