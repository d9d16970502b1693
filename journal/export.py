"""A person's data, out (JSON, a zip of Markdown files) and back in (the JSON)."""

import datetime
import hashlib
import io
import json
import zipfile

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from .forms import TAG_MAX_CHARS, parse_tag_names
from .models import CheckIn, Entry, Journey, Mood, PracticeTick, Tag, Transition
from .models.entries import BODY_MAX_CHARS

FORMAT = "twinflame-journal-export"
VERSION = 1


class ImportFailed(ValueError):
    """The file cannot be imported; the message says why, in plain words."""


# --- Out -----------------------------------------------------------------------


def _stage(stage):
    return stage.slug if stage else None


def export_data(user):
    """Everything of the person's, as plain JSON-ready values."""
    entries = (
        Entry.objects.for_owner(user)
        .select_related("stage", "prompt", "section__article")
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
                "stage": _stage(entry.stage),
                "prompt": entry.prompt.text if entry.prompt else None,
                "section": str(entry.section) if entry.section else None,
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
                "practice": tick.practice.title,
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
    return buffer.getvalue()


# --- In ------------------------------------------------------------------------


def entry_key(created_at, entry_date, title, body):
    """What makes an entry the same entry, however many times it is imported."""
    digest = hashlib.sha256(body.encode()).hexdigest()
    moment = created_at.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    return (moment, entry_date.isoformat(), title, digest)


def _parse_entry(number, raw):
    def fail(why):
        raise ImportFailed(f"Entry {number} in the file {why}. Nothing was imported.")

    if not isinstance(raw, dict):
        fail("is not an entry")
    title, body, mood = raw.get("title") or "", raw.get("body"), raw.get("mood")
    if not isinstance(title, str) or len(title) > 200:
        fail("has a title that is not text of up to 200 characters")
    if not isinstance(body, str) or not body.strip():
        fail("has no text")
    if len(body) > BODY_MAX_CHARS:
        fail(f"is longer than {BODY_MAX_CHARS:,} characters")
    if mood is not None and mood not in Mood.values:
        fail("has a mood that is not 1 to 5")
    entry_date = parse_date(str(raw.get("entry_date") or ""))
    created_at = parse_datetime(str(raw.get("created_at") or ""))
    updated_at = parse_datetime(str(raw.get("updated_at") or "")) or created_at
    if not entry_date or not created_at or timezone.is_naive(created_at):
        fail("has a missing or unreadable date")
    tags = raw.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        fail("has tags that are not a list of names")
    names = parse_tag_names(",".join(tags))
    if any(len(name) > TAG_MAX_CHARS for name in names):
        fail(f"has a tag longer than {TAG_MAX_CHARS} characters")
    return {
        "title": title, "body": body, "mood": mood, "tag_names": names,
        "entry_date": entry_date, "created_at": created_at, "updated_at": updated_at,
    }  # fmt: skip


def parse_export(raw_bytes):
    """Read and check a whole export before anything is written."""
    try:
        data = json.loads(raw_bytes.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ImportFailed(
            "This file is not a journal export (it is not readable JSON). Nothing was imported."
        ) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFailed(
            "This file is not a journal export from this site. Nothing was imported."
        )
    if data.get("version") != VERSION:
        raise ImportFailed("This export's version is not one we can read. Nothing was imported.")
    entries, tags = data.get("entries"), data.get("tags") or []
    if not isinstance(entries, list) or not isinstance(tags, list):
        raise ImportFailed("The file's entries are not a list. Nothing was imported.")
    if not all(isinstance(name, str) and len(name) <= TAG_MAX_CHARS for name in tags):
        raise ImportFailed("The file's tags are not a list of short names. Nothing was imported.")
    return [_parse_entry(n, raw) for n, raw in enumerate(entries, start=1)], tags


@transaction.atomic
def import_data(user, raw_bytes):
    """Add the export's entries and tags; entries already here are skipped, not doubled.

    Returns (added, skipped). Raises ImportFailed with nothing changed.
    """
    parsed, tag_names = parse_export(raw_bytes)
    have = {
        entry_key(*values)
        for values in Entry.objects.for_owner(user).values_list(
            "created_at", "entry_date", "title", "body"
        )
    }
    new = []
    for item in parsed:
        key = entry_key(item["created_at"], item["entry_date"], item["title"], item["body"])
        if key not in have:
            have.add(key)
            new.append(item)
    every_name = parse_tag_names(",".join([*tag_names, *(n for i in new for n in i["tag_names"])]))
    tags = {tag.name.casefold(): tag for tag in Tag.for_names(user, every_name)}
    entries = Entry.objects.bulk_create(
        [Entry(owner=user, **{k: v for k, v in item.items() if k != "tag_names"}) for item in new]
    )
    # auto_now stamped the import time; the export's own edit times are put back.
    for entry, item in zip(entries, new, strict=True):
        entry.updated_at = item["updated_at"]
    Entry.objects.bulk_update(entries, ["updated_at"])
    Entry.tags.through.objects.bulk_create(
        [
            Entry.tags.through(entry_id=entry.pk, tag_id=tags[name.casefold()].pk)
            for entry, item in zip(entries, new, strict=True)
            for name in item["tag_names"]
        ]
    )
    return len(new), len(parsed) - len(new)
