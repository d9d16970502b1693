"""Tags are one per name in any letter case, in the database too; the migration that
makes it so merges older duplicates and no entry loses a tag."""

import pytest
from django.db import IntegrityError, transaction

from journal.models import Tag


def test_the_database_refuses_a_second_tag_differing_only_in_case(owner):
    Tag.objects.create(owner=owner, name="Hope")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(owner=owner, name="hope")


def test_two_people_may_each_have_the_same_tag(owner, other_user):
    Tag.objects.create(owner=owner, name="Hope")
    Tag.objects.create(owner=other_user, name="hope")
    assert Tag.objects.count() == 2


def test_migrating_merges_duplicates_keeping_every_entrys_tags(migrator):
    apps = migrator.migrate(("journal", "0004_entry_stored_search_vector"))
    User = apps.get_model("auth", "User")
    Tag, Entry = apps.get_model("journal", "Tag"), apps.get_model("journal", "Entry")
    ana = User.objects.create(username="ana", email="ana@example.com")
    ben = User.objects.create(username="ben", email="ben@example.com")
    hope, hope_lower, hope_upper = (
        Tag.objects.create(owner=ana, name=name) for name in ("Hope", "hope", "HOPE")
    )
    sleep = Tag.objects.create(owner=ana, name="sleep")
    bens = Tag.objects.create(owner=ben, name="hope")

    def entry(owner, title, *tags):
        made = Entry.objects.create(owner=owner, title=title, body="...")
        made.tags.set(tags)
        return made

    first = entry(ana, "first", hope)
    second = entry(ana, "second", hope_lower, sleep)
    both = entry(ana, "both", hope, hope_upper)
    theirs = entry(ben, "theirs", bens)

    apps = migrator.migrate(("journal", "0006_tag_name_unique_in_any_case"))
    Tag, Entry = apps.get_model("journal", "Tag"), apps.get_model("journal", "Entry")
    assert sorted(Tag.objects.filter(owner_id=ana.pk).values_list("name", flat=True)) == [
        "Hope",
        "sleep",
    ]
    tags_of = {e.title: sorted(t.name for t in e.tags.all()) for e in Entry.objects.all()}
    assert tags_of == {
        "first": ["Hope"],
        "second": ["Hope", "sleep"],
        "both": ["Hope"],
        "theirs": ["hope"],
    }
    assert Tag.objects.get(owner_id=ana.pk, name="Hope").pk == hope.pk
    assert {first.pk, second.pk, both.pk, theirs.pk} == set(Entry.objects.values_list("pk", flat=True))
