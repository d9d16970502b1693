"""The signed-in user's row is kept in the session cache (journal.accounts.backends), and
any change to it takes effect on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journal.accounts.models import Profile

pytestmark = pytest.mark.django_db


def user_queries(client, url="/journal/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries if '"auth_user"' in q["sql"]]


def test_a_signed_in_request_does_not_load_the_user_row_again(owner_client):
    owner_client.get("/journal/")
    response, loaded = user_queries(owner_client)
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    assert loaded == []


def test_a_new_password_signs_the_other_sessions_out_at_once(owner_client, owner):
    owner_client.get("/journal/")
    owner.set_password("a completely new passphrase")
    owner.save()
    response, _ = user_queries(owner_client)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_deactivated_account_is_signed_out_at_once(owner_client, owner):
    owner_client.get("/journal/")
    owner.is_active = False
    owner.save()
    assert user_queries(owner_client)[0].status_code == 302


def test_a_deleted_account_is_signed_out_at_once(owner_client, owner):
    owner_client.get("/journal/")
    owner.delete()
    assert user_queries(owner_client)[0].status_code == 302


def test_the_kept_row_follows_a_changed_name(owner_client, owner):
    owner_client.get("/journal/")
    owner.username = "renamed-person"
    owner.save()
    response, _ = user_queries(owner_client)
    assert response.wsgi_request.user.username == "renamed-person"


def test_settings_changed_elsewhere_apply_on_the_next_request(owner_client, owner):
    # Another process or device saves the profile: nothing here is told, yet the next
    # page follows it, because the profile is kept with the user and dropped with it.
    owner_client.get("/journal/settings/")
    owner_client.get("/journal/")
    profile = Profile.objects.get(owner=owner)
    profile.discreet, profile.timezone = True, "Pacific/Kiritimati"
    profile.save()
    response = owner_client.get("/journal/settings/")
    assert "<title>Notes</title>" in response.content.decode()
    assert response.wsgi_request.user.profile.timezone == "Pacific/Kiritimati"
