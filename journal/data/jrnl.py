"""jrnl's `jrnl --export json` as entry records.

jrnl writes {"tags": {"@tag": count}, "entries": [...]}, each entry with "title" (the
first sentence), "body" (the rest), "date" ("YYYY-MM-DD"), "time" ("HH:MM"), "tags"
(["@tag", ...]) and "starred". jrnl keeps times without a time zone, on the clock of
whoever wrote them, so they are read in the importer's own zone.
"""

import datetime
import json

from .outside import OutsideEntry, SourceError


def read(upload, zone):
    try:
        document = json.loads(upload.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise SourceError("This file is not readable JSON, so not a jrnl export.") from error
    items = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise SourceError("This is not a jrnl export: it has no list of entries.")
    return [_entry(number, item, zone) for number, item in enumerate(items, start=1)], 0


def _entry(number, item, zone):
    if not isinstance(item, dict):
        raise SourceError(f"Entry {number} in the file is not a jrnl entry.")
    try:
        moment = datetime.datetime.combine(
            datetime.date.fromisoformat(item.get("date")),
            datetime.time.fromisoformat(item.get("time") or "00:00"),
        )
    except (TypeError, ValueError):
        moment = None
    title, body = item.get("title"), item.get("body")
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    return OutsideEntry.make(
        number=number,
        title=(title if isinstance(title, str) else "").strip(),
        body=(body if isinstance(body, str) else "").strip(),
        moment=moment,
        zone=None,
        tags=tags,
        starred=item.get("starred") is True,
        fallback_zone=zone,
    )
