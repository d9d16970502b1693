"""One form per kind of record in a JSON export, and the table of kinds an import reads.

A record form checks one record as the site's own forms do, with the limits of its model's
fields; says what makes a record the same as one already here (`keys`), so importing twice
adds nothing; and builds the unsaved object, finding guide items by the names the export
writes. A new kind: one RecordForm subclass and one line in RECORDS.
"""

import datetime
import hashlib

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from journal.entries.forms import parse_tag_names
from journal.entries.models import Entry, Tag
from journal.journey.models import CheckIn, Journey, PracticeTick, Transition
from journal.letters.models import Kind, Letter, Seal
from journal.reminders.models import ReminderSettings

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def readable_year(value):
    # Far-off years overflow when converted to UTC; no journal reaches them.
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError("This date is too far off.", code="far_off")


class RecordForm(forms.ModelForm):
    """One record of the file: text and whole numbers only, never a list where text belongs."""

    # Entries keep a link the guide no longer has as no link; the other kinds are skipped.
    keeps_missing_links = False
    ignore_conflicts = False
    single = False  # One record in the file rather than a list of them.

    def __init__(self, record):
        self.is_record = isinstance(record, dict)
        record = record if self.is_record else {}
        # Only a JSON field takes a list; a whole number (a mood) is read as its digits.
        self.unreadable = [
            name for name, field in self.base_fields.items()
            if not isinstance(field, forms.JSONField)
            and not isinstance(record.get(name), str | int | None)
        ]  # fmt: skip
        data = {k: str(v) if isinstance(v, int) else v for k, v in record.items()}
        super().__init__({k: v for k, v in data.items() if k not in self.unreadable})
        self.missing = False
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.strip = False  # Saved exactly as exported, so it matches itself again.
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(readable_year)

    def clean(self):
        if not self.is_record:
            raise ValidationError("This is not a record.", code="not_a_record")
        for name in self.unreadable:
            self.add_error(name, ValidationError("This is not text.", code="unreadable"))
        return self.cleaned_data

    def problem(self):
        """The first thing wrong, as the import's message template words it."""
        errors = self.errors.as_data()
        name = next(name for name in [NON_FIELD_ERRORS, *self.fields] if name in errors)
        field = self.fields.get(name)
        return {
            "field": field and name,
            "label": field and self[name].label.lower(),
            "limit": getattr(field, "max_length", None)
            or (errors[name][0].params or {}).get("limit_value"),
            "date": isinstance(field, forms.DateField | forms.DateTimeField),
            "code": errors[name][0].code,
        }

    @staticmethod
    def keys(obj):
        """What makes `obj` the same as one already here (for a saved one or a new one)."""
        raise NotImplementedError

    def build(self, user, guide):
        """The unsaved object; sets `missing` when a guide item it names is gone."""
        self.instance.owner = user
        return self.instance

    @classmethod
    def after_import(cls, user, forms):
        """Anything bulk_create cannot do for the new objects of this kind."""


class TagRecord(RecordForm):
    ignore_conflicts = True  # Another tab may make the same tag at the same moment.

    class Meta:
        model = Tag
        fields = ["name"]

    def __init__(self, name):
        super().__init__({"name": name})

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    @staticmethod
    def keys(tag):
        return {tag.name.casefold()}


class EntryRecord(RecordForm):
    keeps_missing_links = True
    created_at = forms.DateTimeField()
    updated_at = forms.DateTimeField(required=False)
    tags = forms.JSONField(required=False)
    stage = forms.CharField(required=False)
    # The words the entry answered (Entry.prompt_text, section_title), kept with it even
    # when the guide no longer has the prompt or section.
    prompt = forms.CharField(required=False, max_length=300)
    prompt_stage = forms.CharField(required=False)
    section = forms.CharField(required=False, max_length=200)
    section_article = forms.CharField(required=False)
    section_slug = forms.CharField(required=False)

    class Meta:
        model = Entry
        fields = ["title", "body", "mood", "entry_date"]

    def clean_tags(self):
        tags = self.cleaned_data["tags"] or []
        if not isinstance(tags, list) or not all(TagRecord(tag).is_valid() for tag in tags):
            raise ValidationError("These are not tag names.", code="invalid")
        return parse_tag_names(",".join(tags))

    def clean_body(self):
        if not self.cleaned_data["body"].strip():
            raise ValidationError("This entry has no text.", code="required")
        return self.cleaned_data["body"]

    @staticmethod
    def keys(entry):
        moment = entry.created_at.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
        digest = hashlib.sha256(entry.body.encode()).hexdigest()
        return {(moment, entry.entry_date.isoformat(), entry.title, digest)}

    def build(self, user, guide):
        data, entry = self.cleaned_data, super().build(user, guide)
        entry.created_at = data["created_at"]
        entry.stage = guide.stage.get(data["stage"])
        # An older export names the prompt by its text and the section by its title.
        entry.prompt = guide.prompt.get(
            (data["prompt_stage"], data["prompt"]) if data["prompt_stage"] else data["prompt"]
        )
        entry.section = guide.section.get(
            (data["section_article"], data["section_slug"])
            if data["section_slug"]
            else data["section"]
        )
        entry.prompt_text, entry.section_title = data["prompt"], data["section"]
        entry.remember_guide_words()
        wanted = [data["stage"], data["prompt"], data["section"] or data["section_slug"]]
        found = [entry.stage, entry.prompt, entry.section]
        self.missing = any(name and not item for name, item in zip(wanted, found, strict=True))
        return entry

    @classmethod
    def after_import(cls, user, forms):
        entries = [form.instance for form in forms]
        for form, entry in zip(forms, entries, strict=True):
            entry.updated_at = form.cleaned_data["updated_at"] or entry.created_at
        Entry.objects.bulk_update(entries, ["updated_at"])  # auto_now stamped the import time.
        names = [name for form in forms for name in form.cleaned_data["tags"]]
        tags = {tag.name.casefold(): tag for tag in Tag.for_names(user, names)}
        Entry.tags.through.objects.bulk_create(
            Entry.tags.through(entry_id=form.instance.pk, tag_id=tags[name.casefold()].pk)
            for form in forms
            for name in form.cleaned_data["tags"]
        )


class TransitionRecord(RecordForm):
    from_stage = forms.CharField(required=False)
    to_stage = forms.CharField()

    class Meta:
        model = Transition
        fields = ["note", "created_at"]

    @staticmethod
    def keys(move):  # The history is appended to, never rewritten.
        return {(move.created_at, move.from_stage_id, move.to_stage_id)}

    def build(self, user, guide):
        data, move = self.cleaned_data, super().build(user, guide)
        move.from_stage = guide.stage.get(data["from_stage"])
        move.to_stage = guide.stage.get(data["to_stage"])
        self.missing = not move.to_stage_id or bool(data["from_stage"] and not move.from_stage)
        return move


class JourneyRecord(RecordForm):
    """The file's journey, made only for someone who has none: theirs is always kept."""

    single = True
    stage = forms.CharField()
    started_at = forms.DateTimeField(required=False)

    class Meta:
        model = Journey
        fields = ["role", "intention"]

    @staticmethod
    def keys(journey):
        return {"a journey"}

    def build(self, user, guide):
        journey = super().build(user, guide)
        journey.stage = guide.stage.get(self.cleaned_data["stage"])
        self.missing = journey.stage_id is None
        return journey

    @classmethod
    def after_import(cls, user, forms):
        for form in forms:
            journey, started_at = form.instance, form.cleaned_data["started_at"]
            if started_at:  # auto_now_add stamped the import time.
                Journey.objects.filter(pk=journey.pk).update(started_at=started_at)
            if not Transition.objects.for_owner(user).exists():
                # A history always begins with the first stage, as Journey.start keeps it.
                Transition.objects.create(
                    owner=user, to_stage=journey.stage, created_at=started_at or journey.started_at
                )


class PracticeTickRecord(RecordForm):
    practice = forms.CharField()
    stage = forms.CharField()

    class Meta:
        model = PracticeTick
        fields = ["done_on", "undone_on"]

    @staticmethod
    def keys(tick):
        # Only one tick of a practice may be active: one already here stays.
        active = {("active", tick.practice_id)} if tick.undone_on is None else set()
        return {(tick.practice_id, tick.done_on), *active}

    def build(self, user, guide):
        tick = super().build(user, guide)
        tick.practice = guide.practice.get(
            (self.cleaned_data["stage"], self.cleaned_data["practice"])
        )
        tick.practice_title = self.cleaned_data["practice"]  # the title as it was ticked
        self.missing = tick.practice_id is None
        return tick


class CheckInRecord(RecordForm):
    class Meta:
        model = CheckIn
        fields = ["day", "mood", "note"]

    @staticmethod
    def keys(check_in):  # One a day: a day already checked in keeps its own.
        return {check_in.day}


class LetterRecord(RecordForm):
    """A letter; a sealed one comes back sealed, with its own dates, never opened early."""

    created_at = forms.DateTimeField()

    class Meta:
        model = Letter
        fields = ["kind", "title", "body", "seal", "open_on", "sealed_at", "read_at", "archived_at"]

    def clean_body(self):
        if not self.cleaned_data["body"].strip():
            raise ValidationError("This letter has no text.", code="required")
        return self.cleaned_data["body"]

    def clean(self):
        data = super().clean()
        # The model's constraint, said of the field it is about.
        if data.get("kind") == Kind.FUTURE and data.get("seal") not in Seal.values:
            self.add_error("seal", ValidationError("No seal.", code="invalid_choice"))
        elif data.get("seal") == Seal.DATE and not data.get("open_on"):
            self.add_error("open_on", ValidationError("No day.", code="required"))
        elif data.get("kind") == Kind.UNSENT and data.get("seal"):
            self.add_error("seal", ValidationError("Not sealed.", code="invalid_choice"))
        return data

    @staticmethod
    def keys(letter):
        moment = letter.created_at.astimezone(datetime.UTC).replace(microsecond=0).isoformat()
        return {(moment, letter.kind, hashlib.sha256(letter.body.encode()).hexdigest())}

    def build(self, user, guide):
        letter = super().build(user, guide)
        letter.created_at = self.cleaned_data["created_at"]
        letter.sealed_at = letter.sealed_at or (letter.created_at if letter.seal else None)
        return letter


class ReminderSettingsRecord(RecordForm):
    """The file's reminder settings, taken only by someone who has none: theirs are kept."""

    single = True

    class Meta:
        model = ReminderSettings
        fields = ["check_in", "reflect", "time_of_day", "reflect_weekday"]

    @staticmethod
    def keys(settings):
        return {"reminder settings"}


# Each key of the file, the form for its records, in the order they are written: the
# journey after the stage moves, so that it starts a history only when the file has none.
RECORDS = {
    "tags": TagRecord,
    "entries": EntryRecord,
    "stage_transitions": TransitionRecord,
    "journey": JourneyRecord,
    "practice_ticks": PracticeTickRecord,
    "check_ins": CheckInRecord,
    "letters": LetterRecord,
    "reminders": ReminderSettingsRecord,
}
