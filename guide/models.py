"""Public, editor-owned content: the article, its sections and points, the stages."""

import math

import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .ways import Way, steps

MARKDOWN_HELP = (
    "Markdown: a blank line starts a new paragraph; **bold**, *italic*, "
    "[link text](https://example.org), and lines starting with “- ” make a list. "
    "Raw HTML is removed."
)
WORDS_PER_MINUTE = 220


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Audience(models.TextChoices):
    """Who a piece of content speaks to most; blank means everyone."""

    EVERYONE = "", "Everyone"
    RUNNER = "runner", "Runners"
    CHASER = "chaser", "Chasers"
    BOTH = "both", "Both partners"


def audiences_for(role):
    """The audiences a person in `role` (runner, chaser, not_sure) should see."""
    if role in (Audience.RUNNER, Audience.CHASER):
        return [Audience.EVERYONE, Audience.BOTH, role]
    return None  # not sure (or unknown): everything


class AudienceQuerySet(models.QuerySet):
    def for_role(self, role):
        """Runners and chasers get their own content first, then everyone's;
        "not_sure" gets all of it in the guide's own order."""
        audiences = audiences_for(role)
        if audiences is None:
            return self
        own_first = models.Case(
            models.When(audience=role, then=models.Value(0)),
            default=models.Value(1),
            output_field=models.IntegerField(),
        )
        ordering = self.query.order_by or self.model._meta.ordering
        return self.filter(audience__in=audiences).order_by(own_first, *ordering)


class PublishedQuerySet(AudienceQuerySet):
    def published(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now)

    def visible(self, preview=False):
        """What a page shows: everything in a staff preview, else only what is public."""
        return self.all() if preview else self.published()


class SectionQuerySet(PublishedQuerySet):
    def readable(self, now=None):
        """Published sections of published articles: all that may be linked or found."""
        now = now or timezone.now()
        return self.published(now).filter(article__in=Article.objects.published(now))


RETIRED_HELP = (
    "Retired items leave the guide and the tracker, but people who used them keep them in "
    "their history. Retire instead of deleting anything people have used."
)


class StageContentQuerySet(AudienceQuerySet):
    def in_use(self):
        """Not retired: what the guide and the tracker offer."""
        return self.filter(retired=False)

    def published(self, now=None):
        """Practices or prompts in use, of published stages."""
        return self.in_use().filter(stage__in=Stage.objects.published(now))


class Publishable(models.Model):
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text="Drafts are only visible to editors, through the preview link.",
    )
    publish_at = models.DateTimeField(
        default=timezone.now,
        help_text="Published content becomes public at this time; a future time schedules it.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and self.publish_at <= timezone.now()

    def get_preview_url(self):
        url = self.get_absolute_url()
        path, _, anchor = url.partition("#")
        return f"{path}?preview=1" + (f"#{anchor}" if anchor else "")


def reading_minutes(*texts):
    words = sum(len((text or "").split()) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


@reversion.register(follow=["sections"])
class Article(Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The article's web address: /guide/<slug>/. Lowercase words joined by hyphens.",
        error_messages={
            "unique": "Another article already uses this slug, and two pages cannot share one "
            "web address. Change a word or add one to make it unique."
        },
    )
    summary = models.CharField(
        max_length=300, help_text="One sentence; shown in search results and link previews."
    )
    intro = models.TextField(blank=True, help_text=MARKDOWN_HELP)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guide:article", args=[self.slug])

    def reading_minutes(self, sections):
        """Minutes to read the intro and `sections` (with their points prefetched)."""
        texts = [self.intro]
        for section in sections:
            texts += [section.title, section.body]
            texts += [text for point in section.points.all() for text in (point.title, point.body)]
        return reading_minutes(*texts)

    def last_updated(self, sections):
        return max([self.updated_at, *(section.updated_at for section in sections)])


@reversion.register(follow=["points"])
class Section(Publishable):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        help_text="The section's anchor: /guide/<article>/#<slug>. Unique within the article.",
    )
    audience = models.CharField(
        max_length=10,
        choices=Audience,
        blank=True,
        default="",
        help_text="Who this speaks to most; the tracker tailors what it shows by role.",
    )
    body = models.TextField(blank=True, help_text=MARKDOWN_HELP)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "slug"],
                name="unique_section_slug",
                violation_error_message=(
                    "Another section of this article already uses this slug. The slug is the "
                    "section's link (#slug), so each one must be different: change a word."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.slug}"


@reversion.register()
class Point(models.Model):
    """One item of a section's list: a sign, a reason, a strategy, a tip."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="points")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")
    body = models.TextField(blank=True, help_text=MARKDOWN_HELP)

    objects = AudienceQuerySet.as_manager()

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self):
        return self.title


@reversion.register(follow=["practices", "prompts"])
class Stage(Publishable):
    order = models.PositiveIntegerField(default=0, help_text="Lower numbers come first.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The stage's web address: /guide/stages/<slug>/.",
        error_messages={
            "unique": "Another stage already uses this slug, and two pages cannot share one "
            "web address. Change a word or add one to make it unique."
        },
    )
    name = models.CharField(max_length=100)
    summary = models.CharField(
        max_length=300, help_text="One sentence; shown on the guide and in link previews."
    )
    description = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    feelings = models.TextField(
        blank=True, help_text="What people often feel in this stage. " + MARKDOWN_HELP
    )
    follows = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"follows__isnull": True},
        verbose_name="second way on from",
        help_text="Leave empty for a stage on the main way, placed by its order. Choose a "
        "stage to make this one another way on from it, offered as an equal choice beside "
        "the next stage on the main way (Peace apart follows Integration, beside Reunion).",
    )

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("guide:stage", args=[self.slug])

    def neighbours(self, stages=None):
        """The way around this stage among `stages` (the published ones unless a caller
        passes the list it already has): a `Way` of the stage before it, the ways on
        from it, and the other ways on from the same place. Works from a stage an editor
        unpublished, so nobody standing in one is stuck."""
        if stages is None:
            stages = Stage.objects.published()
        return Way.around(self, stages)

    def clean(self):
        if self.follows_id is None:
            return
        if self.follows_id == self.pk:
            raise ValidationError({"follows": "A stage cannot follow itself."})
        if self.follows.follows_id is not None:
            raise ValidationError(
                {"follows": "Choose a stage on the main way (one that follows no other stage)."}
            )
        if self.pk and Stage.objects.filter(follows=self).exists():
            raise ValidationError(
                {"follows": "Other stages follow this one, so it must stay on the main way."}
            )

    @classmethod
    def steps(cls, stages):
        """`stages` as the way reads: a list of steps, each a list of equal choices
        (for example [[Separation], [Integration], [Reunion, Peace apart]])."""
        return steps(stages)


@reversion.register()
class Practice(models.Model):
    """A step a person can tick off in the phase tracker."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="practices")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")
    retired = models.BooleanField(default=False, help_text=RETIRED_HELP)

    objects = StageContentQuerySet.as_manager()

    class Meta:
        ordering = ["stage", "order", "id"]

    def __str__(self):
        return self.title


@reversion.register()
class Prompt(models.Model):
    """A reflection question that opens a new journal entry."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="prompts")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=300)
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")
    retired = models.BooleanField(default=False, help_text=RETIRED_HELP)

    objects = StageContentQuerySet.as_manager()

    class Meta:
        ordering = ["stage", "order", "id"]

    def __str__(self):
        return self.text

    def get_journal_url(self):
        return f"{reverse('journal:entry_new')}?prompt={self.pk}"


@reversion.register()
class SupportPage(models.Model):
    """Where to find professional help; there is one, edited in admin."""

    title = models.CharField(max_length=200, default="Get help")
    body = models.TextField(help_text=MARKDOWN_HELP)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "support page"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guide:support")


class ShippedContent(models.Model):
    """A record that load_guide once added a shipped item (e.g. "stage:separation").

    The loader adds an item only if it never did before, so an editor who renames,
    rewrites or deletes shipped content never finds it back on the next deploy. The
    fingerprint is of the text as shipped: while the item still matches it, nobody has
    edited it, and a newer shipped text may replace it.
    """

    key = models.CharField(max_length=200, unique=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "shipped content"

    def __str__(self):
        return self.key
