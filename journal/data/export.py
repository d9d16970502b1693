"""A person's data, out: JSON (which importing.py reads back) and a zip of Markdown."""

import io
import json
import zipfile

from django.utils import timezone
from django.utils.text import slugify

from journal.entries.models import Entry, Tag
from journal.journey.models import CheckIn, Journey, PracticeTick, Transition
from journal.letters.models import Letter
from journal.reminders.models import ReminderSettings

FORMAT = "twinflame-journal-export"
VERSION = 1


def _stage(stage):
    return stage.slug if stage else None


def _moment(value):
    return value.isoformat() if value else None


def _letters(user):
    """Every letter, sealed ones included: they are the person's own words."""
    return [
        {
            "kind": letter.kind,
            "title": letter.title,
            "body": letter.body,
            "seal": letter.seal,
            "open_on": letter.open_on.isoformat() if letter.open_on else None,
            "sealed_at": _moment(letter.sealed_at),
            "read_at": _moment(letter.read_at),
            "archived_at": _moment(letter.archived_at),
            "created_at": _moment(letter.created_at),
        }
        for letter in Letter.objects.for_owner(user).order_by("created_at", "id")
    ]


def _reminders(user):
    reminders = ReminderSettings.objects.for_owner(user).first()
    return reminders and {
        "check_in": reminders.check_in,
        "reflect": reminders.reflect,
        "time_of_day": reminders.time_of_day.strftime("%H:%M"),
        "reflect_weekday": reminders.reflect_weekday,
    }


def export_data(user):
    """Everything of the person's, as plain JSON-ready values."""
    entries = (
        Entry.objects.for_owner(user)
        .select_related("stage", "prompt__stage", "section__article")
        .prefetch_related("tags")
        .order_by("entry_date", "created_at", "id")
    )
    journey = Journey.objects.for_owner(user).select_related("stage").first()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "tags": list(Tag.objects.for_owner(user).values_list("name", flat=True)),
        "entries": [
            {
                "title": entry.title,
                "body": entry.body,
                "mood": entry.mood,
                "tags": [tag.name for tag in entry.tags.all()],
                "entry_date": entry.entry_date.isoformat(),
                "created_at": entry.created_at.isoformat(),
                "updated_at": entry.updated_at.isoformat(),
                # The entry's address here; an import gives each entry a new one.
                "id": str(entry.public_id),
                "stage": _stage(entry.stage),
                # Text and titles as written for; stage and slugs to find them again.
                "prompt": entry.prompt_text or None,
                "prompt_stage": entry.prompt.stage.slug if entry.prompt else None,
                "section": entry.section_title or None,
                "section_article": entry.section.article.slug if entry.section else None,
                "section_slug": entry.section.slug if entry.section else None,
            }
            for entry in entries
        ],
        "journey": journey
        and {
            "role": journey.role,
            "stage": _stage(journey.stage),
            "intention": journey.intention,
            "started_at": journey.started_at.isoformat(),
        },
        "stage_transitions": [
            {
                "from_stage": _stage(move.from_stage),
                "to_stage": _stage(move.to_stage),
                "note": move.note,
                "created_at": move.created_at.isoformat(),
            }
            for move in Transition.objects.for_owner(user).select_related("from_stage", "to_stage")
        ],
        "practice_ticks": [
            {
                "practice": tick.practice_title,
                "stage": _stage(tick.practice.stage),
                "done_on": tick.done_on.isoformat(),
                "undone_on": tick.undone_on.isoformat() if tick.undone_on else None,
            }
            for tick in PracticeTick.objects.for_owner(user)
            .select_related("practice__stage")
            .order_by("done_on", "id")
        ],
        "check_ins": [
            {"day": check_in.day.isoformat(), "mood": check_in.mood, "note": check_in.note}
            for check_in in CheckIn.objects.for_owner(user).order_by("day")
        ],
        "letters": _letters(user),
        "reminders": _reminders(user),
    }


def export_json(user):
    return json.dumps(export_data(user), ensure_ascii=False, indent=2)


def _front_matter(fields):
    # JSON strings and lists are valid YAML flow values, so any text is quoted safely.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def export_zip(user):
    """A zip of Markdown files: one per entry, plus the journey, each with front matter."""
    data = export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        used = set()
        for entry in data["entries"]:
            body = entry.pop("body")
            name = f"{entry['entry_date']}-{slugify(entry['title'])[:50] or 'entry'}"
            while name in used:
                name += "-1"
            used.add(name)
            archive.writestr(f"entries/{name}.md", _front_matter(entry) + body + "\n")
        journey = {key: data[key] for key in ("journey", "stage_transitions")}
        journey |= {key: data[key] for key in ("practice_ticks", "check_ins")}
        archive.writestr(
            "journey.md",
            _front_matter({"exported_at": data["exported_at"]})
            + "# Your journey\n\n```json\n"
            + json.dumps(journey, ensure_ascii=False, indent=2)
            + "\n```\n",
        )
        archive.writestr("tags.md", _front_matter({"tags": data["tags"]}) + "# Your tags\n")
        for letter in data["letters"]:
            body = letter.pop("body")
            name = f"{letter['created_at'][:10]}-{letter['kind']}-{slugify(letter['title'])[:40]}"
            while name in used:
                name += "-1"
            used.add(name)
            archive.writestr(f"letters/{name}.md", _front_matter(letter) + body + "\n")
        if data["reminders"]:
            archive.writestr(
                "reminders.md", _front_matter(data["reminders"]) + "# Your reminder settings\n"
            )
    return buffer.getvalue()
