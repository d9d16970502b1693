"""What the Day One and jrnl readers share: an entry from another app, ready to be
checked and written as any entry of an export is."""

import dataclasses
import datetime
import zoneinfo

from django.utils.dateparse import parse_datetime

from journal.entries.forms import TAG_MAX_CHARS
from journal.entries.models import Entry

TITLE_MAX = Entry._meta.get_field("title").max_length
STARRED_TAG = "starred"
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


class SourceError(ValueError):
    """The file is not what it claims to be; the message says why, in plain words."""


def zone_named(name, fallback):
    try:
        return zoneinfo.ZoneInfo(name) if isinstance(name, str) and name else fallback
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return fallback


def tag_name(raw):
    """A tag from another app as a tag here: no "@", no comma (our separator), short."""
    name = " ".join(str(raw).lstrip("@").replace(",", " ").split())
    return name[:TAG_MAX_CHARS].strip()


@dataclasses.dataclass
class OutsideEntry:
    title: str
    body: str
    created_at: datetime.datetime
    entry_date: datetime.date
    updated_at: datetime.datetime
    tags: list
    attachments: int = 0

    @classmethod
    def make(cls, *, number, title, body, moment, zone, tags, starred, attachments=0,
             modified=None, fallback_zone=datetime.UTC):  # fmt: skip
        """An entry from the parts another app stores; `moment` is ISO 8601 text or an
        aware datetime, and its day is the day where it was written (`zone`)."""
        created = moment if isinstance(moment, datetime.datetime) else _parse(moment)
        # Far-off years overflow when moved between zones; no journal reaches them.
        if created is None or not EARLIEST_YEAR <= created.year <= LATEST_YEAR:
            raise SourceError(f"Entry {number} in the file has a missing or unreadable date.")
        if created.tzinfo is None:
            created = created.replace(tzinfo=zone_named(zone, fallback_zone))
        where = zone_named(zone, fallback_zone)
        updated = _parse(modified) or created
        if len(title) > TITLE_MAX:  # A long first line stays in the text, whole.
            title, body = "", f"{title}\n\n{body}".strip()
        if not body.strip():  # A title alone is the whole entry.
            title, body = "", title
        names = [tag_name(tag) for tag in tags if isinstance(tag, str)]
        names += [STARRED_TAG] if starred else []
        return cls(
            title=title,
            body=body,
            created_at=created,
            entry_date=created.astimezone(where).date(),
            updated_at=updated if updated.tzinfo else updated.replace(tzinfo=where),
            tags=[name for name in dict.fromkeys(names) if name],
            attachments=attachments,
        )

    def as_record(self):
        """The entry as an export of this site writes it, for the same checks and writing."""
        return {
            "title": self.title,
            "body": self.body,
            "mood": None,
            "tags": self.tags,
            "entry_date": self.entry_date.isoformat(),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }


def _parse(value):
    try:
        return parse_datetime(value.replace("Z", "+00:00")) if isinstance(value, str) else None
    except ValueError:
        return None
