import zoneinfo

from django.utils import timezone

from .models import Profile

SESSION_KEY = "journal_timezone"


class UserTimezoneMiddleware:
    """Activate the signed-in person's zone, so "today" is their today."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            # Kept in the session so a page costs no extra query for it.
            name = request.session.get(SESSION_KEY)
            if name is None:
                name = Profile.timezone_for(request.user)
                request.session[SESSION_KEY] = name
            timezone.activate(zoneinfo.ZoneInfo(name))
        else:
            timezone.deactivate()
        return self.get_response(request)


def remember_timezone(request, name):
    request.session[SESSION_KEY] = name
    timezone.activate(zoneinfo.ZoneInfo(name))
