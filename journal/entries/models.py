import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from guide.markdown import markdown_to_text
from journal.access import OwnedQuerySet
from journal.moods import Mood
from journal.streaks import showing_up

from .search import search_entries

BODY_MAX_CHARS = 100_000
EXCERPT_WORDS = 40
ON_THIS_DAY_YEARS = 60


class Tag(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_tags"
    )
    name = models.CharField(max_length=50)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            # "Hope" and "hope" are one tag: the code matches names in any case, and so
            # does the database.
            models.UniqueConstraint("owner", Lower("name"), name="unique_tag_per_owner_any_case"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_names(cls, user, names):
        """The person's own tags with these names (any letter case), made if missing."""
        existing = {tag.name.casefold(): tag for tag in cls.objects.for_owner(user)}
        missing = {}
        for name in names:
            if name.casefold() not in existing:
                missing.setdefault(name.casefold(), cls(owner=user, name=name))
        if missing:
            # Another tab may make the same tag at the same moment: keep whichever won.
            cls.objects.bulk_create(missing.values(), ignore_conflicts=True)
            existing = {tag.name.casefold(): tag for tag in cls.objects.for_owner(user)}
        return [existing[name.casefold()] for name in dict.fromkeys(names)]


def excerpt_of(body):
    """The opening words of an entry as plain text, for lists (Markdown never shows)."""
    return Truncator(markdown_to_text(body)).words(EXCERPT_WORDS)


class EntryQuerySet(OwnedQuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        # bulk_create skips save(), where the excerpt is made (imports come this way).
        objs = list(objs)
        for entry in objs:
            entry.excerpt = excerpt_of(entry.body)
        return super().bulk_create(objs, *args, **kwargs)

    def for_list(self):
        """What a list of entries shows, in a fixed number of queries (no bodies: the
        stored excerpt stands in for them)."""
        return (
            self.defer("body")
            .select_related("stage")
            .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        )

    def search(self, text):
        return search_entries(self, text)

    def filter_by(self, *, tag=None, mood=None, stage=None, date_from=None, date_to=None):
        """Combine the optional list filters; each one left out changes nothing."""
        qs = self
        if tag:
            qs = qs.filter(tags__name__iexact=tag)
        if mood:
            qs = qs.filter(mood=mood)
        if stage:
            qs = qs.filter(stage=stage)
        if date_from:
            qs = qs.filter(entry_date__gte=date_from)
        if date_to:
            qs = qs.filter(entry_date__lte=date_to)
        return qs

    def on_this_day(self, today):
        """Entries written on this month and day in earlier years, newest first."""
        # Exact dates rather than EXTRACT(month/day), so the (owner, date) index serves it.
        dates = []
        for years_back in range(1, ON_THIS_DAY_YEARS + 1):
            try:
                dates.append(today.replace(year=today.year - years_back))
            except ValueError:  # 29 February in a year without one
                continue
        return self.filter(entry_date__in=dates).order_by("-entry_date", "-id").as_links()

    def as_links(self):
        """Entries shown as a link (title and date): their text is not read."""
        return self.defer("body", "excerpt")

    def writing_streak(self, today):
        """Days written in the current run, forgiving a missed day or two (see streaks)."""
        since = today - datetime.timedelta(days=366)
        days = set(
            self.filter(entry_date__range=(since, today)).values_list("entry_date", flat=True)
        )
        return showing_up(days, today)[0]


class Entry(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    # The entry's address: random, so a URL says nothing of how many entries exist.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(validators=[MaxLengthValidator(BODY_MAX_CHARS)])
    # Made from the body on save: lists show it without parsing Markdown on every view.
    excerpt = models.TextField(blank=True, editable=False)
    mood = models.PositiveSmallIntegerField(choices=Mood, null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="entries")
    # Where the writer was and what they answered. Editors retire guide items people
    # refer to rather than delete them (PROTECT), and the words are kept as they were
    # when the entry was written, so the entry reads the same whatever the guide does.
    stage = models.ForeignKey(
        "guide.Stage", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    prompt = models.ForeignKey(
        "guide.Prompt", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    prompt_text = models.CharField(max_length=300, blank=True, editable=False)
    section = models.ForeignKey(
        "guide.Section", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    section_title = models.CharField(max_length=200, blank=True, editable=False)
    entry_date = models.DateField(default=timezone.localdate)
    # A default rather than auto_now_add, so an imported entry keeps its own time.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "entries"
        ordering = ["-entry_date", "-id"]
        indexes = [
            models.Index(fields=["owner", "-entry_date", "-id"], name="entry_owner_date"),
        ]

    def __str__(self):
        return self.display_title

    def save(self, *args, **kwargs):
        self.remember_guide_words()
        self.excerpt = excerpt_of(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "excerpt"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("journal:entry_detail", args=[self.public_id])

    def remember_guide_words(self):
        """Keep the prompt's text and the section's title as they are now (also called
        before a bulk_create, which skips save())."""
        if self.prompt_id and not self.prompt_text:
            self.prompt_text = self.prompt.text
        if self.section_id and not self.section_title:
            self.section_title = self.section.title

    @property
    def section_is_readable(self):
        """The section this entry reflects on is still in the public guide (to link it)."""
        section = self.section
        return section is not None and section.is_public and section.article.is_public

    @property
    def display_title(self):
        """The entry's one name everywhere: its title, or for an untitled entry its day
        ("Monday 3 November 2026"), so pages show the date once, not twice."""
        day = self.entry_date
        return self.title or f"{day:%A} {day.day} {day:%B %Y}"


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

    @classmethod
    def save_for(cls, user, title, body):
        # Autosave skips form validation; PostgreSQL refuses NUL characters in text.
        title, body = title.replace("\x00", ""), body.replace("\x00", "")
        draft, _ = cls.objects.update_or_create(
            owner=user, defaults={"title": title[:200], "body": body}
        )
        return draft

    @classmethod
    def discard_for(cls, user):
        cls.objects.for_owner(user).delete()
