"""A person's JSON export, back in.

Every part of the file is read and checked before anything is written; the guide is
matched by keys that survive a new database: stage slug, practice and prompt by stage
slug and title or text, section by article slug and section slug.
"""

import dataclasses
import datetime
import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from guide.models import Practice, Prompt, Section, Stage
from journal.entries.forms import TAG_MAX_CHARS, parse_tag_names
from journal.entries.models import BODY_MAX_CHARS, Entry, Tag
from journal.journey.models import CheckIn, Journey, PracticeTick, Role, Transition
from journal.moods import Mood

from .export import FORMAT, VERSION

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


class ImportFailed(ValueError):
    """The file cannot be imported; the message says why, in plain words."""


def entry_key(created_at, entry_date, title, body):
    """What makes an entry the same entry, however many times it is imported."""
    digest = hashlib.sha256(body.encode()).hexdigest()
    moment = created_at.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
    return (moment, entry_date.isoformat(), title, digest)


def _failure(what):
    def fail(why):
        raise ImportFailed(f"{what} in the file {why}. Nothing was imported.")

    return fail


def _date(value):
    """A date from the file, or None when it is missing or impossible (30 February)."""
    try:
        day = parse_date(str(value or ""))
    except ValueError:
        return None
    return day if day and EARLIEST_YEAR <= day.year <= LATEST_YEAR else None


def _moment(value):
    """An aware date and time from the file, or None."""
    try:
        moment = parse_datetime(str(value or ""))
    except ValueError:
        return None
    if not moment or not timezone.is_aware(moment):
        return None
    # Far-off years overflow when converted to UTC; no journal reaches them.
    return moment if EARLIEST_YEAR <= moment.year <= LATEST_YEAR else None


def _name(raw, key, fail, required=False):
    """An optional (or required) short text key: a slug, a title, a prompt's text."""
    value = raw.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > 300:
        fail(f"has a {key.replace('_', ' ')} that is not a name")
    return value


def _mood(value):
    return type(value) is int and value in Mood.values


def _parse_entry(number, raw):
    fail = _failure(f"Entry {number}")
    if not isinstance(raw, dict):
        fail("is not an entry")
    title, body, mood = raw.get("title") or "", raw.get("body"), raw.get("mood")
    if not isinstance(title, str) or len(title) > 200:
        fail("has a title that is not text of up to 200 characters")
    if not isinstance(body, str) or not body.strip():
        fail("has no text")
    if len(body) > BODY_MAX_CHARS:
        fail(f"is longer than {BODY_MAX_CHARS:,} characters")
    if mood is not None and not _mood(mood):
        fail("has a mood that is not 1 to 5")
    entry_date = _date(raw.get("entry_date"))
    created_at = _moment(raw.get("created_at"))
    updated_at = _moment(raw.get("updated_at")) or created_at
    if not entry_date or not created_at:
        fail("has a missing or unreadable date")
    tags = raw.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        fail("has tags that are not a list of names")
    names = parse_tag_names(",".join(tags))
    if any(len(name) > TAG_MAX_CHARS for name in names):
        fail(f"has a tag longer than {TAG_MAX_CHARS} characters")
    links = {
        key: _name(raw, key, fail)
        for key in ("stage", "prompt", "prompt_stage", "section", "section_article", "section_slug")
    }
    return {
        "title": title, "body": body, "mood": mood, "tag_names": names, "links": links,
        "entry_date": entry_date, "created_at": created_at, "updated_at": updated_at,
    }  # fmt: skip


def _parse_journey(raw):
    if raw is None:
        return None
    fail = _failure("The journey")
    if not isinstance(raw, dict):
        fail("is not a journey")
    role, intention = raw.get("role"), raw.get("intention") or ""
    if role not in Role.values:
        fail("has a role that is not runner, chaser or not sure")
    if not isinstance(intention, str) or len(intention) > 1000:
        fail("has an intention that is not text of up to 1,000 characters")
    started_at = raw.get("started_at")
    if started_at is not None and not _moment(started_at):
        fail("has an unreadable start date")
    return {
        "role": role,
        "stage": _name(raw, "stage", fail, required=True),
        "intention": intention,
        "started_at": _moment(started_at),
    }


def _parse_transition(number, raw):
    fail = _failure(f"Stage move {number}")
    if not isinstance(raw, dict):
        fail("is not a stage move")
    note, created_at = raw.get("note") or "", _moment(raw.get("created_at"))
    if not isinstance(note, str) or len(note) > 2000:
        fail("has a note that is not text of up to 2,000 characters")
    if not created_at:
        fail("has a missing or unreadable date")
    return {
        "from_stage": _name(raw, "from_stage", fail),
        "to_stage": _name(raw, "to_stage", fail, required=True),
        "note": note,
        "created_at": created_at,
    }


def _parse_tick(number, raw):
    fail = _failure(f"Practice tick {number}")
    if not isinstance(raw, dict):
        fail("is not a practice tick")
    done_on, undone_on = _date(raw.get("done_on")), _date(raw.get("undone_on"))
    if not done_on or (raw.get("undone_on") is not None and not undone_on):
        fail("has a missing or unreadable date")
    return {
        "practice": _name(raw, "practice", fail, required=True),
        "stage": _name(raw, "stage", fail, required=True),
        "done_on": done_on,
        "undone_on": undone_on,
    }


def _parse_check_in(number, raw):
    fail = _failure(f"Check-in {number}")
    if not isinstance(raw, dict):
        fail("is not a check-in")
    day, mood, note = _date(raw.get("day")), raw.get("mood"), raw.get("note") or ""
    if not day:
        fail("has a missing or unreadable day")
    if not _mood(mood):
        fail("has a mood that is not 1 to 5")
    if not isinstance(note, str) or len(note) > 280:
        fail("has a note that is not text of up to 280 characters")
    return {"day": day, "mood": mood, "note": note}


def _list(data, key, what):
    items = data.get(key) or []
    if not isinstance(items, list):
        raise ImportFailed(f"The file's {what} are not a list. Nothing was imported.")
    return items


def _holds_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


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
    if _holds_nul(data):
        # No database stores a NUL character in text; the site's own forms refuse it.
        raise ImportFailed(
            "This file holds a NUL character, which no text here can keep. Nothing was imported."
        )
    if data.get("version") != VERSION:
        raise ImportFailed("This export's version is not one we can read. Nothing was imported.")
    entries, tags = data.get("entries"), data.get("tags") or []
    if not isinstance(entries, list) or not isinstance(tags, list):
        raise ImportFailed("The file's entries are not a list. Nothing was imported.")
    if not all(isinstance(name, str) and len(name) <= TAG_MAX_CHARS for name in tags):
        raise ImportFailed("The file's tags are not a list of short names. Nothing was imported.")
    # Exports made before the journey was exported simply have none of these.
    parts = [
        ("stage_transitions", "stage moves", _parse_transition),
        ("practice_ticks", "practice ticks", _parse_tick),
        ("check_ins", "check-ins", _parse_check_in),
    ]
    return {
        "entries": [_parse_entry(n, raw) for n, raw in enumerate(entries, start=1)],
        "tags": tags,
        "journey": _parse_journey(data.get("journey")),
        **{
            key: [parse(n, raw) for n, raw in enumerate(_list(data, key, what), start=1)]
            for key, what, parse in parts
        },
    }


class GuideKeys:
    """The guide as it is now, found by the keys an export writes."""

    def __init__(self):
        # Only what is public: an import must not put anyone in a draft.
        stages = Stage.objects.published()
        self.stages = {stage.slug: stage for stage in stages}
        self.practices, self.prompts, self.sections = {}, {}, {}
        self.prompts_by_text, self.sections_by_title = {}, {}
        practices = Practice.objects.filter(stage__in=stages).select_related("stage")
        for practice in practices.only("title", "stage__slug"):
            self.practices.setdefault((practice.stage.slug, practice.title), practice)
        prompts = Prompt.objects.filter(stage__in=stages).select_related("stage")
        for prompt in prompts.only("text", "stage__slug"):
            self.prompts.setdefault((prompt.stage.slug, prompt.text), prompt)
            self.prompts_by_text.setdefault(prompt.text, []).append(prompt)
        sections = (
            Section.objects.readable()
            .select_related("article")
            .only("title", "slug", "article__slug")
        )
        for section in sections:
            self.sections.setdefault((section.article.slug, section.slug), section)
            self.sections_by_title.setdefault(section.title, []).append(section)

    def stage(self, slug):
        return self.stages.get(slug) if slug else None

    def practice(self, stage_slug, title):
        return self.practices.get((stage_slug, title))

    @staticmethod
    def _only(candidates):
        return candidates[0] if len(candidates) == 1 else None

    def entry_links(self, links):
        """The entry's stage, prompt and section, and whether any of them is gone."""
        stage = self.stage(links["stage"])
        prompt = section = None
        if links["prompt"]:
            if links["prompt_stage"]:
                prompt = self.prompts.get((links["prompt_stage"], links["prompt"]))
            else:  # An older export: the text alone, when it is not ambiguous.
                prompt = self._only(self.prompts_by_text.get(links["prompt"], []))
        if links["section_article"] and links["section_slug"]:
            section = self.sections.get((links["section_article"], links["section_slug"]))
        elif links["section"]:  # An older export: the title alone.
            section = self._only(self.sections_by_title.get(links["section"], []))
        wanted = [links["stage"], links["prompt"], links["section"] or links["section_slug"]]
        found = [stage, prompt, section]
        missing = any(want and not got for want, got in zip(wanted, found, strict=True))
        return {"stage": stage, "prompt": prompt, "section": section}, missing


def _count(number, one, many=None):
    return f"{number} {one if number == 1 else (many or one + 's')}"


def _join(parts):
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@dataclasses.dataclass
class ImportResult:
    """What an import added, what it found already here, and what the guide no longer has."""

    entries_added: int = 0
    entries_here: int = 0
    entries_unlinked: int = 0
    journey: str = ""  # "added", "kept" (theirs), "gone" (its stage is not in the guide)
    transitions_added: int = 0
    transitions_here: int = 0
    transitions_gone: int = 0
    ticks_added: int = 0
    ticks_here: int = 0
    ticks_gone: int = 0
    check_ins_added: int = 0
    check_ins_here: int = 0

    def summary(self):
        entries = _count(self.entries_added, "entry", "entries")
        text = [f"Imported {entries}; {self.entries_here} already in your journal were left as"
                " they are."]  # fmt: skip
        added = ["your journey"] if self.journey == "added" else []
        added += [_count(self.transitions_added, "stage move")] if self.transitions_added else []
        added += [_count(self.ticks_added, "practice tick")] if self.ticks_added else []
        added += [_count(self.check_ins_added, "check-in")] if self.check_ins_added else []
        if added:
            text.append(f"Also brought back: {_join(added)}.")
        if self.journey == "kept":
            text.append("You already have a journey, so yours was kept as it is.")
        here = [_count(self.transitions_here, "stage move")] if self.transitions_here else []
        here += [_count(self.ticks_here, "practice tick")] if self.ticks_here else []
        if here:
            text.append(f"{_join(here)} already here were left as they are.")
        if self.check_ins_here:
            text.append(
                f"{_count(self.check_ins_here, 'check-in')} fell on days you already checked in;"
                " yours were kept."
            )
        return " ".join(text)

    def notes(self):
        """What could not come back because the guide has changed since the export."""
        notes = []
        if self.entries_unlinked:
            notes.append(
                f"{_count(self.entries_unlinked, 'entry', 'entries')} referred to stages, prompts"
                " or guide sections that are no longer in the guide; they were imported without"
                " those links."
            )
        if self.journey == "gone":
            notes.append(
                "Your journey's stage is no longer in the guide, so the journey was skipped:"
                " you can choose your stage again."
            )
        if self.transitions_gone:
            notes.append(
                f"{_count(self.transitions_gone, 'stage move')} referred to stages that are no"
                " longer in the guide and were skipped."
            )
        if self.ticks_gone:
            notes.append(
                f"{_count(self.ticks_gone, 'practice tick')} referred to practices that are no"
                " longer in the guide and were skipped."
            )
        return notes


def _import_entries(user, parsed, guide, result):
    have = {
        entry_key(*values)
        for values in Entry.objects.for_owner(user).values_list(
            "created_at", "entry_date", "title", "body"
        )
    }
    new = []
    for item in parsed["entries"]:
        key = entry_key(item["created_at"], item["entry_date"], item["title"], item["body"])
        if key not in have:
            have.add(key)
            new.append(item)
    every_name = parse_tag_names(
        ",".join([*parsed["tags"], *(n for i in new for n in i["tag_names"])])
    )
    tags = {tag.name.casefold(): tag for tag in Tag.for_names(user, every_name)}
    entries = []
    for item in new:
        links, missing = guide.entry_links(item["links"])
        result.entries_unlinked += missing
        fields = {k: v for k, v in item.items() if k not in ("tag_names", "links")}
        entry = Entry(owner=user, **fields, **links)
        # The words the entry answered stay with it, even when the guide item is gone.
        entry.prompt_text = (item["links"]["prompt"] or "")[:300]
        entry.section_title = (item["links"]["section"] or "")[:200]
        entry.remember_guide_words()
        entries.append(entry)
    entries = Entry.objects.bulk_create(entries)
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
    result.entries_added, result.entries_here = len(new), len(parsed["entries"]) - len(new)


def _import_journey(user, raw, guide, result):
    """Made if the person has none; a journey of their own is always kept."""
    if raw is None:
        return None
    if Journey.objects.for_owner(user).exists():
        result.journey = "kept"
        return None
    stage = guide.stage(raw["stage"])
    if stage is None:
        result.journey = "gone"
        return None
    # Not Journey.start: its first stage comes back with the file's own stage moves.
    journey = Journey.objects.create(
        owner=user, role=raw["role"], stage=stage, intention=raw["intention"]
    )
    if raw["started_at"]:  # auto_now_add stamped the import time.
        Journey.objects.filter(pk=journey.pk).update(started_at=raw["started_at"])
    result.journey = "added"
    return journey


def _import_transitions(user, moves, guide, result):
    """Matched on (time, from, to); the history is appended to, never rewritten."""
    have = set(
        Transition.objects.for_owner(user).values_list("created_at", "from_stage", "to_stage")
    )
    new = []
    for move in moves:
        from_stage, to_stage = guide.stage(move["from_stage"]), guide.stage(move["to_stage"])
        if to_stage is None or (move["from_stage"] and from_stage is None):
            result.transitions_gone += 1
            continue
        key = (move["created_at"], from_stage and from_stage.pk, to_stage.pk)
        if key in have:
            result.transitions_here += 1
            continue
        have.add(key)
        new.append(
            Transition(
                owner=user,
                from_stage=from_stage,
                to_stage=to_stage,
                note=move["note"],
                created_at=move["created_at"],
            )  # fmt: skip
        )
    Transition.objects.bulk_create(new)
    result.transitions_added = len(new)


def _import_ticks(user, ticks, guide, result):
    """Matched on (practice, day done); a practice already ticked keeps its own tick."""
    mine = PracticeTick.objects.for_owner(user)
    have = set(mine.values_list("practice", "done_on"))
    active = set(mine.active().values_list("practice", flat=True))
    new = []
    for tick in ticks:
        practice = guide.practice(tick["stage"], tick["practice"])
        if practice is None:
            result.ticks_gone += 1
            continue
        key = (practice.pk, tick["done_on"])
        # Only one tick of a practice may be active: the one already here stays.
        if key in have or (tick["undone_on"] is None and practice.pk in active):
            result.ticks_here += 1
            continue
        have.add(key)
        if tick["undone_on"] is None:
            active.add(practice.pk)
        new.append(
            PracticeTick(
                owner=user,
                practice=practice,
                practice_title=practice.title,
                done_on=tick["done_on"],
                undone_on=tick["undone_on"],
            )  # fmt: skip
        )
    PracticeTick.objects.bulk_create(new)
    result.ticks_added = len(new)


def _import_check_ins(user, check_ins, result):
    """One per day: a day already checked in keeps the person's own check-in."""
    have = set(CheckIn.objects.for_owner(user).values_list("day", flat=True))
    new = []
    for check_in in check_ins:
        if check_in["day"] in have:
            result.check_ins_here += 1
            continue
        have.add(check_in["day"])
        new.append(CheckIn(owner=user, **check_in))
    CheckIn.objects.bulk_create(new)
    result.check_ins_added = len(new)


def import_data(user, raw_bytes):
    """Add everything of the export that is not here yet; importing twice doubles nothing.

    Returns an ImportResult. Raises ImportFailed with nothing changed.
    """
    parsed = parse_export(raw_bytes)
    result = ImportResult()
    try:
        with transaction.atomic():
            guide = GuideKeys()
            _import_entries(user, parsed, guide, result)
            journey = _import_journey(user, parsed["journey"], guide, result)
            _import_transitions(user, parsed["stage_transitions"], guide, result)
            if journey and not Transition.objects.for_owner(user).exists():
                # A history always begins with the first stage, as Journey.start keeps it.
                moment = parsed["journey"]["started_at"] or timezone.now()
                Transition.objects.create(owner=user, to_stage=journey.stage, created_at=moment)
            _import_ticks(user, parsed["practice_ticks"], guide, result)
            _import_check_ins(user, parsed["check_ins"], result)
    except IntegrityError as error:
        # Another tab or import wrote the same things at the same moment.
        raise ImportFailed(
            "Your journal changed while this file was being imported. Nothing was imported;"
            " please try again."
        ) from error
    return result
