"""Sign-up, email verification and sign-in, all through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from journal.models import Profile
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def signup(client, email="new@example.com", password="calm-river-stones-9", timezone=""):
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": password, "password2": password, "timezone": timezone},
    )


def test_signup_creates_an_account_and_sends_a_verification_email(client):
    response = signup(client)
    assert response.status_code == 302
    assert User.objects.filter(email="new@example.com").exists()
    assert len(mail.outbox) == 1
    assert "new@example.com" in mail.outbox[0].to
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_signup_keeps_the_browsers_time_zone(client):
    signup(client, timezone="Pacific/Auckland")
    assert Profile.objects.get(owner__email="new@example.com").timezone == "Pacific/Auckland"


def test_signup_with_an_unknown_time_zone_falls_back_to_utc(client):
    signup(client, timezone="Mars/Olympus_Mons")
    assert Profile.objects.get(owner__email="new@example.com").timezone == "UTC"


def test_unverified_address_cannot_sign_in_until_confirmed(client):
    signup(client)
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new@example.com", "password": "calm-river-stones-9"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[-1].body).group(1)
    response = client.post(f"/accounts/confirm-email/{key}/")
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.com").verified


def test_taken_email_is_answered_like_any_sign_up(client, owner):
    # Having an account is private: see test_enumeration.py for every account flow.
    response = signup(client, email=owner.email)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "already registered" not in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "email": "not-an-email",
                "password1": "calm-river-stones-9",
                "password2": "calm-river-stones-9",
            },
            "valid email",
        ),
        (
            {
                "email": "a@example.com",
                "password1": "calm-river-stones-9",
                "password2": "other-stones-9",
            },
            "same password",
        ),
        ({"email": "a@example.com", "password1": "123", "password2": "123"}, "too short"),
        ({"email": "", "password1": "", "password2": ""}, "This field is required"),
        (
            {
                "email": "a@example.com\x00",
                "password1": "calm-river-stones-9",
                "password2": "calm-river-stones-9",
            },
            "Null characters",
        ),
    ],
)
def test_bad_signup_input_gets_a_form_error_not_a_500(client, data, message):
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_wrong_password_gets_a_clear_error(client, owner):
    response = client.post("/accounts/login/", {"login": owner.email, "password": "wrong"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_verified_person_signs_in_with_email_and_password(client, owner):
    response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_repeated_failed_sign_ins_are_rate_limited(client, owner):
    for _ in range(5):
        response = client.post("/accounts/login/", {"login": owner.email, "password": "wrong"})
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link(client, owner):
    response = client.post("/accounts/password/reset/", {"email": owner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/sessions/",
        "/journal/settings/",
    ],
)
def test_account_management_pages_open_for_a_signed_in_person(owner_client, path):
    assert owner_client.get(path).status_code == 200


def test_time_zone_setting_changes_what_today_means(owner_client, owner):
    response = owner_client.post("/journal/settings/", {"timezone": "Asia/Tokyo"})
    assert response.status_code == 302
    assert Profile.objects.get(owner=owner).timezone == "Asia/Tokyo"
    from django.utils import timezone

    owner_client.get("/journal/")
    # The middleware leaves the person's zone active for the request it served.
    assert timezone.get_current_timezone_name() == "Asia/Tokyo"


def test_a_time_zone_change_reaches_the_persons_other_sessions(client, owner):
    from django.test import Client
    from django.utils import timezone

    other_device = Client()
    other_device.force_login(owner)
    other_device.get("/journal/")  # this device has read the old zone
    client.force_login(owner)
    client.post("/journal/settings/", {"timezone": "Pacific/Kiritimati"})
    response = other_device.get("/journal/settings/")
    assert response.status_code == 200
    assert timezone.get_current_timezone_name() == "Pacific/Kiritimati"


def test_unknown_time_zone_setting_is_refused_with_a_message(owner_client, owner):
    response = owner_client.post("/journal/settings/", {"timezone": "Nowhere/Special"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_setting_up_two_factor_asks_for_the_password_again(owner_client):
    response = owner_client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_account_email_speaks_in_the_sites_name(client):
    signup(client)
    assert mail.outbox[0].body.startswith("Hello from Twin Flame Runner,")
    assert "Take care of yourself." in mail.outbox[0].body


def test_signing_in_greets_without_showing_an_internal_username(client, owner):
    response = client.post(
        "/accounts/login/", {"login": owner.email, "password": PASSWORD}, follow=True
    )
    page = response.content.decode()
    assert "Welcome back. You’re signed in." in page
    assert f"signed in as {owner.username}" not in page
