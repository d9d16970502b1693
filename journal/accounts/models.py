import zoneinfo
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


@cache
def timezone_names():
    return frozenset(zoneinfo.available_timezones())


class Profile(models.Model):
    """A person's own settings; their time zone decides what "today" means."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    timezone = models.CharField(max_length=64, default="UTC")

    def __str__(self):
        return f"Profile of user {self.owner_id}"

    def clean(self):
        # Checked here rather than by a field validator, so migrations never import this module.
        if self.timezone not in timezone_names():
            raise ValidationError(
                {"timezone": "Choose a time zone from the list, such as Europe/London."}
            )

    @classmethod
    def timezone_for(cls, user):
        profile = cls.objects.filter(owner=user).only("timezone").first()
        return profile.timezone if profile else "UTC"
