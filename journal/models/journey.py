from django.conf import settings
from django.db import models
from django.utils import timezone

from .entries import Mood
from .owned import OwnedQuerySet


class Role(models.TextChoices):
    RUNNER = "runner", "The runner (I pulled away)"
    CHASER = "chaser", "The chaser (they pulled away)"
    NOT_SURE = "not_sure", "Not sure yet"


class Journey(models.Model):
    """A person's place in the stages: made at onboarding, changed by moving."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journey"
    )
    role = models.CharField(max_length=10, choices=Role, default=Role.NOT_SURE)
    stage = models.ForeignKey("guide.Stage", on_delete=models.PROTECT, related_name="+")
    intention = models.TextField(max_length=1000, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Journey of user {self.owner_id}"


class Transition(models.Model):
    """One move between stages; the history is only ever appended to."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stage_transitions"
    )
    from_stage = models.ForeignKey(
        "guide.Stage", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_stage = models.ForeignKey("guide.Stage", on_delete=models.PROTECT, related_name="+")
    note = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["owner", "created_at"], name="transition_owner_time")]

    def __str__(self):
        return f"Move to stage {self.to_stage_id}"


class PracticeTick(models.Model):
    """A practice a person has done, with the day they ticked it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_ticks"
    )
    practice = models.ForeignKey("guide.Practice", on_delete=models.CASCADE, related_name="+")
    done_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "practice"], name="unique_tick_per_practice"),
        ]

    def __str__(self):
        return f"Practice {self.practice_id} done on {self.done_on}"


class CheckIn(models.Model):
    """The one-tap mood of a day: one per person per day in their own time zone."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField(default=timezone.localdate)
    mood = models.PositiveSmallIntegerField(choices=Mood)
    note = models.CharField(max_length=280, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_check_in_per_day"),
        ]

    def __str__(self):
        return f"Check-in of {self.day}"
