import tomllib
from pathlib import Path

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction

from guide.models import (
    Article,
    Point,
    Practice,
    Prompt,
    ShippedContent,
    Stage,
    Status,
    SupportPage,
)

CONTENT = Path(__file__).resolve().parents[2] / "content" / "guide.toml"


class Command(BaseCommand):
    help = (
        "Load the shipped guide content. Each shipped item (the article, each stage, the "
        "support page) is added once and never again, so running it again never "
        "overwrites, duplicates or brings back what an editor changed or removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CONTENT))

    @transaction.atomic
    def handle(self, *args, file, **options):
        data = tomllib.loads(Path(file).read_text(encoding="utf-8"))
        self.loaded = set(ShippedContent.objects.values_list("key", flat=True))
        # One revision for what was added, so editors can always compare with (and
        # revert to) the shipped text from the admin history.
        with reversion.create_revision():
            reversion.set_comment("Shipped content added by load_guide.")
            created = self.load_article(data["article"])
            for order, item in enumerate(data["stages"], start=1):
                created += self.load_stage(item, order)
            created += self.load_support(data["support"])
        self.stdout.write(f"Guide content: {created} new item(s) added.")

    def first_time(self, key, exists):
        """True if `key` was never loaded; remembers it either way from now on."""
        if key in self.loaded:
            return False
        ShippedContent.objects.create(key=key)
        # Content that is already there (loaded before keys were kept) counts as loaded.
        return not exists

    def load_article(self, data):
        key = f"article:{data['slug']}"
        if not self.first_time(key, Article.objects.filter(slug=data["slug"]).exists()):
            return 0
        article = Article.objects.create(
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            intro=data.get("intro", ""),
            status=Status.PUBLISHED,
        )
        for order, item in enumerate(data["sections"], start=1):
            section = article.sections.create(
                order=order,
                slug=item["slug"],
                title=item["title"],
                audience=item.get("role", ""),
                body=item.get("body", ""),
                status=Status.PUBLISHED,
            )
            Point.objects.bulk_create(
                Point(
                    section=section,
                    order=n,
                    title=p["title"],
                    body=p.get("body", ""),
                    audience=p.get("role", ""),
                )
                for n, p in enumerate(item.get("points", []), start=1)
            )
            reversion.add_to_revision(section)  # again, now that its points exist
        reversion.add_to_revision(article)
        return 1 + len(data["sections"])

    def load_stage(self, item, order):
        key = f"stage:{item['slug']}"
        if not self.first_time(key, Stage.objects.filter(slug=item["slug"]).exists()):
            return 0
        stage = Stage.objects.create(
            order=order,
            slug=item["slug"],
            name=item["name"],
            summary=item["summary"],
            description=item.get("description", ""),
            feelings=item.get("feelings", ""),
            status=Status.PUBLISHED,
        )
        Practice.objects.bulk_create(
            Practice(
                stage=stage,
                order=n,
                title=p["title"],
                description=p.get("description", ""),
                audience=p.get("role", ""),
            )
            for n, p in enumerate(item["practices"], start=1)
        )
        Prompt.objects.bulk_create(
            Prompt(stage=stage, order=n, text=p["text"], audience=p.get("role", ""))
            for n, p in enumerate(item["prompts"], start=1)
        )
        reversion.add_to_revision(stage)  # again, now that its practices exist
        return 1

    def load_support(self, data):
        if not self.first_time("support", SupportPage.objects.exists()):
            return 0
        SupportPage.objects.create(**data)
        return 1
