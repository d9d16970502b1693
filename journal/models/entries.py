from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .owned import OwnedQuerySet

BODY_MAX_CHARS = 100_000


class Mood(models.IntegerChoices):
    VERY_LOW = 1, "Very low"
    LOW = 2, "Low"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class Tag(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_tags"
    )
    name = models.CharField(max_length=50)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="unique_tag_per_owner"),
        ]

    def __str__(self):
        return self.name


class Entry(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(validators=[MaxLengthValidator(BODY_MAX_CHARS)])
    mood = models.PositiveSmallIntegerField(choices=Mood, null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="entries")
    # Where the writer was and what they answered; kept if the guide changes.
    stage = models.ForeignKey(
        "guide.Stage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    prompt = models.ForeignKey(
        "guide.Prompt", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    section = models.ForeignKey(
        "guide.Section", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entry_date = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["-entry_date", "-id"]
        indexes = [
            models.Index(fields=["owner", "-entry_date", "-id"], name="entry_owner_date"),
        ]

    def __str__(self):
        return self.title or f"Entry of {self.entry_date:%d %B %Y}"

    def get_absolute_url(self):
        return reverse("journal:entry_detail", args=[self.pk])


class EntryDraft(models.Model):
    """The autosaved text of a new entry not yet saved; one per person."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_draft"
    )
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Draft of user {self.owner_id}"
