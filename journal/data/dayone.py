"""Day One's JSON export (the .zip with Journal.json, or the .json alone) as entry records.

Day One writes one JSON document per journal: {"metadata": {...}, "entries": [...]}, each
entry with "creationDate" (UTC, ISO 8601), "timeZone" (an IANA name), "text" (Markdown,
its first line a "# " heading when the entry has a title), "tags", "starred" and lists
of "photos", "videos", "audios" and "pdfAttachments". Attachments are not brought over:
they are counted, and their `![](dayone-moment://…)` references dropped from the text.
Nothing in the file is run or shown as HTML; the text is stored as Markdown like any entry.
"""

import io
import json
import re
import zipfile

from .outside import OutsideEntry, SourceError

ATTACHMENT_KINDS = ("photos", "videos", "audios", "pdfAttachments")
MOMENT = re.compile(r"!\[[^\]]*\]\(dayone-moment:/{1,2}[^)]*\)\n?")
# Day One escapes Markdown punctuation it did not mean as Markdown ("3\. May", "\- item").
BLANK_LINES = re.compile(r"\n{3,}")
ESCAPE = re.compile(r"\\([.\-()!\[\]#*_+`>])")


def read(upload, max_json_bytes):
    """Every entry of a Day One export (a zip of journals or one journal's JSON)."""
    raw = upload.read()
    if zipfile.is_zipfile(io.BytesIO(raw)):
        documents = _from_zip(raw, max_json_bytes)
    else:
        documents = [_load(raw)]
    entries, attachments = [], 0
    for document in documents:
        items = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise SourceError("This is not a Day One export: it has no list of entries.")
        for number, item in enumerate(items, start=1):
            entry = _entry(number, item)
            attachments += entry.attachments
            entries.append(entry)
    return entries, attachments


def _load(raw):
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise SourceError("This file is not readable JSON, so not a Day One export.") from error


def _from_zip(raw, max_json_bytes):
    """The JSON journals at the top of the zip, never unpacked to disk."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = [
            info for info in archive.infolist()
            if info.filename.lower().endswith(".json") and "/" not in info.filename.strip("/")
        ]  # fmt: skip
        if not members:
            raise SourceError("This zip has no Journal.json, so it is not a Day One export.")
        if sum(info.file_size for info in members) > max_json_bytes:
            raise SourceError("The journals in this zip are too large to import at once.")
        return [_load(archive.read(info)) for info in members]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise SourceError("This zip file is damaged and cannot be read.") from error


def _entry(number, item):
    if not isinstance(item, dict):
        raise SourceError(f"Entry {number} in the file is not a Day One entry.")
    text = item.get("text")
    text = text if isinstance(text, str) else ""
    attachments = sum(
        len(item[kind]) for kind in ATTACHMENT_KINDS if isinstance(item.get(kind), list)
    )
    text = ESCAPE.sub(r"\1", MOMENT.sub("", text))
    text = BLANK_LINES.sub("\n\n", text).strip()  # where an attachment stood
    title, body = "", text
    first, _, rest = text.partition("\n")
    if first.startswith("# "):
        title, body = first[2:].strip(), rest.strip()
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    return OutsideEntry.make(
        number=number,
        title=title,
        body=body,
        moment=item.get("creationDate"),
        zone=item.get("timeZone"),
        modified=item.get("modifiedDate"),
        tags=tags,
        starred=item.get("starred") is True,
        attachments=attachments,
    )
