"""Shared steps for browser tests."""

from django.test import Client


def sign_in(page, live_server, user):
    """The browser gets the session of a person signed in the usual way."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
