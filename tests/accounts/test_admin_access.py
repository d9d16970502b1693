"""The admin is reached only through allauth's sign-in, and with MFA in production."""

import pytest
from allauth.mfa.models import Authenticator

pytestmark = pytest.mark.django_db


def test_admin_login_sends_visitors_to_the_protected_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_admin_login_form_cannot_be_posted_to_directly(client, superuser):
    from tests.factories import PASSWORD

    response = client.post("/admin/login/", {"username": superuser.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_signed_in_non_staff_gets_403_at_admin_login(owner_client):
    assert owner_client.get("/admin/login/").status_code == 403


def test_staff_without_mfa_is_sent_to_set_it_up_when_required(client, superuser, settings):
    settings.ADMIN_REQUIRE_MFA = True
    client.force_login(superuser)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/"
    assert "Set up two-factor authentication to use the admin." in response.content.decode()


def test_staff_with_mfa_reaches_admin_when_required(client, superuser, settings):
    settings.ADMIN_REQUIRE_MFA = True
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


def test_production_settings_pass_the_deploy_check():
    import subprocess
    import sys

    env = {
        "PATH": "",
        "DEBUG": "0",
        "SECRET_KEY": "k" * 30 + "-production-only-" + "z" * 30,
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
