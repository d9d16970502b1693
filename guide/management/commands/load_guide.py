import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from guide.models import Article, Point, Practice, Prompt, Stage, Status, SupportPage

CONTENT = Path(__file__).resolve().parents[2] / "content" / "guide.toml"


class Command(BaseCommand):
    help = (
        "Load the shipped guide content. Only adds what is missing (matched by slug), "
        "so running it again never overwrites an editor's changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CONTENT))

    @transaction.atomic
    def handle(self, *args, file, **options):
        data = tomllib.loads(Path(file).read_text(encoding="utf-8"))
        created = self.load_article(data["article"]) + self.load_stages(data["stages"])
        if not SupportPage.objects.exists():
            SupportPage.objects.create(**data["support"])
            created += 1
        self.stdout.write(f"Guide content: {created} new item(s) added.")

    def load_article(self, data):
        article, created = Article.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "summary": data["summary"],
                "intro": data.get("intro", ""),
                "status": Status.PUBLISHED,
            },
        )
        if not created:
            return 0
        count = 1
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
            count += 1
        return count

    def load_stages(self, stages):
        count = 0
        for order, item in enumerate(stages, start=1):
            if Stage.objects.filter(slug=item["slug"]).exists():
                continue
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
            count += 1
        return count
