"""Public, editor-owned content: the article, its sections and points, the stages."""

from django.db import models
from django.urls import reverse
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Audience(models.TextChoices):
    """Who a piece of content speaks to most; blank means everyone."""

    EVERYONE = "", "Everyone"
    RUNNER = "runner", "Runners"
    CHASER = "chaser", "Chasers"
    BOTH = "both", "Both partners"


class PublishedQuerySet(models.QuerySet):
    def published(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now)


class Publishable(models.Model):
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
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


class Article(Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One sentence; shown in search results and link previews."
    )
    intro = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guide:article", args=[self.slug])


class Section(Publishable):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")
    body = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        ordering = ["article", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["article", "slug"], name="unique_section_slug"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.slug}"


class Point(models.Model):
    """One item of a section's list: a sign, a reason, a strategy, a tip."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="points")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")
    body = models.TextField(blank=True, help_text="Markdown.")

    class Meta:
        ordering = ["section", "order", "id"]

    def __str__(self):
        return self.title


class Stage(Publishable):
    order = models.PositiveIntegerField(default=0)
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=100)
    summary = models.CharField(max_length=300)
    description = models.TextField(blank=True, help_text="Markdown.")
    feelings = models.TextField(
        blank=True, help_text="Markdown: what people often feel in this stage."
    )

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("guide:stage", args=[self.slug])


class Practice(models.Model):
    """A step a person can tick off in the phase tracker."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="practices")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="Markdown.")
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")

    class Meta:
        ordering = ["stage", "order", "id"]

    def __str__(self):
        return self.title


class Prompt(models.Model):
    """A reflection question that opens a new journal entry."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="prompts")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=300)
    audience = models.CharField(max_length=10, choices=Audience, blank=True, default="")

    class Meta:
        ordering = ["stage", "order", "id"]

    def __str__(self):
        return self.text


class SupportPage(models.Model):
    """Where to find professional help; there is one, edited in admin."""

    title = models.CharField(max_length=200, default="Getting help")
    body = models.TextField(help_text="Markdown.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "support page"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guide:support")
