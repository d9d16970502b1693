"""Gentle reminders: opt-in, at a time of day in the person's own zone, never two a day."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models

from journal.access import OwnedQuerySet


class Kind(models.TextChoices):
    CHECK_IN = "check_in", "Check in"
    REFLECT = "reflect", "Reflect"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class ReminderSettingsQuerySet(OwnedQuerySet):
    def wanted(self):
        return self.filter(models.Q(check_in=True) | models.Q(reflect=True))


class ReminderSettings(models.Model):
    """What a person asked to be reminded of, and when; everything is off by default."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    check_in = models.BooleanField("Remind me to check in, every day", default=False)
    reflect = models.BooleanField("Remind me to reflect, once a week", default=False)
    time_of_day = models.TimeField("At", default=datetime.time(20, 0))
    reflect_weekday = models.PositiveSmallIntegerField(
        "On", choices=Weekday, default=Weekday.SUNDAY
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self):
        return f"Reminder settings of user {self.owner_id}"

    @classmethod
    def for_user(cls, user):
        """The person's settings, unsaved defaults (all off) when they never chose any."""
        return cls.objects.filter(owner=user).first() or cls(owner=user)

    @staticmethod
    def local_day(now, zone_name):
        return now.astimezone(zoneinfo.ZoneInfo(zone_name)).date()

    def due(self, now, zone_name, checked_in_days):
        """The kind of reminder due at `now`, or None.

        Due from the chosen time until the end of that day where the person is: a worker
        that was down sends it late, never the next day. A day with a check-in has none,
        and the weekly reflection takes the day's one place when both fall together.
        """
        local = now.astimezone(zoneinfo.ZoneInfo(zone_name))
        if local.time() < self.time_of_day or local.date() in checked_in_days:
            return None
        if self.reflect and local.weekday() == self.reflect_weekday:
            return Kind.REFLECT
        return Kind.CHECK_IN if self.check_in else None

    def switch_off(self, kind):
        setattr(self, "check_in" if kind == Kind.CHECK_IN else "reflect", False)
        self.save(update_fields=["check_in", "reflect", "updated_at"])


class ReminderSent(models.Model):
    """One row per reminder sent: the unique day is what keeps a restart from doubling."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    day = models.DateField()  # the person's own day
    sent_at = models.DateTimeField(auto_now_add=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_reminder_per_day"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} reminder of {self.day}"


class ReminderTick(models.Model):
    """A claimed run of the reminder task: however many start it, one run per slot is queued."""

    slot = models.DateTimeField(unique=True)

    def __str__(self):
        return f"Reminder run at {self.slot:%Y-%m-%d %H:%M}"
