import zoneinfo

from django.core.cache import cache
from django.utils import timezone

from . import page_cache
from .models import Profile

# Kept in the cache, not the session, so a change reaches every device at once
# (with a shared cache; otherwise within CACHE_SECONDS) at no query per page.
CACHE_SECONDS = 300


def _cache_key(user_id):
    return f"journal:profile-settings:{user_id}"


class PersonalSettingsMiddleware:
    """Activate the signed-in person's zone, so "today" is their today, and tell the
    templates whether they asked for discretion (`request.discreet`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.discreet = False
        if request.user.is_authenticated:
            key = _cache_key(request.user.pk)
            found = cache.get(key)
            if found is None:
                found = Profile.settings_for(request.user)
                cache.set(key, found, CACHE_SECONDS)
            name, request.discreet = found
            timezone.activate(zoneinfo.ZoneInfo(name))
        else:
            timezone.deactivate()
        return self.get_response(request)


def remember_settings(request, profile):
    """The person's new settings, for this request and every device's next one."""
    cache.set(_cache_key(request.user.pk), (profile.timezone, profile.discreet), CACHE_SECONDS)
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
