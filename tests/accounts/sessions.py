from django.test import Client


def live_session_key(user):
    """A signed-in session that exists in the store: allauth lists only sessions still alive."""
    client = Client()
    client.force_login(user)
    return client.session.session_key
