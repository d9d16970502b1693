import zoneinfo

from django.utils import timezone

from . import page_cache
from .models import Profile


class PersonalSettingsMiddleware:
    """Activate the signed-in person's zone, so "today" is their today, and tell the
    templates whether they asked for discretion (`request.discreet`).

    The profile comes with the user, kept in the shared session cache by
    accounts.backends and dropped when either changes: no query per page, and a change
    reaches every process and device on their next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.discreet = False
        if request.user.is_authenticated:
            name, request.discreet = Profile.settings_of(request.user)
            timezone.activate(zoneinfo.ZoneInfo(name))
        else:
            timezone.deactivate()
        return self.get_response(request)


def remember_settings(request, profile):
    """The person's new settings, for the rest of this request (saving the profile has
    already dropped the kept user, so every other request reads them anew)."""
    timezone.activate(zoneinfo.ZoneInfo(profile.timezone))
    request.discreet = profile.discreet


class PageRevisionMiddleware:
    """Retires a person's kept pages once, after the request that changed their records,
    and after anything a signed-in person sends (a form, an htmx post, an import), since
    bulk writes send no model signals (see journal.accounts.page_cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with page_cache.bumps_deferred_to_the_end(request):
            return self.get_response(request)
