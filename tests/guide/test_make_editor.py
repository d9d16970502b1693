"""`manage.py make_editor EMAIL`: the one way the README gives to make an editor."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def make_editor(*args):
    out = io.StringIO()
    call_command("make_editor", *args, stdout=out)
    return out.getvalue()


def test_it_makes_an_existing_account_staff_in_the_editors_group(owner, client):
    message = make_editor("OWNER@example.com")
    owner.refresh_from_db()
    assert owner.is_staff and not owner.is_superuser
    assert list(owner.groups.values_list("name", flat=True)) == ["Editors"]
    assert "is now an editor" in message and "two-factor" in message
    client.force_login(owner)
    assert client.get("/admin/guide/article/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_running_it_twice_changes_nothing_more(owner):
    make_editor(owner.email)
    make_editor(owner.email)
    assert owner.groups.count() == 1


def test_an_unknown_address_is_refused_with_what_to_do(db):
    with pytest.raises(CommandError, match="Ask them to sign up"):
        make_editor("nobody@example.com")
    assert not Group.objects.filter(name="Editors", user__isnull=False).exists()


def test_remove_takes_editing_away(editor, client):
    make_editor(editor.email, "--remove")
    editor.refresh_from_db()
    assert not editor.is_staff and not editor.groups.exists()
    client.force_login(editor)
    assert client.get("/admin/guide/article/").status_code == 302


def test_remove_leaves_a_superuser_staff(superuser):
    make_editor(superuser.email)
    make_editor(superuser.email, "--remove")
    superuser.refresh_from_db()
    assert superuser.is_staff and not superuser.groups.exists()
