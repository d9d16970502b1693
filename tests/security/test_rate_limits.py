"""Brute force: sign-in, sign-up and password reset are rate limited (allauth, on the cache
every worker shares), and the admin's own login goes through that same sign-in."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def limit(action):
    """The first number of allauth's limit for `action`: "20/m/ip" -> 20."""
    return int(settings.ACCOUNT_RATE_LIMITS[action].split(",")[0].split("/")[0])


def test_sign_ups_from_one_address_are_limited_with_a_friendly_429(client):
    allowed = limit("signup")
    for n in range(allowed):
        response = client.post(
            "/accounts/signup/",
            {"email": f"new{n}@example.com", "password1": "short", "password2": "short"},
        )
        assert response.status_code == 200, n  # A form error: the password is too short.
    response = client.post(
        "/accounts/signup/",
        {"email": "late@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 429
    assert "Too many tries in a short time" in response.text
    assert "/help/" in response.text
    assert not get_user_model().objects.filter(email="late@example.com").exists()


def test_password_resets_for_one_address_are_limited(client, owner):
    per_key = int(settings.ACCOUNT_RATE_LIMITS["reset_password"].split(",")[1].split("/")[0])
    for _ in range(per_key):
        response = client.post("/accounts/password/reset/", {"email": owner.email})
        assert response.status_code == 302
    response = client.post("/accounts/password/reset/", {"email": owner.email})
    assert response.status_code == 429
    assert len(mail.outbox) == per_key


def test_password_resets_from_one_address_are_limited_across_emails(client):
    people = [UserFactory() for _ in range(5)]
    for n in range(limit("reset_password")):
        email = people[n % len(people)].email
        response = client.post("/accounts/password/reset/", {"email": email})
        assert response.status_code == 302, n
    response = client.post("/accounts/password/reset/", {"email": UserFactory().email})
    assert response.status_code == 429


def test_failed_sign_ins_lock_the_account_even_with_the_right_password(client, owner):
    for _ in range(5):
        client.post("/accounts/login/", {"login": owner.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_allauths_rate_limited_sign_in(client, superuser):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    # Posting to the admin's own form does not bypass it either.
    response = client.post("/admin/login/", {"username": superuser.email, "password": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    for _ in range(5):
        client.post("/accounts/login/?next=/admin/", {"login": superuser.email, "password": "x"})
    response = client.post(
        "/accounts/login/?next=/admin/", {"login": superuser.email, "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.text
    assert client.get("/admin/").status_code == 302
