import hashlib
import json
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
    Section,
    ShippedContent,
    Stage,
    Status,
    SupportPage,
)

CONTENT = Path(__file__).resolve().parents[2] / "content" / "guide.toml"
EARLIER = CONTENT.with_name("earlier_releases.toml")


def _text(value):
    """Text as an editor would see it: the admin's textarea turns newlines into CRLF
    and trims the ends, which is not an edit."""
    lines = (value or "").replace("\r\n", "\n").strip().split("\n")
    return "\n".join(line.rstrip() for line in lines)


def fingerprint(*texts):
    return hashlib.sha256(json.dumps([_text(text) for text in texts]).encode()).hexdigest()


def article_fingerprint(title, summary, intro):
    return fingerprint(title, summary, intro)


def section_fingerprint(order, title, audience, body, points):
    """`points`: [(title, audience, body)] in order."""
    return fingerprint(str(order), title, audience, body, *(v for point in points for v in point))


def support_fingerprint(title, body):
    return fingerprint(title, body)


def shipped_sections(data):
    """(key, order, item) for each section of the shipped article."""
    for order, item in enumerate(data["sections"], start=1):
        yield f"section:{data['slug']}/{item['slug']}", order, item


def shipped_fingerprints(data):
    """What this release ships, by key: for earlier_releases.toml."""
    article = data["article"]
    found = {
        f"article:{article['slug']}": article_fingerprint(
            article["title"], article["summary"], article.get("intro", "")
        ),
        "support": support_fingerprint(data["support"]["title"], data["support"]["body"]),
    }
    for key, order, item in shipped_sections(article):
        found[key] = section_fingerprint(order, *_section_fields(item))
    return found


def _section_fields(item):
    points = [(p["title"], p.get("role", ""), p.get("body", "")) for p in item.get("points", [])]
    return item["title"], item.get("role", ""), item.get("body", ""), points


class Report:
    def __init__(self):
        self.added, self.updated, self.skipped = [], [], []

    def lines(self):
        yield (
            f"Guide content: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.skipped)} skipped."
        )
        for label, items in (("Added", self.added), ("Updated", self.updated)):
            yield from (f"{label}: {item}" for item in items)
        yield from (f"Skipped: {item}" for item in self.skipped)


class Command(BaseCommand):
    help = (
        "Load the shipped guide content. New items (a stage, a section) are added once and "
        "never again. Shipped text nobody has edited is brought up to date; anything an "
        "editor changed or removed is left as they left it and listed as skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CONTENT))
        parser.add_argument(
            "--fingerprints",
            action="store_true",
            help="Print the fingerprints of the file's text (for earlier_releases.toml) "
            "and change nothing.",
        )

    def handle(self, *args, file, fingerprints, **options):
        data = tomllib.loads(Path(file).read_text(encoding="utf-8"))
        if fingerprints:
            for key, value in shipped_fingerprints(data).items():
                self.stdout.write(f'"{key}" = ["{value}"]')
            return
        report = self.load(data)
        if options["verbosity"]:
            for line in report.lines():
                self.stdout.write(line)

    @transaction.atomic
    def load(self, data):
        self.report = Report()
        self.loaded = {row.key: row for row in ShippedContent.objects.select_for_update()}
        self.earlier = tomllib.loads(EARLIER.read_text(encoding="utf-8"))
        # One revision for what changed, so editors can always compare with (and revert
        # to) the shipped text from the admin history.
        with reversion.create_revision():
            reversion.set_comment("Shipped content added or updated by load_guide.")
            self.load_article(data["article"])
            stages = {stage.slug: stage for stage in Stage.objects.all()}
            for order, item in enumerate(data["stages"], start=1):
                self.load_stage(item, order, stages)
            self.load_support(data["support"])
        return self.report

    # --- Deciding -----------------------------------------------------------------

    def decide(self, key, label, item, current, shipped, shipped_before=False):
        """ "add", "update" or None (nothing to do, or skipped and reported).

        `item` is what is in the database (None if absent), `current` its fingerprint and
        `shipped` the fingerprint of this release's text. `shipped_before`: an earlier
        loader added it without keeping a key of its own (a section of an article)."""
        row = self.loaded.get(key)
        if row is None:
            row = self.loaded[key] = ShippedContent.objects.create(key=key)
            if item is None and not shipped_before:
                return "add"
            # Otherwise there before the loader kept keys: an earlier release's text,
            # an edit, or removed.
        if item is None:
            self.report.skipped.append(f"{label}: removed by an editor, not brought back.")
            return None
        if current == shipped:
            self.remember(key, shipped)
            return None
        if current == row.fingerprint or current in self.earlier.get(key, ()):
            return "update"
        self.report.skipped.append(
            f"{label}: changed by an editor, kept as they left it "
            f"(the new shipped text is in guide/content/guide.toml)."
        )
        return None

    def remember(self, key, shipped):
        """Keep the fingerprint of the text now in place as shipped."""
        row = self.loaded[key]
        if row.fingerprint != shipped:
            row.fingerprint = shipped
            row.save(update_fields=["fingerprint"])

    # --- The article and its sections -----------------------------------------------

    def load_article(self, data):
        key = f"article:{data['slug']}"
        label = f"article “{data['title']}”"
        fields = {name: data.get(name, "") for name in ("title", "summary", "intro")}
        article = Article.objects.filter(slug=data["slug"]).first()
        current = article and article_fingerprint(article.title, article.summary, article.intro)
        shipped = article_fingerprint(*fields.values())
        decision = self.decide(key, label, article, current, shipped)
        if decision == "add":
            article = Article.objects.create(slug=data["slug"], status=Status.PUBLISHED, **fields)
            self.report.added.append(label)
        elif decision == "update":
            for name, value in fields.items():
                setattr(article, name, value)
            article.save()
            self.report.updated.append(label)
        if decision:
            self.remember(key, shipped)
            reversion.add_to_revision(article)
        if article is None:
            return  # removed by an editor: so are its sections
        sections = {s.slug: s for s in article.sections.prefetch_related("points")}
        # An earlier loader added the whole article at once, keeping one key for it.
        whole = decision != "add" and not any(k.startswith("section:") for k in self.loaded)
        for key, order, item in shipped_sections(data):
            shipped_before = whole and key in self.earlier
            self.load_section(article, key, order, item, sections.get(item["slug"]), shipped_before)

    def load_section(self, article, key, order, item, section, shipped_before):
        title, audience, body, points = _section_fields(item)
        label = f"section “{title}”"
        current = section and section_fingerprint(
            section.order,
            section.title,
            section.audience,
            section.body,
            [(p.title, p.audience, p.body) for p in section.points.all()],
        )
        shipped = section_fingerprint(order, title, audience, body, points)
        decision = self.decide(key, label, section, current, shipped, shipped_before)
        if decision is None:
            return
        if decision == "add":
            section = Section(article=article, slug=item["slug"], status=Status.PUBLISHED)
            self.report.added.append(label)
        else:
            self.report.updated.append(label)
        section.order, section.title, section.audience, section.body = order, title, audience, body
        section.save()
        self.set_points(section, points)
        reversion.add_to_revision(section)  # again, now that its points are right
        self.remember(key, shipped)

    @staticmethod
    def set_points(section, points):
        """Make the section's points the shipped ones, changing rows in place."""
        existing = list(section.points.order_by("order", "id"))
        for n, (title, audience, body) in enumerate(points, start=1):
            point = existing[n - 1] if n <= len(existing) else Point(section=section)
            point.order, point.title, point.audience, point.body = n, title, audience, body
            point.save()
        for point in existing[len(points) :]:
            point.delete()

    # --- Stages: added, never rewritten (people's ticks hang on their practices) -------

    def load_stage(self, item, order, stages):
        key = f"stage:{item['slug']}"
        if key in self.loaded:
            return
        self.loaded[key] = ShippedContent.objects.create(key=key)
        if item["slug"] in stages:
            return  # there before the loader kept keys
        follows = stages.get(item.get("follows", ""))
        stage = Stage.objects.create(
            order=order,
            slug=item["slug"],
            name=item["name"],
            summary=item["summary"],
            description=item.get("description", ""),
            feelings=item.get("feelings", ""),
            follows=follows if follows and follows.follows_id is None else None,
            status=Status.PUBLISHED,
        )
        stages[stage.slug] = stage
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
        self.report.added.append(f"stage “{stage.name}”")

    # --- The help page ------------------------------------------------------------

    def load_support(self, data):
        page = SupportPage.objects.order_by("id").first()
        current = page and support_fingerprint(page.title, page.body)
        shipped = support_fingerprint(data["title"], data["body"])
        label = f"help page “{data['title']}”"
        decision = self.decide("support", label, page, current, shipped)
        if decision == "add":
            page = SupportPage.objects.create(**data)
            self.report.added.append(label)
        elif decision == "update":
            page.title, page.body = data["title"], data["body"]
            page.save()
            self.report.updated.append(label)
        if decision:
            self.remember("support", shipped)
            reversion.add_to_revision(page)
