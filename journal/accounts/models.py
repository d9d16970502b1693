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
    def settings_of(cls, user):
        """settings_for, read from the profile loaded with the user when it was (see
        accounts.backends), which costs no query."""
        try:
            profile = user.profile
        except cls.DoesNotExist:
            return ("UTC", False)
        return (profile.timezone, profile.discreet)

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


class PageRevision(models.Model):
    """A number per person that moves on with any change to their journal or settings.

    It is part of the key of their cached pages (`journal.accounts.page_cache`), so one
    change retires them all at once, in every process. Not a record of theirs: it holds
    nothing they wrote, is never exported, and goes with the account.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    number = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return f"Page revision {self.number} of user {self.person_id}"

    @classmethod
    def of(cls, user_id):
        """The person's number, or None before their first cached page (see `start`)."""
        return cls.objects.filter(person_id=user_id).values_list("number", flat=True).first()

    @classmethod
    def start(cls, user_id):
        cls.objects.get_or_create(person_id=user_id)

    @classmethod
    def bump(cls, user_id):
        # Only ever an UPDATE: a change while the account is being deleted must not
        # insert a row for it. Without a row nothing of theirs is cached to retire.
        cls.objects.filter(person_id=user_id).update(number=models.F("number") + 1)
