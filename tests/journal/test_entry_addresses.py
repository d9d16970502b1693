"""An entry's address is a random id: it says nothing of how many entries the site holds."""

import re
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from journal.models import Entry
from tests.factories import UserFactory

from .factories import EntryFactory

pytestmark = pytest.mark.django_db

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_an_entrys_address_is_its_random_id_not_its_number(owner):
    entry = EntryFactory(owner=owner)
    assert entry.get_absolute_url() == f"/journal/{entry.public_id}/"
    assert isinstance(entry.public_id, uuid.UUID)


def test_every_entry_gets_its_own_id(owner):
    ids = {EntryFactory(owner=owner).public_id for _ in range(20)}
    assert len(ids) == 20


def test_the_pages_of_an_entry_show_no_database_numbers(owner_client, owner):
    entries = [EntryFactory(owner=owner, title=f"Entry {n}") for n in range(3)]
    pages = [reverse("journal:entry_list"), "/"]
    for entry in entries:
        pages += [
            reverse(name, args=[entry.public_id])
            for name in ("journal:entry_detail", "journal:entry_edit", "journal:entry_delete")
        ]
    for url in pages:
        html = owner_client.get(url).content.decode()
        # Links, form actions and htmx targets name entries by their random id only.
        assert not re.search(r"/journal/\d+/", html), url
        assert not re.search(r'id="entry-\d+"', html), url
        for entry in entries:
            if url == reverse("journal:entry_list"):
                assert f'id="entry-{entry.public_id}"' in html


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/"])
def test_an_old_numbered_address_sends_the_owner_to_the_new_one(owner_client, owner, suffix):
    entry = EntryFactory(owner=owner)
    response = owner_client.get(f"/journal/{entry.pk}/{suffix}")
    assert response.status_code == 302
    assert response["Location"] == f"/journal/{entry.public_id}/{suffix}"


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/"])
def test_an_old_numbered_address_is_a_404_for_anyone_else(other_client, owner, suffix):
    entry = EntryFactory(owner=owner, title="Only mine")
    response = other_client.get(f"/journal/{entry.pk}/{suffix}")
    assert response.status_code == 404
    assert str(entry.public_id) not in response.content.decode()
    assert "Only mine" not in response.content.decode()


def test_an_old_numbered_address_of_no_entry_is_the_same_404(other_client, owner):
    entry = EntryFactory(owner=owner)
    theirs = other_client.get(f"/journal/{entry.pk}/")
    nobodys = other_client.get(f"/journal/{entry.pk + 1000}/")
    assert theirs.status_code == nobodys.status_code == 404

    def page(response):  # the sign-out form's CSRF token differs on every page
        return re.sub(r'value="[^"]{64}"', "", response.content.decode())

    assert page(theirs) == page(nobodys)


def test_a_visitor_on_an_old_numbered_address_is_asked_to_sign_in(client, owner):
    entry = EntryFactory(owner=owner)
    response = client.get(f"/journal/{entry.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert str(entry.public_id) not in response["Location"]


def test_an_old_numbered_address_only_redirects_it_never_changes_anything(owner_client, owner):
    entry = EntryFactory(owner=owner)
    response = owner_client.post(f"/journal/{entry.pk}/delete/")
    assert response.status_code == 405
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_someone_elses_random_id_is_a_404(other_client, owner):
    entry = EntryFactory(owner=owner)
    for name in ("journal:entry_detail", "journal:entry_edit", "journal:entry_delete"):
        assert other_client.get(reverse(name, args=[entry.public_id])).status_code == 404
    assert other_client.get(f"/journal/{uuid.uuid4()}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_existing_entry_its_own_id():
    """Entries written before the change get distinct ids (SQLite and PostgreSQL)."""
    before, after = (
        ("journal", "0009_entry_public_id_add"),
        ("journal", "0011_entry_public_id_unique"),
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    old_apps = executor.loader.project_state([before]).apps
    OldEntry = old_apps.get_model("journal", "Entry")
    OldUser = old_apps.get_model("auth", "User")
    person = OldUser.objects.create(username="before", email="before@example.com")
    for n in range(5):
        OldEntry.objects.create(owner=person, body=f"Written before {n}", entry_date="2024-01-01")
    assert set(OldEntry.objects.values_list("public_id", flat=True)) == {None}

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([after])
    new_apps = executor.loader.project_state([after]).apps
    ids = list(new_apps.get_model("journal", "Entry").objects.values_list("public_id", flat=True))
    assert len(ids) == 5 and None not in ids and len(set(ids)) == 5

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    UserFactory(email="after@example.com")  # the latest schema is back
