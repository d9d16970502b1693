"""Letters: unsent letters to the other person, and letters sealed for your future self."""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Exists, ExpressionWrapper, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from journal.access import OwnedQuerySet
from journal.entries.models import BODY_MAX_CHARS
from journal.journey.models import Transition


class Kind(models.TextChoices):
    UNSENT = "unsent", "An unsent letter"
    FUTURE = "future", "A letter to my future self"


class Seal(models.TextChoices):
    DATE = "date", "Until a date"
    NEXT_STAGE = "next_stage", "Until I next move stage"


class LetterQuerySet(OwnedQuerySet):
    def unsent(self):
        return self.filter(kind=Kind.UNSENT)

    def future(self):
        return self.filter(kind=Kind.FUTURE)

    def in_sight(self):
        return self.filter(archived_at__isnull=True)

    def with_opening(self, today):
        """Annotate `is_open`: a dated letter opens on its day in the person's zone; the
        other kind opens at the first stage move made after it was sealed."""
        moved = Transition.objects.filter(
            owner=OuterRef("owner"), created_at__gt=OuterRef("sealed_at")
        )
        opens = (
            Q(kind=Kind.UNSENT)
            | Q(seal=Seal.DATE, open_on__lte=today)
            | Q(seal=Seal.NEXT_STAGE, moved_since=True)
        )
        return self.alias(moved_since=Exists(moved)).annotate(
            is_open=ExpressionWrapper(opens, output_field=models.BooleanField())
        )

    def opened(self, today):
        return self.future().with_opening(today).filter(is_open=True)

    def ready_to_read(self, today):
        """Letters to the future self that have opened and not yet been read."""
        return self.opened(today).filter(read_at__isnull=True).order_by("sealed_at", "id")


class Letter(models.Model):
    """A letter written like an entry and kept apart from the journal.

    A letter to the future self is sealed when written: nothing shows its words until it
    opens (see `LetterQuerySet.with_opening`), and it is never edited afterwards.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(validators=[MaxLengthValidator(BODY_MAX_CHARS)])
    seal = models.CharField(max_length=12, choices=Seal, blank=True)
    open_on = models.DateField(null=True, blank=True)
    sealed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "kind", "-created_at"], name="letter_owner_kind")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=Kind.UNSENT, seal="")
                | Q(kind=Kind.FUTURE, seal=Seal.DATE, open_on__isnull=False)
                | Q(kind=Kind.FUTURE, seal=Seal.NEXT_STAGE),
                name="letter_seal_matches_kind",
            ),
        ]

    def __str__(self):
        return f"Letter {self.public_id}"

    def save(self, *args, **kwargs):
        if self.is_future and self.sealed_at is None:
            self.sealed_at = self.created_at
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("letters:detail", args=[self.public_id])

    @property
    def is_future(self):
        return self.kind == Kind.FUTURE

    @property
    def display_title(self):
        if self.title:
            return self.title
        return "A letter to my future self" if self.is_future else "An unsent letter"

    def mark_read(self):
        if self.read_at is None:
            self.read_at = timezone.now()
            self.save(update_fields=["read_at", "updated_at"])

    def archive(self):
        self.archived_at = timezone.now()
        self.save(update_fields=["archived_at", "updated_at"])

    def restore(self):
        self.archived_at = None
        self.save(update_fields=["archived_at", "updated_at"])
