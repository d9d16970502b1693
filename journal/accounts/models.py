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
    # For a shared device: the site names itself "Notes" in titles, the tab's icon,
    # the header and the emails it sends this person.
    discreet = models.BooleanField(
        "Discreet mode",
        default=False,
        help_text=(
            "On a shared phone or computer: tabs, history and the header say “Notes”, "
            "your entry titles never appear in tab titles, and our emails to you come "
            "from “Notes” with plain subjects."
        ),
    )

    def __str__(self):
        return f"Profile of user {self.owner_id}"

    def clean(self):
        # Checked here rather than by a field validator, so migrations never import this module.
        if self.timezone not in timezone_names():
            raise ValidationError(
                {"timezone": "Choose a time zone from the list, such as Europe/London."}
            )

    @classmethod
    def settings_for(cls, user):
        """(time zone, discreet) of the person; the defaults before they choose."""
        found = cls.objects.filter(owner=user).values_list("timezone", "discreet").first()
        return found or ("UTC", False)

    @classmethod
    def is_discreet_address(cls, email):
        """Whether mail to this address goes to someone who asked for discretion."""
        return cls.objects.filter(
            models.Q(owner__email__iexact=email)
            | models.Q(owner__emailaddress__email__iexact=email),
            discreet=True,
        ).exists()
