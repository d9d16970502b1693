"""Signed-in devices are named the way people say them, by a maintained parser."""

import pytest

from journal.accounts.devices import describe_user_agent
from tests.accounts.sessions import live_session_key


@pytest.mark.parametrize(
    "user_agent, name",
    [
        (
            "Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0",
            "Firefox on Android",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/124.0.0.0 Safari/537.36",
            "Chrome on Windows",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Safari on iOS",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.4 Safari/605.1.15",
            "Safari on macOS",
        ),
        ("", "An unknown browser"),
        ("curl/8.5.0", "curl"),
    ],
)
def test_user_agents_get_plain_names(user_agent, name):
    assert describe_user_agent(user_agent) == name


@pytest.mark.django_db
def test_the_sessions_page_shows_names_not_raw_strings(owner_client, owner):
    from allauth.usersessions.models import UserSession

    UserSession.objects.create(
        user=owner,
        ip="203.0.113.7",
        session_key=live_session_key(owner),
        user_agent="Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0",
    )
    page = owner_client.get("/accounts/sessions/").text
    assert "Firefox on Android" in page and "203.0.113.7" in page
    assert "Gecko/125.0" not in page
