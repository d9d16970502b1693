import json

from django import forms
from django.template.loader import render_to_string

from .export import FORMAT, VERSION
from .records import RECORDS

IMPORT_MAX_BYTES = 20 * 1024 * 1024
MESSAGES = "journal/includes/import_messages.txt"


def message(part, **context):
    """One part of the import's message template, as one line of plain text."""
    return " ".join(render_to_string(f"{MESSAGES}#{part}", context).split())


class ImportForm(forms.Form):
    """A JSON export, read whole and every record checked before anything is written:
    `records` holds one valid form per record, by kind."""

    file = forms.FileField(
        label="Your JSON export",
        help_text="The .json file from “Download as JSON”. Anything you already have is skipped.",
    )
    error_messages = {
        "too_large": "This file is too large to be a journal export.",
        "not_json": "This file is not a journal export (it is not readable JSON). "
        "Nothing was imported.",
        "not_export": "This file is not a journal export from this site. Nothing was imported.",
        "version": "This export's version is not one we can read. Nothing was imported.",
        "changed": "Your journal changed while this file was being imported. "
        "Nothing was imported; please try again.",
    }

    def refuse(self, code):
        return forms.ValidationError(self.error_messages[code], code=code)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise self.refuse("too_large")
        try:
            data = json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            raise self.refuse("not_json") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self.refuse("not_export")
        if data.get("version") != VERSION:
            raise self.refuse("version")
        self.records = {kind: self.read(kind, data.get(kind)) for kind in RECORDS}
        return upload

    @staticmethod
    def read(kind, items):
        """Every record of one kind, each checked; an older export may have none of a kind."""
        form_class = RECORDS[kind]
        if form_class.single:
            items = None if items is None else [items]
        if not isinstance(items or [], list):
            raise forms.ValidationError(message("not-a-list", kind=kind), code="not_a_list")
        records = [form_class(item) for item in items or []]
        for number, record in enumerate(records, start=1):
            if not record.is_valid():
                number = None if form_class.single else number
                text = message("record-error", kind=kind, number=number, **record.problem())
                raise forms.ValidationError(text, code="invalid_record")
        return records
