"""Bringing a journal kept in another app (Day One, jrnl): the form reads the file into
entries as this site's own export writes them, and then checks them with the same record
forms, so the writing is the site's own import: idempotent and all-or-nothing."""

from django import forms
from django.utils import timezone

from . import dayone, jrnl
from .forms import ImportForm
from .outside import SourceError

JSON_MAX_BYTES = 20 * 1024 * 1024
ZIP_MAX_BYTES = 100 * 1024 * 1024
SOURCES = {"dayone": "Day One", "jrnl": "jrnl"}


class OtherAppImportForm(forms.Form):
    prefix = "other"  # The data page holds this site's own import form too.
    source = forms.ChoiceField(
        label="Where is it from?",
        choices=[
            ("dayone", "Day One: the .zip (or the Journal.json inside it) from Export → JSON"),
            ("jrnl", "jrnl: the file from “jrnl --export json”"),
        ],
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label="The exported file",
        help_text="Up to 100 MB for a Day One zip (photos and other attachments are left out),"
        " 20 MB for a JSON file. Entries already here are skipped.",
    )

    def clean(self):
        cleaned = super().clean()
        source, upload = cleaned.get("source"), cleaned.get("file")
        if not source or not upload:
            return cleaned
        limit = ZIP_MAX_BYTES if source == "dayone" else JSON_MAX_BYTES
        if upload.size > limit:
            self.add_error("file", f"This file is larger than {limit // 1024 // 1024} MB.")
            return cleaned
        try:
            if source == "dayone":
                self.entries, self.attachments = dayone.read(upload, JSON_MAX_BYTES)
            else:
                self.entries, self.attachments = jrnl.read(upload, timezone.get_current_timezone())
        except SourceError as error:
            self.add_error("file", f"{error} Nothing was imported.")
            return cleaned
        try:
            self.records = {
                "entries": ImportForm.read("entries", [e.as_record() for e in self.entries])
            }
        except forms.ValidationError as error:
            self.add_error("file", error)
        return cleaned


def summary(source, counts, attachments):
    added, here = counts["entries_added"], counts["entries_here"]
    entries = f"{added} entr{'y' if added == 1 else 'ies'}"
    text = f"Imported {entries} from {SOURCES[source]}; {here} already in your journal were"
    text += " left as they are."
    if attachments == 1:
        text += " 1 photo or other attachment was left out: only the words come across."
    elif attachments:
        text += (
            f" {attachments} photos or other attachments were left out: only the words come across."
        )
    return text
