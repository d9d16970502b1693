import zoneinfo

from django.core.cache import cache
from django.utils import timezone

from .models import Profile

# Kept in the cache, not the session, so a change reaches every device at once
# (with a shared cache; otherwise within CACHE_SECONDS) at no query per page.
CACHE_SECONDS = 300


def _cache_key(user_id):
    return f"journal:timezone:{user_id}"


class UserTimezoneMiddleware:
    """Activate the signed-in person's zone, so "today" is their today."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            key = _cache_key(request.user.pk)
            name = cache.get(key)
            if name is None:
                name = Profile.timezone_for(request.user)
                cache.set(key, name, CACHE_SECONDS)
            timezone.activate(zoneinfo.ZoneInfo(name))
        else:
            timezone.deactivate()
        return self.get_response(request)


def remember_timezone(request, name):
    cache.set(_cache_key(request.user.pk), name, CACHE_SECONDS)
    timezone.activate(zoneinfo.ZoneInfo(name))
